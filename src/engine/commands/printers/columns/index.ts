// Which column printer serves which kind; anything else gets kubectl's default NAME AGE table.
import type { KindPrinter } from './types';
import { podPrinter } from './pods';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './workloads';
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from './services';
import { namespacePrinter, nodePrinter } from './cluster';
import {
  configMapPrinter,
  leasePrinter,
  priorityClassPrinter,
  secretPrinter,
  serviceAccountPrinter,
} from './config';
import { eventPrinter } from './events';
import { pvPrinter, pvcPrinter, storageClassPrinter } from './storage';
import { hpaPrinter, networkPolicyPrinter, pdbPrinter } from './policy';
import { translateTimestampSince } from '../age';

/** kubectl's fallback for kinds without a registered printer (metav1 Table default columns) */
export const genericPrinter: KindPrinter = {
  columns: [{ name: 'Name', format: 'name' }, { name: 'Age' }],
  row: (obj, { nowMs }) => [
    obj.metadata.name ?? '',
    translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
  ],
};

const byKind: Record<string, KindPrinter> = {
  Pod: podPrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  StatefulSet: statefulSetPrinter,
  DaemonSet: daemonSetPrinter,
  ReplicationController: replicationControllerPrinter,
  ControllerRevision: controllerRevisionPrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  EndpointSlice: endpointSlicePrinter,
  Node: nodePrinter,
  Namespace: namespacePrinter,
  ConfigMap: configMapPrinter,
  Secret: secretPrinter,
  ServiceAccount: serviceAccountPrinter,
  Lease: leasePrinter,
  PriorityClass: priorityClassPrinter,
  Event: eventPrinter,
  PersistentVolumeClaim: pvcPrinter,
  PersistentVolume: pvPrinter,
  StorageClass: storageClassPrinter,
  HorizontalPodAutoscaler: hpaPrinter,
  NetworkPolicy: networkPolicyPrinter,
  PodDisruptionBudget: pdbPrinter,
};

export function printerForKind(kind: string): KindPrinter {
  return Object.prototype.hasOwnProperty.call(byKind, kind) ? (byKind[kind] as KindPrinter) : genericPrinter;
}
