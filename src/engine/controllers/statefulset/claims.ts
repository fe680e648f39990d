// PersistentVolumeClaims of StatefulSet pods: staleness and the ownerReferences that implement
// persistentVolumeClaimRetentionPolicy (mirrors stateful_set_utils.go isClaimOwnerUpToDate /
// updateClaimOwnerRefForSetAndPod and stateful_pod_control.go PodClaimIsStale).
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../types/object';
import { podInOrdinalRange } from './identity';

export type RetentionPolicy = { whenDeleted: string; whenScaled: string };

/** getPersistentVolumeClaimRetentionPolicy with the Retain defaults */
export function retentionPolicy(set: Readonly<StatefulSet>): RetentionPolicy {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy;
  return { whenDeleted: p?.whenDeleted || 'Retain', whenScaled: p?.whenScaled || 'Retain' };
}

function hasOwnerRef(claim: Readonly<PersistentVolumeClaim>, owner: Readonly<KubeObject>): boolean {
  return (claim.metadata?.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid);
}

/** isClaimOwnerUpToDate: do claim's ownerRefs to set/pod match the retention policy? */
export function isClaimOwnerUpToDate(
  claim: Readonly<PersistentVolumeClaim>,
  set: Readonly<StatefulSet>,
  pod: Readonly<KubeObject>,
): boolean {
  const setObj = set as unknown as KubeObject;
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const setRef = hasOwnerRef(claim, setObj);
  const podRef = hasOwnerRef(claim, pod);
  const scaledDown = !podInOrdinalRange(pod, set);
  if (whenScaled === 'Delete') {
    if (scaledDown !== podRef) return false;
    // with WhenDeleted=Delete the set owns claims of pods still in range; never both
    return whenDeleted === 'Delete' ? scaledDown !== setRef : !setRef;
  }
  if (whenDeleted === 'Delete') return setRef && !podRef;
  return !setRef && !podRef;
}

function ref(owner: Readonly<KubeObject>): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** updateClaimOwnerRefForSetAndPod: the claim's ownerReferences after applying the policy */
export function claimOwnerRefsFor(
  claim: Readonly<PersistentVolumeClaim>,
  set: Readonly<StatefulSet>,
  pod: Readonly<KubeObject>,
): OwnerReference[] {
  const setObj = set as unknown as KubeObject;
  const refs = (claim.metadata?.ownerReferences ?? []).filter(
    (r) => r.uid !== setObj.metadata.uid && r.uid !== pod.metadata.uid,
  ) as OwnerReference[];
  // hasUnexpectedController: another controller owns the claim; only scrub our refs
  if (refs.some((r) => r.controller)) return refs;
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const scaledDown = !podInOrdinalRange(pod, set);
  if (whenScaled === 'Delete' && scaledDown) refs.push(ref(pod));
  else if (whenDeleted === 'Delete') refs.push(ref(setObj));
  return refs;
}

/** PodClaimIsStale: a claim still owned by another (older) pod of the same name must be garbage-collected first */
export function claimIsStale(
  claim: Readonly<PersistentVolumeClaim> | undefined,
  podUid: string | undefined,
): boolean {
  if (!claim) return false;
  if (claim.metadata?.deletionTimestamp) return true;
  return (claim.metadata?.ownerReferences ?? []).some((r) => r.kind === 'Pod' && r.uid !== podUid);
}
