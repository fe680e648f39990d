// Writes of the DaemonSet's ControllerRevisions: claim, create the current one, bump its number, prune old ones.
// mirrors pkg/controller/daemon/update.go constructHistory, snapshot, dedupCurHistories and cleanupHistory.
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { ReconcileContext } from '../../client/controller';
import { StatusError } from '../../apiserver/types';
import { selectorFromLabelSelector } from '../../labels/selector';
import type { KubeObject } from '../../types/object';
import { claimObjects, recheckDeletionTimestamp } from '../shared/claimPods';
import {
  buildRevision,
  CONTROLLER_REVISION_HASH_LABEL,
  historiesToDelete,
  matchRevision,
  pickCurrent,
  splitHistory,
} from './history';
import { OWNER_INDEX } from './state';

export interface ConstructedHistory {
  hash: string;
  old: Readonly<ControllerRevision>[];
}

function controlledHistories(
  ctx: ReconcileContext,
  ds: Readonly<KubeObject>,
): Readonly<ControllerRevision>[] {
  const inf = ctx.informers.for('controllerrevisions');
  const ns = ds.metadata.namespace ?? '';
  const candidates = [
    ...inf.byIndex(OWNER_INDEX, ds.metadata.uid ?? ''),
    ...inf.byIndex(OWNER_INDEX, `orphan/${ns}`),
  ];
  const selector = selectorFromLabelSelector((ds as unknown as DaemonSet).spec?.selector);
  const res = claimObjects(ds, selector, candidates, {
    api: ctx.api,
    request: ctx.request,
    resource: 'controllerrevisions',
    canAdopt: recheckDeletionTimestamp(ctx.api, 'daemonsets', ds),
  });
  if (res.error) throw new Error(res.error);
  return res.claimed as unknown as Readonly<ControllerRevision>[];
}

/** snapshot: create `<ds>-<hash>`; AlreadyExists with another template bumps status.collisionCount and fails */
function snapshot(
  ctx: ReconcileContext,
  ds: Readonly<DaemonSet>,
  revision: number,
): Readonly<ControllerRevision> {
  const cr = buildRevision(ds, revision);
  const ns = ds.metadata?.namespace;
  try {
    return ctx.api.create('controllerrevisions', ns, cr, ctx.request) as unknown as ControllerRevision;
  } catch (e) {
    if (!(e instanceof StatusError && e.status.reason === 'AlreadyExists')) throw e;
    const existing = ctx.api.get(
      'controllerrevisions',
      ns,
      cr.metadata.name ?? '',
    ) as unknown as ControllerRevision;
    if (matchRevision(ds, existing)) return existing;
    const fresh = ctx.api.get('daemonsets', ns, ds.metadata?.name ?? '') as unknown as DaemonSet;
    if ((fresh.status?.collisionCount ?? undefined) !== (ds.status?.collisionCount ?? undefined)) {
      throw new Error(
        `found a stale collision count of DaemonSet "${ds.metadata?.name ?? ''}" while processing; will retry until it is updated`,
        { cause: e },
      );
    }
    const status = { ...(fresh.status ?? {}), collisionCount: (fresh.status?.collisionCount ?? 0) + 1 };
    ctx.api.updateStatus('daemonsets', ns, { ...(fresh as unknown as KubeObject), status }, ctx.request);
    throw e;
  }
}

/** constructHistory: the current revision's hash (creating or renumbering it) and the old revisions */
export function constructHistory(ctx: ReconcileContext, ds: Readonly<DaemonSet>): ConstructedHistory {
  const owner = ds as unknown as KubeObject;
  const ns = ds.metadata?.namespace;
  const histories = controlledHistories(ctx, owner).map((h) => {
    if (h.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] !== undefined) return h;
    const copy = structuredClone(h) as ControllerRevision;
    copy.metadata = {
      ...copy.metadata,
      labels: {
        ...(copy.metadata?.labels ?? {}),
        [CONTROLLER_REVISION_HASH_LABEL]: copy.metadata?.name ?? '',
      },
    };
    return ctx.api.update(
      'controllerrevisions',
      ns,
      copy as unknown as KubeObject,
      ctx.request,
    ) as unknown as ControllerRevision;
  });
  const { current, old, nextRevision } = splitHistory(ds, histories);
  let cur = pickCurrent(current);
  if (!cur) cur = snapshot(ctx, ds, nextRevision);
  else {
    // dedupCurHistories: drop duplicates of the current template (pods keep their labels here)
    for (const c of current) {
      if (c !== cur) ctx.api.delete('controllerrevisions', ns, c.metadata?.name ?? '', {}, ctx.request);
    }
    if (cur.revision < nextRevision) {
      const copy = { ...(structuredClone(cur) as ControllerRevision), revision: nextRevision };
      cur = ctx.api.update(
        'controllerrevisions',
        ns,
        copy as unknown as KubeObject,
        ctx.request,
      ) as unknown as ControllerRevision;
    }
  }
  return { hash: cur.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '', old };
}

/** cleanupHistory */
export function cleanupHistory(
  ctx: ReconcileContext,
  ds: Readonly<DaemonSet>,
  old: readonly Readonly<ControllerRevision>[],
  liveHashes: ReadonlySet<string>,
): void {
  const names = historiesToDelete(old, ds.spec?.revisionHistoryLimit ?? 10, liveHashes);
  for (const name of names)
    ctx.api.delete('controllerrevisions', ds.metadata?.namespace, name, {}, ctx.request);
}
