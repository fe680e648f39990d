// Revision history cleanup: delete the oldest fully scaled-down old ReplicaSets beyond revisionHistoryLimit.
// mirrors pkg/controller/deployment/sync.go cleanupDeployment.
import type { Deployment } from 'kubernetes-types/apps/v1';
import { byRevision, specReplicas, type RS } from './replicaSets';

const MAX_INT32 = 2147483647;

/** HasRevisionHistoryLimit */
export function hasRevisionHistoryLimit(d: Readonly<Deployment>): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return l !== undefined && l !== MAX_INT32;
}

/** the old ReplicaSets cleanupDeployment deletes (lowest revisions first; busy ones are skipped, not replaced) */
export function replicaSetsToCleanUp(d: Readonly<Deployment>, oldRSs: readonly RS[]): RS[] {
  if (!hasRevisionHistoryLimit(d)) return [];
  const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
  const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
  if (diff <= 0) return [];
  const sorted = [...cleanable].sort(byRevision);
  const out: RS[] = [];
  for (const rs of sorted.slice(0, diff)) {
    const busy =
      (rs.status?.replicas ?? 0) !== 0 ||
      specReplicas(rs) !== 0 ||
      (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0);
    if (!busy) out.push(rs);
  }
  return out;
}
