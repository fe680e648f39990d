// defaultObject: the API server's defaulting step (scheme defaulters), dispatching by kind; mutates in place.
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import type { ResourceInfo } from '../types';
import {
  defaultDaemonSet,
  defaultDeployment,
  defaultReplicaSet,
  defaultReplicationController,
  defaultStatefulSet,
} from './apps';
import {
  defaultEndpoints,
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultSecret,
  defaultService,
} from './core';
import {
  defaultEndpointSlice,
  defaultHorizontalPodAutoscaler,
  defaultNetworkPolicy,
  defaultPriorityClass,
} from './other';
import { defaultPod, defaultPodTemplateSpec } from './podSpec';

type Defaulter = (obj: KubeObject, resource: ResourceInfo) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  Pod: (o) => defaultPod((o.spec ??= { containers: [] }) as PodSpec),
  PodTemplate: (o) => defaultPodTemplateSpec(o.template as PodTemplateSpec | undefined),
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  ReplicationController: defaultReplicationController,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Service: defaultService,
  Namespace: defaultNamespace,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  PersistentVolume: defaultPersistentVolume,
  Secret: defaultSecret,
  Node: defaultNode,
  Endpoints: defaultEndpoints,
  LimitRange: defaultLimitRange,
  HorizontalPodAutoscaler: (o, r) => defaultHorizontalPodAutoscaler(o, r.version),
  NetworkPolicy: defaultNetworkPolicy,
  EndpointSlice: defaultEndpointSlice,
  PriorityClass: defaultPriorityClass,
};

/** Apply Kubernetes' defaults for `resource` to `obj` (mutates). Kinds without defaults are left alone. */
export function defaultObject(resource: ResourceInfo, obj: KubeObject): void {
  DEFAULTERS[resource.kind]?.(obj, resource);
}

export { imageTag } from './podSpec';
