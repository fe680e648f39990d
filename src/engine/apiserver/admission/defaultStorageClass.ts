// DefaultStorageClass admission: a new claim without storageClassName gets the default StorageClass
// (mirrors plugin/pkg/admission/storage/storageclass/setdefault/admission.go Admit and storage/util GetDefaultClass).
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import type { AdmissionPlugin } from './types';

const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/** GetDefaultClass: of several default classes the newest wins (then the name) */
export function defaultClassName(classes: readonly Readonly<KubeObject>[]): string | undefined {
  const defaults = classes.filter((c) =>
    DEFAULT_ANNOTATIONS.some((a) => c.metadata.annotations?.[a] === 'true'),
  );
  defaults.sort(
    (a, b) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
      (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
  return defaults[0]?.metadata.name;
}

export const defaultStorageClass: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  admit(op, resource, obj, _old, api) {
    if (op !== 'CREATE' || resource.kind !== 'PersistentVolumeClaim' || resource.group !== '') return;
    const spec = (obj.spec ?? {}) as PersistentVolumeClaim['spec'] & { storageClassName?: string | null };
    // an explicit "" means "no class" and is left alone
    if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
    const name = defaultClassName(api.list('storageclasses', undefined));
    if (name) (obj.spec as { storageClassName?: string }).storageClassName = name;
  },
};
