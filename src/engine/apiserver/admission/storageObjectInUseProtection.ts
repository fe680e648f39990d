// StorageObjectInUseProtection admission: every new PersistentVolumeClaim gets the kubernetes.io/pvc-protection
// finalizer and every new PersistentVolume kubernetes.io/pv-protection, unless already present; the pvc- and
// pv-protection controllers remove them once the object is no longer in use.
// mirrors plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go Admit/admitPV/admitPVC.
import type { AdmissionPlugin } from './types';

/** pkg/volume/util PVCProtectionFinalizer */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
/** pkg/volume/util PVProtectionFinalizer */
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

export const storageObjectInUseProtection: AdmissionPlugin = {
  name: 'StorageObjectInUseProtection',
  // admission.NewHandler(admission.Create): only creates (kubesim runs admission on the main resource only,
  // so the plugin's "no subresource" check always holds)
  admit(op, resource, obj) {
    if (op !== 'CREATE' || resource.group !== '') return;
    let finalizer: string;
    if (resource.kind === 'PersistentVolume') finalizer = PV_PROTECTION_FINALIZER;
    else if (resource.kind === 'PersistentVolumeClaim') finalizer = PVC_PROTECTION_FINALIZER;
    else return;
    const finalizers = obj.metadata.finalizers ?? [];
    // Finalizer is already present, nothing to do
    if (finalizers.includes(finalizer)) return;
    obj.metadata.finalizers = [...finalizers, finalizer];
  },
};
