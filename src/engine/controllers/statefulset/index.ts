// The StatefulSet controller's public surface.
export { statefulSetController, CONTROLLER_NAME as STATEFULSET_CONTROLLER_NAME } from './controller';
export { getStatefulSetMaxUnavailable } from './maxUnavailable';
export { parentNameAndOrdinal, POD_NAME_LABEL, POD_INDEX_LABEL, REVISION_LABEL } from './identity';
