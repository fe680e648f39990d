// The default StorageClass a kind cluster ships, and StorageClass lookups the binder needs.
// kind installs rancher's local-path-provisioner as class `standard` (kind: pkg/cluster/internal/create/actions/
// installstorage), WaitForFirstConsumer, reclaimPolicy Delete; we keep its provisioner name so output matches kind.
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../types/object';

/** storageclass.kubernetes.io/is-default-class (and the beta spelling util.IsDefaultAnnotation also reads) */
export const IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** volume.NotSupportedProvisioner: classes for static local volumes */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/** the `standard` class of a kind cluster */
export function defaultStorageClass(): KubeObject {
  const sc: StorageClass = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [IS_DEFAULT_CLASS_ANNOTATION]: 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
  return sc as unknown as KubeObject;
}

/** storageutil.IsDefaultAnnotation */
export function isDefaultClass(sc: Readonly<KubeObject>): boolean {
  const a = sc.metadata.annotations ?? {};
  return a[IS_DEFAULT_CLASS_ANNOTATION] === 'true' || a[BETA_IS_DEFAULT_CLASS_ANNOTATION] === 'true';
}

/** util.GetDefaultClass: of several defaults, the newest wins (then name) */
export function getDefaultClass(
  classes: readonly Readonly<KubeObject>[],
): Readonly<StorageClass> | undefined {
  const defaults = classes.filter(isDefaultClass);
  defaults.sort(
    (a, b) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
      (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
  return defaults[0] as Readonly<StorageClass> | undefined;
}

export function isDelayBinding(sc: Readonly<StorageClass> | undefined): boolean {
  return sc?.volumeBindingMode === 'WaitForFirstConsumer';
}

export function isDynamic(sc: Readonly<StorageClass> | undefined): boolean {
  return sc !== undefined && sc.provisioner !== NO_PROVISIONER;
}
