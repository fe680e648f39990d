// The API server: every REST verb of the ApiServer contract over the MVCC store, on the simulation's clock and rng.
import type { MvccStore } from '../store/types';
import type { Simulation } from '../sim/types';
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
import { deprecationWarning } from './deprecation';
import type { ApiServer, RequestContext } from './types';

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
  // the Warning headers of kubectl's requests while collectWarnings runs (installer.go sets a deprecated resource's
  // warning before the handler runs, so a request that fails warns too)
  let warnings: string[] | undefined;
  const warn = (resource: string, ctx?: RequestContext): void => {
    if (warnings === undefined || (ctx !== undefined && ctx.actor !== 'kubectl')) return;
    let w: string | undefined;
    try {
      w = deprecationWarning(resolveResource(resource));
    } catch {
      return; // an unknown resource fails with its own error, before any handler
    }
    if (w !== undefined && !warnings.includes(w)) warnings.push(w);
  };
  const api: ApiServer = {
    resolve: resolveResource,
    resolveKind,
    resources: () => RESOURCES,
    create: (resource, namespace, obj, ctx) => {
      warn(resource, ctx);
      return createObject(core, resource, namespace, obj, ctx);
    },
    get: (resource, namespace, name) => {
      warn(resource);
      return getObject(core, resource, namespace, name);
    },
    list: (resource, namespace, opts) => {
      warn(resource);
      return listObjects(core, resource, namespace, opts);
    },
    update: (resource, namespace, obj, ctx) => {
      warn(resource, ctx);
      return updateObject(core, resource, namespace, obj, ctx, 'main');
    },
    updateStatus: (resource, namespace, obj, ctx) => {
      warn(resource, ctx);
      return updateObject(core, resource, namespace, obj, ctx, 'status');
    },
    patch: (resource, namespace, name, type, patch, ctx, subresource) => {
      warn(resource, ctx);
      return patchObject(core, resource, namespace, name, type, patch, ctx, subresource);
    },
    delete: (resource, namespace, name, opts, ctx) => {
      warn(resource, ctx);
      return deleteObject(core, resource, namespace, name, opts, ctx);
    },
    bind: (namespace, podName, nodeName, ctx) => bindPod(core, namespace, podName, nodeName, ctx),
    evict: (namespace, podName, opts, ctx) => evictPod(api, core.sim.clock, namespace, podName, opts, ctx),
    watch: (resource, namespace, opts, listener) => {
      warn(resource);
      return watchObjects(core, resource, namespace, opts, listener);
    },
    collectWarnings: <T>(fn: () => T) => {
      const outer = warnings;
      const mine: string[] = [];
      warnings = mine;
      try {
        return { result: fn(), warnings: mine };
      } finally {
        warnings = outer;
      }
    },
  };
  return api;
}
