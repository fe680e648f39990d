// The ReplicaSet / ReplicationController controller (pkg/controller/replicaset, pkg/controller/replication).
export { replicaSetController, replicationController, replicaControllerDefinition } from './controller';
export { replicaSetVariant, replicationControllerVariant } from './variant';
export type { ReplicaControllerVariant } from './variant';
export { getPodsToDelete } from './podsToDelete';
export { calculateStatus, statusEqual, REPLICA_FAILURE } from './status';
export { BURST_REPLICAS } from './manage';
