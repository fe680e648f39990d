// The PersistentVolume controller (binder + simulated provisioner) and the default StorageClass.
export {
  persistentVolumeController,
  CONTROLLER_NAME as PERSISTENTVOLUME_CONTROLLER_NAME,
} from './controller';
export { defaultStorageClass, IS_DEFAULT_CLASS_ANNOTATION, LOCAL_PATH_PROVISIONER } from './storageClass';
export { ANN_SELECTED_NODE, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER } from './binding';
