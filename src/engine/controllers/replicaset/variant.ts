// What differs between apps/v1 ReplicaSet and v1 ReplicationController for the shared controller code
// (Kubernetes runs pkg/controller/replication as the ReplicaSet controller over converted objects).
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import type { Selector } from '../../labels/types';
import { selectorFromLabelSelector, selectorFromSet } from '../../labels/selector';
import type { LabelSelectorLike } from '../../labels/selector';
import type { ReplicaStatus } from './status';

export interface ReplicaControllerVariant {
  /** Events' source component and the controller's name */
  readonly name: 'replicaset-controller' | 'replication-controller';
  readonly resource: 'replicasets' | 'replicationcontrollers';
  readonly kind: 'ReplicaSet' | 'ReplicationController';
  /** throws on an invalid selector */
  selector(obj: Readonly<KubeObject>): Selector;
  template(obj: Readonly<KubeObject>): Readonly<PodTemplateSpec> | undefined;
}

interface ReplicaSpec {
  replicas?: number;
  minReadySeconds?: number;
  template?: PodTemplateSpec;
  selector?: unknown;
}

export function replicaSpec(obj: Readonly<KubeObject>): Readonly<ReplicaSpec> {
  return (obj.spec ?? {}) as ReplicaSpec;
}

/** spec.replicas, defaulted to 1 as the API server does */
export function desiredReplicas(obj: Readonly<KubeObject>): number {
  return replicaSpec(obj).replicas ?? 1;
}

export function replicaStatus(obj: Readonly<KubeObject>): Readonly<ReplicaStatus> | undefined {
  return obj.status as ReplicaStatus | undefined;
}

export const replicaSetVariant: ReplicaControllerVariant = {
  name: 'replicaset-controller',
  resource: 'replicasets',
  kind: 'ReplicaSet',
  selector: (o) => selectorFromLabelSelector(replicaSpec(o).selector as LabelSelectorLike | undefined),
  template: (o) => replicaSpec(o).template,
};

export const replicationControllerVariant: ReplicaControllerVariant = {
  name: 'replication-controller',
  resource: 'replicationcontrollers',
  kind: 'ReplicationController',
  // an RC's selector is a plain map; the API server defaults an empty one to the template labels
  selector: (o) => {
    const sel = replicaSpec(o).selector as Record<string, string> | undefined;
    return selectorFromSet(sel && Object.keys(sel).length ? sel : replicaSpec(o).template?.metadata?.labels);
  },
  template: (o) => replicaSpec(o).template,
};
