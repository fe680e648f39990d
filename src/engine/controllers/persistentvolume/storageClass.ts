// The default StorageClass the simulated cloud ships, and StorageClass lookups the binder needs.
// The cloud-controller side of kubesim provides zonal cloud disks through a CSI driver, as GKE's `standard-rwo`
// (pd.csi.storage.gke.io) or EKS's gp2/gp3 (ebs.csi.aws.com) classes do: WaitForFirstConsumer, reclaimPolicy Delete.
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../types/object';

/** storageclass.kubernetes.io/is-default-class (and the beta spelling util.IsDefaultAnnotation also reads) */
export const IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

/** the simulated cloud-disk CSI driver (its zonal disks are built in csiDisk.ts) */
export const DISK_CSI_DRIVER = 'disk.csi.kubesim.io';
/** kind's rancher local-path-provisioner: still simulated for classes that name it (node-pinned hostPath volumes) */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** volume.NotSupportedProvisioner: classes for static local volumes */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/** the cluster's default `standard` class: zonal cloud disks (no allowVolumeExpansion: resizing is not simulated) */
export function defaultStorageClass(): KubeObject {
  const sc: StorageClass = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [IS_DEFAULT_CLASS_ANNOTATION]: 'true' } },
    provisioner: DISK_CSI_DRIVER,
    parameters: { type: 'pd-standard' },
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

/** provisioners this simulation runs; any other external provisioner is absent, so its claims wait (as on a real cluster) */
export function isSimulatedProvisioner(provisioner: string | undefined): boolean {
  return provisioner === DISK_CSI_DRIVER || provisioner === LOCAL_PATH_PROVISIONER;
}
