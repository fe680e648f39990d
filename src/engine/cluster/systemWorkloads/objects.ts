// Small builders for the kube-system add-on manifests: workload objects, ServiceAccounts, create-if-missing.
import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../types';
import type { RequestContext } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';

export const KUBE_SYSTEM = 'kube-system';

export const KUBEADM: RequestContext = {
  actor: 'kubeadm',
  cause: 'kubeadm init: addons and control-plane manifests',
};

export const TOLERATE_ALL: Toleration[] = [{ operator: 'Exists' }];
export const LINUX_ONLY = { 'kubernetes.io/os': 'linux' };

export function serviceAccount(name: string, namespace: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

export interface WorkloadSpec {
  name: string;
  namespace: string;
  /** labels of the object itself */
  labels: Record<string, string>;
  /** selector and template labels */
  podLabels: Record<string, string>;
  spec: PodSpec;
}

export function daemonSet(w: WorkloadSpec, updateStrategy?: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: w.name, namespace: w.namespace, labels: w.labels },
    spec: {
      selector: { matchLabels: w.podLabels },
      ...(updateStrategy ? { updateStrategy } : {}),
      template: { metadata: { labels: w.podLabels }, spec: w.spec },
    },
  };
}

export function deployment(
  w: WorkloadSpec,
  replicas: number,
  strategy?: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: w.name, namespace: w.namespace, labels: w.labels },
    spec: {
      replicas,
      selector: { matchLabels: w.podLabels },
      ...(strategy ? { strategy } : {}),
      template: { metadata: { labels: w.podLabels }, spec: w.spec },
    },
  };
}

export function container(name: string, image: string, extra: Partial<Container> = {}): Container {
  return { name, image, imagePullPolicy: 'IfNotPresent', ...extra };
}

/** create through the API server as kubeadm / `kubectl apply` would; an object already there is left alone */
export function createAll(rt: ClusterRuntime, objs: readonly KubeObject[]): void {
  for (const obj of objs) {
    const info = rt.api.resolveKind(obj.apiVersion, obj.kind);
    const ns = info.namespaced ? obj.metadata.namespace : undefined;
    try {
      rt.api.get(info.plural, ns, obj.metadata.name ?? '');
      continue;
    } catch {
      // not there yet
    }
    rt.api.create(info.plural, ns, obj, KUBEADM);
  }
}
