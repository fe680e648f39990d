// Storage columns: persistentvolumeclaims, persistentvolumes, storageclasses.
// mirrors pkg/printers/internalversion/printers.go printPersistentVolumeClaim / printPersistentVolume /
// printStorageClass and pkg/apis/core/helper GetAccessModesAsString.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KindPrinter } from './types';
import { translateTimestampSince } from '../age';

const MODE_SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** mirrors GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, de-duplicated */
export function accessModesString(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  return Object.keys(MODE_SHORT)
    .filter((m) => set.has(m))
    .map((m) => MODE_SHORT[m] as string)
    .join(',');
}

export const pvcPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Status' },
    { name: 'Volume' },
    { name: 'Capacity' },
    { name: 'Access Modes' },
    { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' },
    { name: 'Age' },
    { name: 'VolumeMode', priority: 1 },
  ],
  row(obj, { nowMs }) {
    const pvc = obj as unknown as PersistentVolumeClaim;
    const bound = Boolean(pvc.spec?.volumeName);
    const phase = obj.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
    return [
      obj.metadata.name ?? '',
      phase,
      pvc.spec?.volumeName ?? '',
      bound ? (pvc.status?.capacity?.storage ?? '') : '',
      bound ? accessModesString(pvc.status?.accessModes) : '',
      pvc.spec?.storageClassName ?? '',
      pvc.spec?.volumeAttributesClassName || '<unset>',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};

export const pvPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Capacity' },
    { name: 'Access Modes' },
    { name: 'Reclaim Policy' },
    { name: 'Status' },
    { name: 'Claim' },
    { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' },
    { name: 'Reason' },
    { name: 'Age' },
    { name: 'VolumeMode', priority: 1 },
  ],
  row(obj, { nowMs }) {
    const pv = obj as unknown as PersistentVolume;
    const ref = pv.spec?.claimRef;
    return [
      obj.metadata.name ?? '',
      pv.spec?.capacity?.storage ?? '',
      accessModesString(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      obj.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
      pv.spec?.storageClassName ?? '',
      pv.spec?.volumeAttributesClassName || '<unset>',
      pv.status?.reason ?? '',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};

export const storageClassPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Provisioner' },
    { name: 'ReclaimPolicy' },
    { name: 'VolumeBindingMode' },
    { name: 'AllowVolumeExpansion' },
    { name: 'Age' },
  ],
  row(obj, { nowMs }) {
    const sc = obj as unknown as StorageClass;
    const ann = obj.metadata.annotations ?? {};
    const isDefault =
      ann['storageclass.kubernetes.io/is-default-class'] === 'true' ||
      ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    return [
      isDefault ? `${obj.metadata.name ?? ''} (default)` : (obj.metadata.name ?? ''),
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
