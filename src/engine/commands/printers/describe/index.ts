// Which describer serves which kind (describe.go DescriberFor); everything else gets the generic describer.
import type { Describer } from './types';
import { describePod } from './pod';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeStatefulSet } from './workloads';
import { describeNode } from './node';
import { describeEndpoints, describeEndpointSlice, describeService } from './network';
import { describeGeneric, describeNamespace } from './generic';
import { describePodDisruptionBudget } from './pdb';
import { describePersistentVolume, describePersistentVolumeClaim } from './storage';

const byKind: Record<string, Describer> = {
  Pod: describePod,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  StatefulSet: describeStatefulSet,
  DaemonSet: describeDaemonSet,
  Node: describeNode,
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  Namespace: describeNamespace,
  PodDisruptionBudget: describePodDisruptionBudget,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  PersistentVolume: describePersistentVolume,
};

export function describerForKind(kind: string): Describer {
  return Object.prototype.hasOwnProperty.call(byKind, kind) ? (byKind[kind] as Describer) : describeGeneric;
}

export type { DescribeInputs, Describer } from './types';
