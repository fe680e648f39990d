// ReplicaSet helpers the Deployment controller works with: counts, annotations, revisions and sort orders.
// mirrors pkg/controller/deployment/util/deployment_util.go and pkg/controller/controller_utils.go (ReplicaSetsBy*).
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { timeMs } from '../shared';

export type RS = Readonly<ReplicaSet>;

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export function specReplicas(rs: RS): number {
  return rs.spec?.replicas ?? 1;
}

/** a copy of rs with spec.replicas set (what a planner hands back as "scale rs to n") */
export function withReplicas(rs: RS, n: number): ReplicaSet {
  return { ...rs, spec: { ...(rs.spec ?? { selector: {} }), replicas: n } } as ReplicaSet;
}

const sum = (rss: readonly (RS | undefined)[], f: (rs: RS) => number): number =>
  rss.reduce((acc, rs) => acc + (rs ? f(rs) : 0), 0);

/** GetReplicaCountForReplicaSets: Σ spec.replicas */
export const replicaCount = (rss: readonly (RS | undefined)[]): number => sum(rss, specReplicas);
/** GetActualReplicaCountForReplicaSets: Σ status.replicas */
export const actualReplicaCount = (rss: readonly (RS | undefined)[]): number =>
  sum(rss, (rs) => rs.status?.replicas ?? 0);
/** GetReadyReplicaCountForReplicaSets */
export const readyReplicaCount = (rss: readonly (RS | undefined)[]): number =>
  sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
/** GetAvailableReplicaCountForReplicaSets */
export const availableReplicaCount = (rss: readonly (RS | undefined)[]): number =>
  sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

/** FilterActiveReplicaSets: RSs with spec.replicas > 0 */
export function filterActive(rss: readonly (RS | undefined)[]): RS[] {
  return rss.filter((rs): rs is RS => rs !== undefined && specReplicas(rs) > 0);
}

/** Revision: the revision annotation, 0 when missing; NaN when malformed (callers treat it as an error) */
export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number.parseInt(v, 10) : Number.NaN;
}

/** MaxRevision: highest revision among rss (malformed ones ignored) */
export function maxRevision(rss: readonly RS[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}

function intAnnotation(rs: RS, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number.parseInt(v, 10);
}

/** GetDesiredReplicasAnnotation */
export const desiredReplicasAnnotation = (rs: RS): number | undefined =>
  intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
/** getMaxReplicasAnnotation */
export const maxReplicasAnnotation = (rs: RS): number | undefined =>
  intAnnotation(rs, MAX_REPLICAS_ANNOTATION);

/** ReplicasAnnotationsNeedUpdate */
export function replicasAnnotationsNeedUpdate(rs: RS, desired: number, max: number): boolean {
  const a = rs.metadata?.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** SetReplicasAnnotations on a mutable annotations map; true when anything changed */
export function setReplicasAnnotations(
  annotations: Record<string, string>,
  desired: number,
  max: number,
): boolean {
  let updated = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    updated = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    updated = true;
  }
  return updated;
}

function createdMs(rs: RS): number {
  return timeMs(rs.metadata?.creationTimestamp) ?? 0;
}

/** ReplicaSetsByCreationTimestamp: older first, ties by name */
export function byCreationTimestamp(a: RS, b: RS): number {
  const d = createdMs(a) - createdMs(b);
  if (d !== 0) return d;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: bigger first, ties older first (scale-down order) */
export function bySizeOlder(a: RS, b: RS): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: bigger first, ties newer first (scale-up order) */
export function bySizeNewer(a: RS, b: RS): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(b, a);
}

/** deploymentutil.ReplicaSetsByRevision: ascending revision; equal or unparsable -> creation order */
export function byRevision(a: RS, b: RS): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (Number.isNaN(ra) || Number.isNaN(rb) || ra === rb) return byCreationTimestamp(a, b);
  return ra - rb;
}
