// The PV protection controller: removes the kubernetes.io/pv-protection finalizer from a volume being deleted once it
// is not Bound (so `kubectl delete pv` of a bound volume leaves it Terminating until its claim lets go), and adds the
// finalizer to live volumes that lack it. It only logs; it records no Events.
// mirrors pkg/controller/volume/pvprotection/pv_protection_controller.go (processPV, isBeingUsed, pvAddedUpdated).
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import { NO_KEYS } from '../../client/controller';
import type { KubeObject, ObjectKey } from '../../types/object';
import { PV_PROTECTION_FINALIZER } from '../../apiserver/admission/index';
import { isDeletionCandidate, needToAddFinalizer } from '../pvcprotection/index';

/** names.PersistentVolumeProtectionController */
export const PV_PROTECTION_CONTROLLER_NAME = 'persistentvolume-protection-controller';

/** isBeingUsed: a volume is in use while the PV controller reports it Bound to a claim */
export function isPVBeingUsed(pv: Readonly<PersistentVolume>): boolean {
  return pv.status?.phase === 'Bound';
}

/** addFinalizer / removeFinalizer: an Update of a copy of the cached volume */
function writeFinalizers(ctx: ReconcileContext, pv: Readonly<KubeObject>, finalizers: string[]): void {
  const copy = structuredClone(pv) as KubeObject;
  if (finalizers.length > 0) copy.metadata.finalizers = finalizers;
  else delete copy.metadata.finalizers;
  ctx.api.update('persistentvolumes', undefined, copy, ctx.request);
}

/** processPV */
function processPV(ctx: ReconcileContext, key: ObjectKey): ReconcileResult {
  const pv = ctx.informers.for('persistentvolumes').get(key);
  if (!pv) return {}; // PV not found, ignoring
  const finalizers = pv.metadata.finalizers ?? [];
  if (isDeletionCandidate(pv, PV_PROTECTION_FINALIZER)) {
    // PV should be deleted. Check if it's used and remove finalizer if it's not.
    if (!isPVBeingUsed(pv as Readonly<PersistentVolume>)) {
      writeFinalizers(
        ctx,
        pv,
        finalizers.filter((f) => f !== PV_PROTECTION_FINALIZER),
      );
      return {};
    }
    // klog V(4) "Keeping PV because it is being used": a log line only; the volume's next update requeues it
  }
  // the admission plugin adds the finalizer; this catches volumes created without it
  if (needToAddFinalizer(pv, PV_PROTECTION_FINALIZER))
    writeFinalizers(ctx, pv, [...finalizers, PV_PROTECTION_FINALIZER]);
  return {};
}

export const pvProtectionController: ControllerDefinition = {
  name: PV_PROTECTION_CONTROLLER_NAME,
  watches: [
    {
      // pvAddedUpdated: AddFunc and UpdateFunc, only for volumes that need the finalizer or wait for its removal
      resource: 'persistentvolumes',
      verbs: ['ADDED', 'MODIFIED'],
      keysFor: (pv) =>
        needToAddFinalizer(pv, PV_PROTECTION_FINALIZER) || isDeletionCandidate(pv, PV_PROTECTION_FINALIZER)
          ? [pv.metadata.name ?? '']
          : NO_KEYS,
    },
  ],
  reconcile: (key, ctx) => processPV(ctx, key),
};
