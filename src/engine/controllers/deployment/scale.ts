// Proportional scaling: how a resize of a Deployment is spread over its ReplicaSets mid-rollout.
// mirrors pkg/controller/deployment/sync.go scale, util.FindActiveOrLatest, IsSaturated, GetProportion and
// getReplicaSetFraction (pure: returns the scale steps the reconcile writes in order).
import type { Deployment } from 'kubernetes-types/apps/v1';
import { isRollingUpdate, maxSurge, replicasOf } from './fenceposts';
import type { ScaleStep } from './rolling';
import {
  byCreationTimestamp,
  bySizeNewer,
  bySizeOlder,
  desiredReplicasAnnotation,
  filterActive,
  maxReplicasAnnotation,
  replicaCount,
  specReplicas,
  type RS,
} from './replicaSets';

/** FindActiveOrLatest: the only active RS; with none active the new RS, else the newest old one; several -> undefined */
export function findActiveOrLatest(newRS: RS | undefined, oldRSs: readonly RS[]): RS | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActive([...olds, newRS]);
  if (active.length === 0) return newRS ?? olds[0];
  return active.length === 1 ? active[0] : undefined;
}

/** IsSaturated: the new RS runs exactly spec.replicas available pods and was sized for it */
export function isSaturated(d: Readonly<Deployment>, rs: RS | undefined): boolean {
  if (!rs) return false;
  const replicas = replicasOf(d);
  return (
    specReplicas(rs) === replicas &&
    desiredReplicasAnnotation(rs) === replicas &&
    (rs.status?.availableReplicas ?? 0) === replicas
  );
}

/** integer.RoundToInt32: round half away from zero */
function roundToInt32(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** getReplicaSetFraction: rs's share of the new size minus its current size */
export function getReplicaSetFraction(rs: RS, d: Readonly<Deployment>): number {
  const replicas = replicasOf(d);
  if (replicas === 0) return -specReplicas(rs);
  const deploymentMax = replicas + maxSurge(d);
  let before = maxReplicasAnnotation(rs);
  if (before === undefined || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) before = deploymentMax;
  }
  return roundToInt32((specReplicas(rs) * deploymentMax) / before) - specReplicas(rs);
}

/** GetProportion: the fraction, capped by what is still left to add (or remove) */
export function getProportion(
  rs: RS | undefined,
  d: Readonly<Deployment>,
  toAdd: number,
  added: number,
): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** sync.go scale: the ReplicaSet sizes after a scaling event (steps include unchanged sizes: annotations may move) */
export function planScale(
  d: Readonly<Deployment>,
  newRS: RS | undefined,
  oldRSs: readonly RS[],
): ScaleStep[] {
  const replicas = replicasOf(d);
  const single = findActiveOrLatest(newRS, oldRSs);
  if (single) return specReplicas(single) === replicas ? [] : [{ rs: single, to: replicas }];
  if (isSaturated(d, newRS)) return filterActive(oldRSs).map((rs) => ({ rs, to: 0 }));
  if (!isRollingUpdate(d)) return [];
  const all = filterActive([...oldRSs, newRS]);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - replicaCount(all);
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) all.sort(bySizeOlder);
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const p = getProportion(rs, d, toAdd, added);
    added += p;
    return specReplicas(rs) + p;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, (sizes[0] ?? 0) + toAdd - added);
  return all.map((rs, i) => ({ rs, to: sizes[i] ?? 0, syncAnnotations: true }));
}
