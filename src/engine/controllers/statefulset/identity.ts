// StatefulSet pod identity: ordinals, names, labels, hostname/subdomain and claim volumes.
// mirrors pkg/controller/statefulset/stateful_set_utils.go (getParentNameAndOrdinal, updateIdentity, updateStorage, ...).
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { getPodFromTemplate } from '../shared/podTemplate';
import { newControllerRef } from '../shared/controllerRef';

/** apps.StatefulSetPodNameLabel */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps.PodIndexLabel (PodIndexLabel feature, GA) */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** apps.StatefulSetRevisionLabel == ControllerRevisionHashLabelKey */
export const REVISION_LABEL = 'controller-revision-hash';

const STATEFUL_POD_REGEX = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: parent '' and ordinal -1 when the name has no `-<int32>` suffix */
export function parentNameAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const m = STATEFUL_POD_REGEX.exec(podName);
  if (!m) return { parent: '', ordinal: -1 };
  const n = Number(m[2]);
  // strconv.ParseInt(s, 10, 32) rejects values beyond int32
  if (!Number.isSafeInteger(n) || n > 2147483647) return { parent: m[1] as string, ordinal: -1 };
  return { parent: m[1] as string, ordinal: n };
}

export function getOrdinal(pod: Readonly<KubeObject>): number {
  return parentNameAndOrdinal(pod.metadata.name ?? '').ordinal;
}

/** getStartOrdinal: spec.ordinals.start (StatefulSetStartOrdinal, GA), default 0 */
export function startOrdinal(set: Readonly<StatefulSet>): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** getEndOrdinal: start + replicas - 1 */
export function endOrdinal(set: Readonly<StatefulSet>): number {
  return startOrdinal(set) + (set.spec?.replicas ?? 1) - 1;
}

/** podInOrdinalRange */
export function podInOrdinalRange(pod: Readonly<KubeObject>, set: Readonly<StatefulSet>): boolean {
  const o = getOrdinal(pod);
  return o >= startOrdinal(set) && o <= endOrdinal(set);
}

export function podName(set: Readonly<StatefulSet>, ordinal: number): string {
  return `${set.metadata?.name ?? ''}-${ordinal}`;
}

/** getPersistentVolumeClaimName: `<claim>-<set>-<ordinal>` */
export function claimName(set: Readonly<StatefulSet>, templateName: string, ordinal: number): string {
  return `${templateName}-${set.metadata?.name ?? ''}-${ordinal}`;
}

/** isMemberOf: the pod's name says it belongs to set */
export function isMemberOf(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): boolean {
  return parentNameAndOrdinal(pod.metadata.name ?? '').parent === set.metadata?.name;
}

/** identityMatches */
export function identityMatches(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): boolean {
  const { parent, ordinal } = parentNameAndOrdinal(pod.metadata.name ?? '');
  return (
    ordinal >= 0 &&
    parent === set.metadata?.name &&
    pod.metadata.namespace === set.metadata?.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name
  );
}

/** storageMatches: the pod mounts the claims of every volumeClaimTemplate under the template's name */
export function storageMatches(set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map<string, Volume>();
  for (const v of (pod as Readonly<Pod>).spec?.volumes ?? []) volumes.set(v.name, v);
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const v = volumes.get(t.metadata?.name ?? '');
    if (v?.persistentVolumeClaim?.claimName !== claimName(set, t.metadata?.name ?? '', ordinal)) return false;
  }
  return true;
}

/** getPersistentVolumeClaims: the claims this pod should have, keyed by template name */
export function claimsFor(set: Readonly<StatefulSet>, ordinal: number): Map<string, PersistentVolumeClaim> {
  const out = new Map<string, PersistentVolumeClaim>();
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const tname = t.metadata?.name ?? '';
    const { status: _status, ...rest } = structuredClone(t) as PersistentVolumeClaim;
    void _status;
    const claim: PersistentVolumeClaim = { ...rest, apiVersion: 'v1', kind: 'PersistentVolumeClaim' };
    const labels = { ...(t.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
    claim.metadata = {
      ...(claim.metadata ?? {}),
      name: claimName(set, tname, ordinal),
      namespace: set.metadata?.namespace,
    };
    if (Object.keys(labels).length > 0) claim.metadata.labels = labels;
    out.set(tname, claim);
  }
  return out;
}

/** updateStorage: claim volumes replace same-named volumes; other volumes stay */
export function updateStorage(set: Readonly<StatefulSet>, pod: Pod): void {
  const ordinal = getOrdinal(pod as unknown as KubeObject);
  const claims = claimsFor(set, ordinal);
  const volumes: Volume[] = [];
  for (const [name, claim] of claims) {
    volumes.push({ name, persistentVolumeClaim: { claimName: claim.metadata?.name ?? '' } });
  }
  for (const v of pod.spec?.volumes ?? []) if (!claims.has(v.name)) volumes.push(v);
  if (pod.spec) pod.spec.volumes = volumes;
}

/** updateIdentity: name, namespace, hostname, subdomain and the pod-name / pod-index labels */
export function updateIdentity(set: Readonly<StatefulSet>, pod: Pod): void {
  const ordinal = getOrdinal(pod as unknown as KubeObject);
  const name = podName(set, ordinal);
  pod.metadata = { ...(pod.metadata ?? {}), name, namespace: set.metadata?.namespace };
  pod.metadata.labels = {
    ...(pod.metadata.labels ?? {}),
    [POD_NAME_LABEL]: name,
    [POD_INDEX_LABEL]: String(ordinal),
  };
  if (pod.spec) {
    pod.spec.hostname = name;
    if (set.spec?.serviceName) pod.spec.subdomain = set.spec.serviceName;
  }
}

/** newStatefulSetPod + newVersionedStatefulSetPod's setPodRevision */
export function newStatefulSetPod(set: Readonly<StatefulSet>, ordinal: number, revisionName: string): Pod {
  const owner = set as unknown as KubeObject;
  const pod = getPodFromTemplate(set.spec?.template, owner, newControllerRef(owner)) as unknown as Pod;
  if (pod.metadata) delete pod.metadata.generateName;
  pod.metadata = { ...(pod.metadata ?? {}), name: podName(set, ordinal) };
  updateIdentity(set, pod);
  updateStorage(set, pod);
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [REVISION_LABEL]: revisionName };
  return pod;
}

export function getPodRevision(pod: Readonly<KubeObject>): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}
