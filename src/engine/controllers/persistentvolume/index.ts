// The PersistentVolume controller (binder + simulated cloud-disk / local-path provisioners) and the default StorageClass.
export {
  persistentVolumeController,
  CONTROLLER_NAME as PERSISTENTVOLUME_CONTROLLER_NAME,
} from './controller';
export {
  defaultStorageClass,
  DISK_CSI_DRIVER,
  IS_DEFAULT_CLASS_ANNOTATION,
  LOCAL_PATH_PROVISIONER,
} from './storageClass';
export { ZONE_LABEL, DISK_PROJECT } from './csiDisk';
export { ANN_SELECTED_NODE, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER } from './binding';
