// The revision history kubectl reads: a Deployment's ReplicaSets, or a StatefulSet's/DaemonSet's ControllerRevisions.
// mirrors kubectl/pkg/polymorphichelpers/history.go getDeploymentReplicaSets / controlledHistories and
// kubectl/pkg/util/deployment GetAllReplicaSets (owned by ControllerRef, matching the selector).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { selectorFromLabelSelector } from '../../labels/selector';
import { findNewReplicaSet } from '../../controllers/deployment/newReplicaSet';
import { byCreationTimestamp, type RS } from '../../controllers/deployment/replicaSets';
import { revisionOf } from './rolloutStatusViewer';

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

const controlledBy = (obj: Readonly<KubeObject>, uid: string | undefined) =>
  uid !== undefined &&
  (obj.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid);

/** apiequality.Semantic.DeepEqual as kubectl uses it: nil and empty maps/slices are equal */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) =>
    v === undefined ||
    v === null ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);
  if (empty(a) && empty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => semanticEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false;
  return true;
}

/** a template copy without the pod-template-hash label */
export function stripHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = structuredClone(t ?? {}) as PodTemplateSpec;
  if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return copy;
}

/** deploymentutil.EqualIgnoreHash */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticEqual(stripHash(a), stripHash(b));
}

/**
 * The new and the old ReplicaSets among those a Deployment controls (kubectl/pkg/util/deployment GetAllReplicaSets):
 * findNewReplicaSet sorts the slice in place by replicaSetsByCreationTimestamp (creation time, then name) and takes
 * the oldest one whose template equalIgnoreHash the Deployment's; findOldReplicaSets walks that sorted slice, so the
 * old ones come out oldest first. The new one is found with the Deployment controller's own helper.
 */
export function splitReplicaSets<T extends object>(
  d: Readonly<Deployment>,
  owned: readonly T[],
): { newRS: T | undefined; oldRSs: T[] } {
  const rss = owned as readonly object[] as readonly RS[];
  const newRS = findNewReplicaSet(d, rss);
  const oldRSs = [...rss]
    .sort(byCreationTimestamp)
    .filter((rs) => newRS === undefined || rs.metadata?.uid !== newRS.metadata?.uid);
  return { newRS: newRS as object as T | undefined, oldRSs: oldRSs as object[] as T[] };
}

/** every ReplicaSet the Deployment controls: old ones oldest first, then the new one (getDeploymentReplicaSets) */
export function deploymentReplicaSets(
  rt: ClusterRuntime,
  d: Readonly<Deployment & KubeObject>,
): ReplicaSet[] {
  // a nil selector selects nothing (metav1.LabelSelectorAsSelector)
  if (!d.spec?.selector) return [];
  const selector = selectorFromLabelSelector(d.spec.selector);
  const items = rt.api
    .list('replicasets', d.metadata.namespace, { labelSelector: selector.toString() })
    .items.filter((rs) => controlledBy(rs, d.metadata.uid)) as ReplicaSet[];
  const { newRS, oldRSs } = splitReplicaSets(d, items);
  return newRS ? [...oldRSs, newRS] : oldRSs;
}

export interface HistoryEntry {
  revision: number;
  template: PodTemplateSpec;
  changeCause: string;
  /** the ReplicaSet or ControllerRevision behind this revision */
  source: KubeObject;
}

/** revision -> entry; a later object with the same revision replaces an earlier one, as kubectl's map does */
export function deploymentHistory(
  rt: ClusterRuntime,
  d: Readonly<Deployment & KubeObject>,
): Map<number, HistoryEntry> {
  const out = new Map<number, HistoryEntry>();
  for (const rs of deploymentReplicaSets(rt, d)) {
    let revision: number;
    try {
      revision = revisionOf(rs);
    } catch {
      continue; // kubectl logs a warning and skips an unparsable revision
    }
    // DeploymentHistoryViewer.ViewHistory copies the RS's change-cause into the template's annotations, so
    // --revision=N prints it; the table reads it back from there (a template's own change-cause shows otherwise)
    const template = structuredClone(rs.spec?.template ?? {}) as PodTemplateSpec;
    const cause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '';
    if (cause.length > 0) {
      const meta = (template.metadata ??= {});
      meta.annotations = { ...meta.annotations, [CHANGE_CAUSE_ANNOTATION]: cause };
    }
    const changeCause = template.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '';
    out.set(revision, { revision, template, changeCause, source: rs as KubeObject });
  }
  return out;
}

/** ControllerRevisions a StatefulSet or DaemonSet controls (history.go controlledHistories) */
export function controllerRevisionHistory(
  rt: ClusterRuntime,
  owner: Readonly<KubeObject>,
): Map<number, HistoryEntry> {
  const spec = owner.spec as { selector?: Parameters<typeof selectorFromLabelSelector>[0] } | undefined;
  const out = new Map<number, HistoryEntry>();
  if (!spec?.selector) return out;
  const selector = selectorFromLabelSelector(spec.selector);
  const items = rt.api.list('controllerrevisions', owner.metadata.namespace, {
    labelSelector: selector.toString(),
  }).items;
  for (const cr of items) {
    if (!controlledBy(cr, owner.metadata.uid)) continue;
    const revision = Number((cr as { revision?: number }).revision ?? 0);
    const data = (cr as { data?: { spec?: { template?: PodTemplateSpec & { $patch?: string } } } }).data;
    const { $patch: _patch, ...template } = data?.spec?.template ?? {};
    const changeCause = cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '';
    out.set(revision, { revision, template, changeCause, source: cr });
  }
  return out;
}
