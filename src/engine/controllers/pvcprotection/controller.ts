// The PVC protection controller: removes the kubernetes.io/pvc-protection finalizer from a claim being deleted once
// no scheduled pod uses it (so `kubectl delete pvc` of a mounted claim leaves it Terminating until its pods are gone),
// and adds the finalizer to live claims that lack it. It only logs; it records no Events.
// mirrors pkg/controller/volume/pvcprotection/pvc_protection_controller.go (processPVC, isBeingUsed, askInformer,
// askAPIServer, podUsesPVC, podIsShutDown, pvcAddedUpdated, podAddedDeletedUpdated, enqueuePVCs) and
// pkg/controller/volume/protectionutil (IsDeletionCandidate, NeedToAddFinalizer).
import type { ContainerStatus, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import { NO_KEYS } from '../../client/controller';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey } from '../../types/object';
import { PVC_PROTECTION_FINALIZER } from '../../apiserver/admission/index';

/** names.PersistentVolumeClaimProtectionController */
export const PVC_PROTECTION_CONTROLLER_NAME = 'persistentvolumeclaim-protection-controller';
/** common.PodPVCIndex: pods by the `namespace/claim` keys of the claims they reference */
const POD_PVC_INDEX = 'pod-pvc-index';

/** protectionutil.IsDeletionCandidate: being deleted and still carrying the finalizer */
export function isDeletionCandidate(obj: Readonly<KubeObject>, finalizer: string): boolean {
  return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).includes(finalizer);
}

/** protectionutil.NeedToAddFinalizer: not being deleted and missing the finalizer */
export function needToAddFinalizer(obj: Readonly<KubeObject>, finalizer: string): boolean {
  return !obj.metadata.deletionTimestamp && !(obj.metadata.finalizers ?? []).includes(finalizer);
}

/** ephemeral.VolumeClaimName: the claim of a generic ephemeral volume is named `<pod>-<volume>` */
const ephemeralClaimName = (pod: Readonly<Pod>, volume: string) => `${pod.metadata?.name ?? ''}-${volume}`;

/**
 * common.PodPVCIndexFunc: the `namespace/claim` keys of every claim the pod references, through
 * persistentVolumeClaim or ephemeral volumes (a plain loop: this runs on every pod write, most pods mount none)
 */
export function podClaimKeys(obj: Readonly<KubeObject>): readonly string[] {
  const pod = obj as Readonly<Pod>;
  const volumes = pod.spec?.volumes;
  if (!volumes) return NO_KEYS;
  const ns = obj.metadata.namespace ?? '';
  let keys: string[] | undefined;
  for (const v of volumes) {
    if (v.persistentVolumeClaim) (keys ??= []).push(`${ns}/${v.persistentVolumeClaim.claimName}`);
    else if (v.ephemeral) (keys ??= []).push(`${ns}/${ephemeralClaimName(pod, v.name)}`);
  }
  return keys ?? NO_KEYS;
}

/** volumeutil notRunning: every status is terminated or waiting (or there are none) */
function notRunning(statuses: readonly ContainerStatus[] | undefined): boolean {
  return (statuses ?? []).every((s) => !!s.state?.terminated || !!s.state?.waiting);
}

/** volumeutil.IsPodTerminated: Succeeded/Failed, or being deleted with no container running */
export function isPodTerminated(pod: Readonly<Pod>): boolean {
  const st = pod.status ?? {};
  return (
    st.phase === 'Failed' ||
    st.phase === 'Succeeded' ||
    (!!pod.metadata?.deletionTimestamp &&
      notRunning(st.initContainerStatuses) &&
      notRunning(st.containerStatuses) &&
      notRunning(st.ephemeralContainerStatuses))
  );
}

/** podIsShutDown: the kubelet is done with the pod (deleted with grace 0) or it was force-deleted */
export function podIsShutDown(pod: Readonly<Pod>): boolean {
  return !!pod.metadata?.deletionTimestamp && pod.metadata.deletionGracePeriodSeconds === 0;
}

/**
 * podUsesPVC: only a scheduled pod counts (the kubelet refuses to start a pod whose claim is being deleted); a
 * persistentVolumeClaim reference counts whatever the pod's phase, an ephemeral volume only while the pod is not
 * shut down and only if the claim was created for this pod (ephemeral.VolumeIsForPod: controlled by it)
 */
export function podUsesPVC(pod: Readonly<Pod>, pvc: Readonly<PersistentVolumeClaim>): boolean {
  if (!pod.spec?.nodeName) return false;
  const name = pvc.metadata?.name;
  for (const v of pod.spec.volumes ?? []) {
    if (v.persistentVolumeClaim && v.persistentVolumeClaim.claimName === name) return true;
    if (
      v.ephemeral &&
      !podIsShutDown(pod) &&
      ephemeralClaimName(pod, v.name) === name &&
      (pvc.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === pod.metadata?.uid)
    )
      return true;
  }
  return false;
}

/** isBeingUsed: the informer's pods first (askInformer), then a live list of the namespace (askAPIServer) */
function isBeingUsed(ctx: ReconcileContext, pvc: Readonly<PersistentVolumeClaim>): boolean {
  const key = `${pvc.metadata?.namespace ?? ''}/${pvc.metadata?.name ?? ''}`;
  for (const p of ctx.informers.for('pods').byIndex(POD_PVC_INDEX, key)) {
    if (podUsesPVC(p as Readonly<Pod>, pvc)) return true;
  }
  // a pod not in the cache yet may still use the claim: be sure with a live list before letting it go
  const live = ctx.api.list('pods', pvc.metadata?.namespace).items;
  return live.some((p) => podUsesPVC(p as Readonly<Pod>, pvc));
}

/** addFinalizer / removeFinalizer: an Update of a copy of the cached claim */
function writeFinalizers(ctx: ReconcileContext, pvc: Readonly<KubeObject>, finalizers: string[]): void {
  const copy = structuredClone(pvc) as KubeObject;
  if (finalizers.length > 0) copy.metadata.finalizers = finalizers;
  else delete copy.metadata.finalizers;
  ctx.api.update('persistentvolumeclaims', pvc.metadata.namespace, copy, ctx.request);
}

/** processPVC */
function processPVC(ctx: ReconcileContext, key: ObjectKey): ReconcileResult {
  const obj = ctx.informers.for('persistentvolumeclaims').get(key);
  if (!obj) return {}; // PVC not found, ignoring
  const finalizers = obj.metadata.finalizers ?? [];
  if (isDeletionCandidate(obj, PVC_PROTECTION_FINALIZER)) {
    // PVC should be deleted. Check if it's used and remove finalizer if it's not.
    if (!isBeingUsed(ctx, obj as Readonly<PersistentVolumeClaim>)) {
      writeFinalizers(
        ctx,
        obj,
        finalizers.filter((f) => f !== PVC_PROTECTION_FINALIZER),
      );
      return {};
    }
    // klog V(2) "Keeping PVC because it is being used": a log line only, no Event; a pod event requeues the claim
  }
  // the admission plugin adds the finalizer; this catches claims created without it
  if (needToAddFinalizer(obj, PVC_PROTECTION_FINALIZER))
    writeFinalizers(ctx, obj, [...finalizers, PVC_PROTECTION_FINALIZER]);
  return {};
}

/** pvcAddedUpdated: only claims that need the finalizer or are waiting for its removal */
function claimKeys(obj: Readonly<KubeObject>): readonly ObjectKey[] {
  return needToAddFinalizer(obj, PVC_PROTECTION_FINALIZER) ||
    isDeletionCandidate(obj, PVC_PROTECTION_FINALIZER)
    ? [objectKey(obj)]
    : NO_KEYS;
}

/** enqueuePVCs (add/update): a running scheduled pod cannot help remove a finalizer, so it enqueues nothing */
function livePodClaimKeys(obj: Readonly<KubeObject>): readonly ObjectKey[] {
  const pod = obj as Readonly<Pod>;
  if (!isPodTerminated(pod) && pod.spec?.nodeName) return NO_KEYS;
  return podClaimKeys(obj);
}

export const pvcProtectionController: ControllerDefinition = {
  name: PVC_PROTECTION_CONTROLLER_NAME,
  watches: [
    // the claim informer has AddFunc and UpdateFunc only
    { resource: 'persistentvolumeclaims', verbs: ['ADDED', 'MODIFIED'], keysFor: claimKeys },
    { resource: 'pods', verbs: ['ADDED', 'MODIFIED'], keysFor: livePodClaimKeys },
    // a deleted pod enqueues every claim it referenced
    { resource: 'pods', verbs: ['DELETED'], keysFor: podClaimKeys },
  ],
  setup(informers) {
    informers.for('pods').addIndexer(POD_PVC_INDEX, podClaimKeys, (pod) => pod.spec);
  },
  reconcile: (key, ctx) => processPVC(ctx, key),
};
