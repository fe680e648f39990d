// Test support: a fresh simulation + store + API server with the `default` namespace and ServiceAccount in place.
import type { KubeObject } from '../types/object';
import type { ApiServer, RequestContext } from './types';
import { StatusError } from './types';
import type { Simulation } from '../sim/types';
import type { MvccStore } from '../store/types';
import { createSimulation } from '../sim/simulation';
import { createStore } from '../store/mvccStore';
import { createApiServer } from './apiServer';
import type { ApiServerOptions } from './core';

export const KUBECTL: RequestContext = { actor: 'kubectl', cause: 'test' };

export interface TestApi {
  api: ApiServer;
  sim: Simulation;
  store: MvccStore;
}

export function newTestApi(options: ApiServerOptions = {}, seed = 1): TestApi {
  const sim = createSimulation(seed);
  const store = createStore();
  const api = createApiServer(store, sim, options);
  for (const ns of ['default', 'kube-system']) {
    api.create(
      'namespaces',
      undefined,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
      KUBECTL,
    );
    api.create(
      'serviceaccounts',
      ns,
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } },
      KUBECTL,
    );
  }
  return { api, sim, store };
}

/** the StatusError fn throws (fails the test when it does not throw one) */
export function statusOf(fn: () => unknown): StatusError['status'] {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e.status;
    throw e;
  }
  throw new Error('expected a StatusError');
}

export function configMap(
  name: string,
  data: Record<string, string> = {},
  extra: Partial<KubeObject> = {},
): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data, ...extra };
}

export function deployment(name: string, replicas = 1): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
}

export function pod(
  name: string,
  spec: Record<string, unknown> = {},
  labels?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: labels ? { name, labels } : { name },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  };
}
