// Which ReplicaSet is the Deployment's "new" one, what a freshly created one looks like, and its annotations.
// mirrors pkg/controller/deployment/util/deployment_util.go FindNewReplicaSet, FindOldReplicaSets, EqualIgnoreHash,
// NewRSNewReplicas, SetNewReplicaSetAnnotations and sync.go getNewReplicaSet (the object it creates).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { newControllerRef } from '../shared';
import { canonicalJson } from './hash';
import { isDeeplyFrozen } from '../../store/deepFreeze';
import { maxSurge, replicasOf } from './fenceposts';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  byCreationTimestamp,
  replicaCount,
  setReplicasAnnotations,
  specReplicas,
  type RS,
} from './replicaSets';

/** maxRevHistoryLengthInChars in sync.go */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** annotationsToSkip: never copied from the Deployment onto its ReplicaSets */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

function withoutHash(t: Readonly<PodTemplateSpec> | undefined): unknown {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  const meta = { ...(t?.metadata ?? {}) };
  if (Object.keys(labels).length > 0) meta.labels = labels;
  else delete meta.labels;
  return { ...(t ?? {}), metadata: meta };
}

/**
 * canonicalJson(withoutHash(t)), remembered per frozen template: informer objects are deep-frozen and a ReplicaSet's
 * status updates keep its spec object, so every sync of a rollout compares the same few templates
 */
const templateForms = new WeakMap<object, string>();
function canonicalWithoutHash(t: Readonly<PodTemplateSpec> | undefined): string {
  if (!t || !isDeeplyFrozen(t)) return canonicalJson(withoutHash(t));
  let form = templateForms.get(t);
  if (form === undefined) templateForms.set(t, (form = canonicalJson(withoutHash(t))));
  return form;
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is removed from both */
export function equalIgnoreHash(
  a: Readonly<PodTemplateSpec> | undefined,
  b: Readonly<PodTemplateSpec> | undefined,
): boolean {
  return canonicalWithoutHash(a) === canonicalWithoutHash(b);
}

/** FindNewReplicaSet: the oldest RS whose template equals the Deployment's (ignoring the hash label) */
export function findNewReplicaSet(d: Readonly<Deployment>, rsList: readonly RS[]): RS | undefined {
  const sorted = [...rsList].sort(byCreationTimestamp);
  return sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: [old RSs with replicas > 0, all old RSs] */
export function findOldReplicaSets(d: Readonly<Deployment>, rsList: readonly RS[]): [RS[], RS[]] {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid);
  return [all.filter((rs) => specReplicas(rs) !== 0), all];
}

/** NewRSNewReplicas: how big the new RS may be now (RollingUpdate: bounded by surge; Recreate: replicas) */
export function newRSNewReplicas(
  d: Readonly<Deployment>,
  allRSs: readonly (RS | undefined)[],
  newRS: RS,
): number {
  const replicas = replicasOf(d);
  if (d.spec?.strategy?.type === 'Recreate') return replicas;
  const maxTotal = replicas + maxSurge(d);
  const current = replicaCount(allRSs);
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, replicas - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}

/** copyDeploymentAnnotationsToReplicaSet; true when anything changed */
function copyDeploymentAnnotations(d: Readonly<Deployment>, annotations: Record<string, string>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/** appends oldRevision to the revision-history annotation, dropping the oldest entries past the length limit */
function appendRevisionHistory(
  annotations: Record<string, string>,
  oldRevision: string,
  limit: number,
): void {
  const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
  const old = history.split(',');
  if ((old[0] ?? '').length === 0) {
    annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    return;
  }
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > limit && start < old.length) {
    total -= (old[start] ?? '').length + 1;
    start++;
  }
  if (total <= limit) annotations[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
}

/**
 * SetNewReplicaSetAnnotations on a mutable annotations map: copy the Deployment's annotations, raise the revision
 * to newRevision (recording the previous one in revision-history), and for a new RS set desired/max replicas.
 */
export function setNewReplicaSetAnnotations(
  d: Readonly<Deployment>,
  annotations: Record<string, string>,
  newRevision: number,
  exists: boolean,
  limit = MAX_REV_HISTORY_LENGTH_IN_CHARS,
): boolean {
  let changed = copyDeploymentAnnotations(d, annotations);
  const oldRevision = annotations[REVISION_ANNOTATION];
  let oldInt = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    if (!/^[+-]?\d+$/.test(oldRevision)) return false;
    oldInt = Number.parseInt(oldRevision, 10);
  }
  if (oldInt < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (oldRevision !== undefined) appendRevisionHistory(annotations, oldRevision, limit);
  }
  if (!exists && setReplicasAnnotations(annotations, replicasOf(d), replicasOf(d) + maxSurge(d)))
    changed = true;
  return changed;
}

/** the ReplicaSet getNewReplicaSet creates: `<deploy>-<hash>`, hash label on template/labels/selector, owned by d */
export function buildNewReplicaSet(d: Readonly<Deployment>, hash: string): ReplicaSet {
  const template = structuredClone(d.spec?.template ?? {}) as PodTemplateSpec;
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  template.metadata = { ...(template.metadata ?? {}), labels };
  const sel = structuredClone(d.spec?.selector ?? {});
  sel.matchLabels = { ...(sel.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata?.name ?? ''}-${hash}`,
      namespace: d.metadata?.namespace,
      labels: { ...labels },
      ownerReferences: [newControllerRef({ ...d, apiVersion: 'apps/v1', kind: 'Deployment' } as KubeObject)],
    },
    spec: { replicas: 0, selector: sel, template },
  };
  if (d.spec?.minReadySeconds !== undefined && rs.spec) rs.spec.minReadySeconds = d.spec.minReadySeconds;
  return rs;
}
