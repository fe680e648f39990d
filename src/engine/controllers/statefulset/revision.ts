// ControllerRevisions of a StatefulSet: snapshot of spec.template, naming, rollback and history truncation.
// mirrors pkg/controller/statefulset/stateful_set_utils.go newRevision/getPatch/ApplyRevision/nextRevision and
// stateful_set_control.go getStatefulSetRevisions/truncateHistory, pkg/controller/history (FindEqualRevisions).
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { newControllerRef } from '../shared/controllerRef';
import { canonicalJson, computeHash } from '../deployment/hash';
import { getPodRevision } from './identity';

/** history.ControllerRevisionHashLabel */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

type RevisionData = { spec: { template: Record<string, unknown> } };

/** getPatch: {spec:{template:{..., $patch: replace}}} */
export function revisionData(set: Readonly<StatefulSet>): RevisionData {
  return { spec: { template: { ...structuredClone(set.spec?.template ?? {}), $patch: 'replace' } } };
}

/** newRevision: the ControllerRevision `<set>-<hash>` for set's template, not yet stored */
export function newRevision(
  set: Readonly<StatefulSet>,
  revision: number,
  collisionCount: number,
): ControllerRevision {
  const data = revisionData(set);
  // HashControllerRevision hashes the stored patch; the patch is the template, so hash the template
  const hash = computeHash(set.spec?.template, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${set.metadata?.name ?? ''}-${hash}`,
      namespace: set.metadata?.namespace,
      labels: { ...(set.spec?.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ...(set.metadata?.annotations ? { annotations: { ...set.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(set as unknown as KubeObject)],
    },
    data,
    revision,
  };
}

/** history.EqualRevision: same stored template */
export function equalRevision(a: Readonly<ControllerRevision>, b: Readonly<ControllerRevision>): boolean {
  return canonicalJson(a.data) === canonicalJson(b.data);
}

/** history.SortControllerRevisions: by revision, then creation, then name */
export function sortRevisions<T extends Readonly<ControllerRevision>>(revs: readonly T[]): T[] {
  return [...revs].sort(
    (a, b) =>
      a.revision - b.revision ||
      (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '') ||
      (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  );
}

/** nextRevision: highest revision + 1 (1 for an empty history) */
export function nextRevision(sorted: readonly Readonly<ControllerRevision>[]): number {
  const last = sorted[sorted.length - 1];
  return last ? last.revision + 1 : 1;
}

/** ApplyRevision: the set with the revision's template restored */
export function applyRevision(set: Readonly<StatefulSet>, rev: Readonly<ControllerRevision>): StatefulSet {
  const out = structuredClone(set) as StatefulSet;
  const template = structuredClone((rev.data as RevisionData | undefined)?.spec?.template ?? {});
  delete template['$patch'];
  if (out.spec) out.spec.template = template as PodTemplateSpec;
  return out;
}

/** what getStatefulSetRevisions decides; the caller performs the write */
export type RevisionPlan =
  | { kind: 'unchanged'; update: Readonly<ControllerRevision> }
  | { kind: 'rollback'; update: Readonly<ControllerRevision>; revision: number }
  | { kind: 'create'; update: ControllerRevision };

/** getStatefulSetRevisions' choice of the update revision (sorted = this set's revisions, sorted) */
export function planUpdateRevision(
  set: Readonly<StatefulSet>,
  sorted: readonly Readonly<ControllerRevision>[],
  collisionCount: number,
): RevisionPlan {
  const candidate = newRevision(set, nextRevision(sorted), collisionCount);
  const equal = sorted.filter((r) => equalRevision(r, candidate));
  const lastEqual = equal[equal.length - 1];
  const last = sorted[sorted.length - 1];
  if (lastEqual && last && equalRevision(last, lastEqual)) return { kind: 'unchanged', update: last };
  if (lastEqual) return { kind: 'rollback', update: lastEqual, revision: candidate.revision };
  return { kind: 'create', update: candidate };
}

/** truncateHistory: non-live revisions beyond revisionHistoryLimit, oldest first */
export function revisionsToTruncate(
  set: Readonly<StatefulSet>,
  pods: readonly Readonly<KubeObject>[],
  sorted: readonly Readonly<ControllerRevision>[],
  currentName: string,
  updateName: string,
): string[] {
  const live = new Set([currentName, updateName]);
  for (const p of pods) live.add(getPodRevision(p));
  const history = sorted.filter((r) => !live.has(r.metadata?.name ?? ''));
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  if (limit < 0 || history.length <= limit) return [];
  return history.slice(0, history.length - limit).map((r) => r.metadata?.name ?? '');
}
