// Assembles one simulated cluster: simulation kernel, store, API server, event recorder, then bootstraps it.
import type { ClusterOptions, ClusterRuntime, Component, NodeSpec, ResolvedClusterOptions } from './types';
import { createSimulation } from '../sim/simulation';
import { createStore } from '../store/mvccStore';
import { createApiServer } from '../apiserver/apiServer';
import { createEventRecorder } from '../events/recorder';
import { bootstrapCluster } from './bootstrap';
import { startControlPlane } from './controlPlane';

const ZONES = ['zone-a', 'zone-b', 'zone-c'];

export function resolveOptions(options: ClusterOptions = {}): ResolvedClusterOptions {
  const seed = options.seed ?? 1;
  const nodes: NodeSpec[] =
    typeof options.nodes === 'object'
      ? options.nodes
      : Array.from({ length: options.nodes ?? 3 }, (_, i) => ({
          name: `node-${i + 1}`,
          cpu: '4',
          memory: '16Gi',
          pods: 110,
          zone: ZONES[i % ZONES.length],
        }));
  return { seed, nodes, cni: options.cni ?? 'flannel', controlPlane: options.controlPlane ?? true };
}

export function createRuntime(options: ClusterOptions = {}): ClusterRuntime {
  const resolved = resolveOptions(options);
  const sim = createSimulation(resolved.seed);
  const store = createStore();
  const api = createApiServer(store, sim);
  const events = createEventRecorder(api, sim);
  const components: Component[] = [];
  const rt: ClusterRuntime = {
    options: resolved,
    sim,
    store,
    api,
    events,
    machines: new Map(),
    components,
    addComponent(c) {
      // one of each: a test or scenario adding a component the control plane already runs gets the running one
      if (components.some((existing) => existing.name === c.name)) return;
      components.push(c);
      c.start(rt);
    },
  };
  bootstrapCluster(rt);
  if (resolved.controlPlane) startControlPlane(rt);
  return rt;
}
