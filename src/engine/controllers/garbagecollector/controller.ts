// The garbage collector as a controller: informers on every resource that can carry ownerReferences keep the
// dependency graph; keys are `delete/<uid>` and `orphan/<uid>` (mirrors pkg/controller/garbagecollector).
import type { ControllerDefinition, ReconcileContext, WatchSpec } from '../../client/controller';
import type { InformerFactory } from '../../client/informer';
import type { KubeObject } from '../../types/object';
import { DependencyGraph } from './graph';
import { attemptToDelete, attemptToOrphan } from './attemptToDelete';

/** resources the GC follows (GetDeletableResources minus events, which carry no ownerReferences here) */
export const GC_RESOURCES: readonly string[] = [
  'pods',
  'replicasets',
  'replicationcontrollers',
  'deployments',
  'statefulsets',
  'daemonsets',
  'controllerrevisions',
  'endpointslices',
  'endpoints',
  'persistentvolumeclaims',
  'persistentvolumes',
  'services',
  'configmaps',
  'secrets',
  'serviceaccounts',
  'horizontalpodautoscalers',
  'poddisruptionbudgets',
  'networkpolicies',
  'leases',
  'nodes',
];

const graphs = new WeakMap<InformerFactory, DependencyGraph>();

/** the cluster's dependency graph (for tests and the UI's ownership view) */
export function dependencyGraph(informers: InformerFactory): DependencyGraph {
  let g = graphs.get(informers);
  if (!g) graphs.set(informers, (g = new DependencyGraph()));
  return g;
}

export const garbageCollectorController: ControllerDefinition = {
  name: 'garbage-collector-controller',
  latencyMs: 5,
  // each event's handler notes affected uids in the graph; the watch drains them into the queue
  watches: GC_RESOURCES.map((resource): WatchSpec => ({
    resource,
    keysFor: (_obj: Readonly<KubeObject>, ctx: ReconcileContext) =>
      dependencyGraph(ctx.informers).takeDirty(),
  })),
  setup(informers: InformerFactory) {
    const graph = dependencyGraph(informers);
    for (const resource of GC_RESOURCES) {
      const inf = informers.for(resource);
      inf.addHandlers({
        onAdd: (o) => graph.upsert(inf.resource, o),
        onUpdate: (_old, o) => graph.upsert(inf.resource, o),
        onDelete: (o) => graph.remove(o),
      });
    }
  },
  reconcile(key: string, ctx: ReconcileContext) {
    const graph = dependencyGraph(ctx.informers);
    const slash = key.indexOf('/');
    const kind = key.slice(0, slash);
    const uid = key.slice(slash + 1);
    if (kind === 'orphan') attemptToOrphan(graph, uid, ctx);
    else attemptToDelete(graph, uid, ctx);
  },
};
