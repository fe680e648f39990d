// Shared fixtures for validation and defaulting tests: ResourceInfo stubs and minimal valid objects.
import type { ResourceInfo } from '../types';
import type { KubeObject } from '../../types/object';
import type { FieldErrorType } from '../fieldErrors';
import { defaultObject } from '../defaulting';
import { validateObject } from './index';

export function res(kind: string, namespaced = true, group = '', version = 'v1'): ResourceInfo {
  const plural = kind.toLowerCase() + 's';
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    shortNames: [],
    namespaced,
    verbs: [],
    hasStatus: true,
  };
}

export const R = {
  Pod: res('Pod'),
  Deployment: res('Deployment', true, 'apps'),
  ReplicaSet: res('ReplicaSet', true, 'apps'),
  StatefulSet: res('StatefulSet', true, 'apps'),
  DaemonSet: res('DaemonSet', true, 'apps'),
  ReplicationController: res('ReplicationController'),
  Service: res('Service'),
  Namespace: res('Namespace', false),
  ConfigMap: res('ConfigMap'),
  Secret: res('Secret'),
  Node: res('Node', false),
  PersistentVolumeClaim: res('PersistentVolumeClaim'),
  PersistentVolume: res('PersistentVolume', false),
  HorizontalPodAutoscaler: res('HorizontalPodAutoscaler', true, 'autoscaling', 'v2'),
  NetworkPolicy: res('NetworkPolicy', true, 'networking.k8s.io'),
  PriorityClass: res('PriorityClass', false, 'scheduling.k8s.io'),
  EndpointSlice: res('EndpointSlice', true, 'discovery.k8s.io'),
};

export const podTemplate = (labels: Record<string, string> = { app: 'web' }) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] },
});

export function deployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate() },
  };
}

export function pod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  };
}

export function service(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
  };
}

export type Expect = [FieldErrorType, string][];

/** default then validate, returning (type, field) pairs like ErrorMatcher{}.ByType().ByField() */
export function check(resource: ResourceInfo, obj: KubeObject, old?: KubeObject): Expect {
  defaultObject(resource, obj);
  if (old) defaultObject(resource, old);
  return validateObject(resource, obj, old).map((e) => [e.type, e.field]);
}

/** a fixture factory with its spec edited */
export const withSpec =
  (base: () => KubeObject, edit: (spec: Record<string, unknown>, o: KubeObject) => void) =>
  (): KubeObject => {
    const o = base();
    edit(o.spec as Record<string, unknown>, o);
    return o;
  };

/** a nested object field, for editing fixtures */
export const S = (o: Record<string, unknown>, k: string): Record<string, unknown> =>
  o[k] as Record<string, unknown>;
