// Writes a DaemonSet's status subresource when the counts changed (mirrors updateDaemonSetStatus / storeDaemonSetStatus).
import type { DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReconcileContext, ReconcileResult } from '../../client/controller';
import { StatusError } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';
import type { SyncView } from './reconcile';
import { computeStatusCounts, statusUnchanged, type StatusCounts } from './status';

/** StatusUpdateRetries */
const STATUS_UPDATE_RETRIES = 1;

/** the apps/v1 JSON of the counts: updated/available/unavailable are omitempty, the others always present */
function statusFields(c: StatusCounts): DaemonSetStatus {
  const s: DaemonSetStatus = {
    currentNumberScheduled: c.currentNumberScheduled,
    numberMisscheduled: c.numberMisscheduled,
    desiredNumberScheduled: c.desiredNumberScheduled,
    numberReady: c.numberReady,
  };
  if (c.updatedNumberScheduled) s.updatedNumberScheduled = c.updatedNumberScheduled;
  if (c.numberAvailable) s.numberAvailable = c.numberAvailable;
  if (c.numberUnavailable) s.numberUnavailable = c.numberUnavailable;
  return s;
}

export function writeStatus(
  ctx: ReconcileContext,
  view: SyncView,
  byNode: ReadonlyMap<string, readonly Readonly<Pod>[]>,
  hash: string,
  templateGeneration: string | undefined,
  updateObservedGen: boolean,
): ReconcileResult {
  const { ds } = view;
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const counts = computeStatusCounts({
    nodes: view.nodes,
    shouldRun: (n) => view.shouldRun(n).shouldRun,
    nodeToDaemonPods: byNode,
    hash,
    templateGeneration,
    minReadySeconds,
    nowMs: ctx.nowMs(),
  });
  // resync after minReadySeconds so pods that turn available are counted (a guard against clock skew upstream)
  const requeue: ReconcileResult =
    minReadySeconds > 0 && counts.numberReady !== counts.numberAvailable
      ? { requeueAfterMs: minReadySeconds * 1000 }
      : {};
  const generation = ds.metadata?.generation ?? 0;
  if (statusUnchanged(ds.status, counts, generation)) return requeue;
  const ns = ds.metadata?.namespace;
  let current: Readonly<DaemonSet> = ds;
  for (let i = 0; ; i++) {
    const { conditions, collisionCount, observedGeneration } = current.status ?? ({} as DaemonSetStatus);
    const status: DaemonSetStatus = {
      ...statusFields(counts),
      ...(updateObservedGen
        ? { observedGeneration: generation }
        : observedGeneration !== undefined
          ? { observedGeneration }
          : {}),
      ...(collisionCount !== undefined ? { collisionCount } : {}),
      ...(conditions ? { conditions } : {}),
    };
    try {
      ctx.api.updateStatus('daemonsets', ns, { ...(current as unknown as KubeObject), status }, ctx.request);
      return requeue;
    } catch (e) {
      if (i >= STATUS_UPDATE_RETRIES || !(e instanceof StatusError) || e.status.code !== 409) throw e;
      current = ctx.api.get('daemonsets', ns, ds.metadata?.name ?? '') as unknown as DaemonSet;
    }
  }
}
