// ownerReference helpers shared by the workload controllers (mirrors apimachinery metav1.GetControllerOf / NewControllerRef).
import type { KubeObject, OwnerReference } from '../../types/object';
import type { JsonObject } from '../../types/json';

/** metav1.GetControllerOf: the ownerReference with controller=true, if any */
export function getControllerOf(obj: Readonly<KubeObject>): OwnerReference | undefined {
  // a plain loop: this runs for every pod of every workload sync and every pod watch event
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i] as OwnerReference;
    if (r.controller === true) return r;
  }
  return undefined;
}

/** true when obj's controller ownerReference points at the owner's UID */
export function isControlledBy(obj: Readonly<KubeObject>, owner: Readonly<KubeObject>): boolean {
  const ref = getControllerOf(obj);
  return ref !== undefined && ref.uid === owner.metadata.uid;
}

/** metav1.NewControllerRef: {apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true} */
export function newControllerRef(owner: Readonly<KubeObject>): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** strategic-merge patch adopting obj (controller_ref_manager.go ownerRefControllerPatch); uid guards against a recreated object */
export function adoptPatch(owner: Readonly<KubeObject>, objUid: string): JsonObject {
  return { metadata: { ownerReferences: [{ ...newControllerRef(owner) }], uid: objUid } };
}

/** strategic-merge patch removing the ownerReferences with these UIDs (deleteOwnerRefStrategicMergePatch) */
export function releasePatch(ownerUids: readonly string[], objUid: string): JsonObject {
  return { metadata: { ownerReferences: ownerUids.map((uid) => ({ $patch: 'delete', uid })), uid: objUid } };
}
