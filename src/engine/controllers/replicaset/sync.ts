// The level-based sync of one ReplicaSet or ReplicationController (mirrors replica_set.go syncReplicaSet).
import type { KubeObject } from '../../types/object';

import type { ReconcileContext, ReconcileResult } from '../../client/controller';
import { StatusError } from '../../apiserver/types';
import type { Selector } from '../../labels/types';
import { claimDecision, claimObjects, recheckDeletionTimestamp } from '../shared/claimPods';
import { claimCandidates } from '../shared/indexers';
import { filterActivePods } from '../shared/podUtil';
import { podFacts } from '../shared/podFacts';
import { manageReplicas } from './manage';
import { calculateStatus, countReady, selectorImpliesLabels, statusEqual } from './status';
import type { ReadyCounts } from './status';
import type { ReplicaStatus } from './status';
import type { ReplicaExpectations } from './expectationsState';
import { desiredReplicas, replicaSpec, replicaStatus } from './variant';
import type { ReplicaControllerVariant } from './variant';

/** updateReplicaSetStatus: write status only when it changed; one retry on a Conflict with a fresh read */
function updateStatus(
  rs: Readonly<KubeObject>,
  status: ReplicaStatus,
  v: ReplicaControllerVariant,
  ctx: ReconcileContext,
): Readonly<KubeObject> {
  let cur = rs;
  for (let attempt = 0; ; attempt++) {
    if (statusEqual(replicaStatus(cur), status)) return cur;
    try {
      return ctx.api.updateStatus(
        v.resource,
        cur.metadata.namespace,
        // the API server reads only metadata and status from a /status request, and never changes its input
        { ...cur, status },
        ctx.request,
      );
    } catch (e) {
      if (attempt >= 1 || !(e instanceof StatusError) || e.status.code !== 409) throw e;
      cur = ctx.api.get(v.resource, rs.metadata.namespace, rs.metadata.name ?? '');
    }
  }
}

/**
 * What claimObjects(filterActivePods(candidates)) returns when no active candidate is to be adopted or released (the
 * usual sync): the kept pods in candidate order, in one pass and without the intermediate list; undefined otherwise.
 */
function keptWithoutClaiming(
  rs: Readonly<KubeObject>,
  selector: Selector,
  candidates: readonly Readonly<KubeObject>[],
  counts: ReadyCounts,
  nowMs: number,
): Readonly<KubeObject>[] | undefined {
  const kept: Readonly<KubeObject>[] = [];
  const minReady = replicaSpec(rs).minReadySeconds ?? 0;
  const uid = rs.metadata.uid;
  for (const pod of candidates) {
    const f = podFacts(pod);
    if (!f.active) continue;
    // ClaimObject's first case read from the facts (our controllerRef and a selector match keep the pod), else in full
    const d =
      uid !== undefined && f.controllerUid === uid && selector.matches(pod.metadata.labels)
        ? 'keep'
        : claimDecision(rs, selector, pod);
    if (d === 'keep') {
      kept.push(pod);
      // calculateStatus's counts in the same pass
      countReady(counts, f, minReady, nowMs);
    } else if (d !== 'ignore') return undefined;
  }
  return kept;
}

export function syncReplicaSet(
  key: string,
  v: ReplicaControllerVariant,
  exp: ReplicaExpectations,
  ctx: ReconcileContext,
): ReconcileResult | void {
  const rs = ctx.informers.for(v.resource).get(key);
  if (!rs) {
    exp.delete(key);
    return;
  }
  const needsSync = exp.counts.satisfied(key);
  let selector: Selector;
  try {
    selector = v.selector(rs);
  } catch {
    return; // an invalid selector is not retried (HandleError, return nil)
  }
  const candidates = claimCandidates(ctx.informers.for('pods'), rs);
  const nowMs = ctx.nowMs();
  let readyCounts: ReadyCounts | undefined = { ready: 0, available: 0 };
  let claimed = keptWithoutClaiming(rs, selector, candidates, readyCounts, nowMs);
  if (claimed === undefined) {
    readyCounts = undefined;
    const claim = claimObjects(rs, selector, filterActivePods(candidates), {
      api: ctx.api,
      request: ctx.request,
      resource: 'pods',
      canAdopt: recheckDeletionTimestamp(ctx.api, v.resource, rs),
    });
    if (claim.error !== undefined) return { error: claim.error };
    claimed = claim.claimed;
  }
  let manageError: string | undefined;
  if (needsSync && !rs.metadata.deletionTimestamp) manageError = manageReplicas(claimed, rs, v, exp, ctx);
  const spec = replicaSpec(rs);
  const templateLabels = v.template(rs)?.metadata?.labels;
  const status = calculateStatus({
    templateLabels,
    allFullyLabeled: selectorImpliesLabels(selector, templateLabels),
    replicas: desiredReplicas(rs),
    minReadySeconds: spec.minReadySeconds ?? 0,
    generation: rs.metadata.generation,
    current: replicaStatus(rs),
    pods: claimed,
    readyCounts,
    manageError,
    nowMs,
    nowRfc3339: ctx.sim.clock.nowRfc3339(),
  });
  let updated: Readonly<KubeObject>;
  try {
    updated = updateStatus(rs, status, v, ctx);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return;
    return { error: e instanceof Error ? e.message : String(e) };
  }
  if (manageError !== undefined) return { error: manageError };
  const st = replicaStatus(updated);
  const want = desiredReplicas(updated);
  const minReady = replicaSpec(updated).minReadySeconds ?? 0;
  if (minReady > 0 && (st?.readyReplicas ?? 0) === want && (st?.availableReplicas ?? 0) !== want)
    return { requeueAfterMs: minReady * 1000 };
}
