// The API server: every REST verb of the ApiServer contract over the MVCC store, on the simulation's clock and rng.
import type { MvccStore } from '../store/types';
import type { Simulation } from '../sim/types';
import type { ApiServer } from './types';
import { RESOURCES, resolveKind, resolveResource } from './registry';
import { DEFAULT_ADMISSION_PLUGINS } from './admission/index';
import type { ApiServerOptions, ServerCore } from './core';
import { createAdmissionApi } from './core';
import { createObject } from './create';
import { getObject, listObjects } from './read';
import { patchObject, updateObject } from './update';
import { deleteObject } from './delete';
import { watchObjects } from './watch';
import { bindPod } from './bind';
import { evictPod } from './eviction';
import { DEFAULT_EVENT_TTL_SECONDS, EventTtl } from './eventTtl';

export type { ApiServerOptions } from './core';

export function createApiServer(
  store: MvccStore,
  sim: Simulation,
  options: ApiServerOptions = {},
): ApiServer {
  const rng = sim.rng.fork('apiserver');
  const core: ServerCore = {
    store,
    sim,
    rng,
    plugins: options.admission ?? DEFAULT_ADMISSION_PLUGINS,
    admissionApi: createAdmissionApi(store, rng),
    options: {
      namespaceControllerStandIn: options.namespaceControllerStandIn ?? true,
    },
    eventTtl: new EventTtl(store, sim, options.eventTtlSeconds ?? DEFAULT_EVENT_TTL_SECONDS),
  };
  const api: ApiServer = {
    resolve: resolveResource,
    resolveKind,
    resources: () => RESOURCES,
    create: (resource, namespace, obj, ctx) => createObject(core, resource, namespace, obj, ctx),
    get: (resource, namespace, name) => getObject(core, resource, namespace, name),
    list: (resource, namespace, opts) => listObjects(core, resource, namespace, opts),
    update: (resource, namespace, obj, ctx) => updateObject(core, resource, namespace, obj, ctx, 'main'),
    updateStatus: (resource, namespace, obj, ctx) =>
      updateObject(core, resource, namespace, obj, ctx, 'status'),
    patch: (resource, namespace, name, type, patch, ctx, subresource) =>
      patchObject(core, resource, namespace, name, type, patch, ctx, subresource),
    delete: (resource, namespace, name, opts, ctx) =>
      deleteObject(core, resource, namespace, name, opts, ctx),
    bind: (namespace, podName, nodeName, ctx) => bindPod(core, namespace, podName, nodeName, ctx),
    evict: (namespace, podName, opts, ctx) => evictPod(api, core.sim.clock, namespace, podName, opts, ctx),
    watch: (resource, namespace, opts, listener) => watchObjects(core, resource, namespace, opts, listener),
  };
  return api;
}
