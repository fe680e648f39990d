// How a controller is declared and run: watches map events to keys, a workqueue feeds reconcile(key),
// which re-reads state from informers and writes only through the API server (as pkg/controller/* do).
import type { ApiServer, RequestContext } from '../apiserver/types';
import type { ClusterRuntime, Component } from '../cluster/types';
import type { EventRecorder, EventSource } from '../events/types';
import type { Rng, Simulation } from '../sim/types';
import type { KubeObject, ObjectKey } from '../types/object';
import { objectKey } from '../types/object';
import type { Informer, InformerFactory } from './informer';
import { WorkQueue } from './workqueue';

export interface ReconcileContext {
  readonly api: ApiServer;
  readonly sim: Simulation;
  readonly rng: Rng;
  readonly informers: InformerFactory;
  readonly events: EventRecorder;
  readonly source: EventSource;
  /** request context for writes made while reconciling this key, carrying the cause into the trace */
  readonly request: RequestContext;
  readonly queue: WorkQueue;
  nowMs(): number;
}

export interface ReconcileResult {
  /** reconcile again after this many virtual ms (e.g. minReadySeconds, progress deadlines) */
  requeueAfterMs?: number;
  /** retry with backoff */
  error?: string;
}

export type WatchVerb = 'ADDED' | 'MODIFIED' | 'DELETED';

/** the keys of an event that concerns no key of the controller (shared: keysFor results are only read) */
export const NO_KEYS: readonly ObjectKey[] = Object.freeze([]);

export interface WatchSpec {
  resource: string;
  /** the events the controller registers handlers for (default all three; e.g. the Deployment controller's pod
   * handler is DeleteFunc only) */
  verbs?: readonly WatchVerb[];
  /** which keys of the controller's primary resource an event on obj concerns; default: obj's own key */
  keysFor?(obj: Readonly<KubeObject>, ctx: ReconcileContext): readonly ObjectKey[];
}

export interface ControllerDefinition {
  /** e.g. 'replicaset-controller' (the Events' source component) */
  readonly name: string;
  readonly watches: readonly WatchSpec[];
  /** virtual ms from an event to the reconcile (reaction time); default 5 */
  readonly latencyMs?: number;
  /** called once before informers start: add indexers here */
  setup?(informers: InformerFactory): void;
  reconcile(key: ObjectKey, ctx: ReconcileContext): ReconcileResult | void;
}

/** keys of the controller owner of kind `kind` (the "Owns" relation of controller-runtime) */
export function controllerOwnerKeys(kind: string) {
  return (obj: Readonly<KubeObject>): ObjectKey[] => {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller && r.kind === kind);
    if (!ref) return [];
    const ns = obj.metadata.namespace;
    return [ns ? `${ns}/${ref.name}` : ref.name];
  };
}

/** Runs one controller inside the kube-controller-manager. */
export function controllerComponent(def: ControllerDefinition, informers: InformerFactory): Component {
  return {
    name: def.name,
    start(rt: ClusterRuntime) {
      const actor = `kube-controller-manager/${def.name}`;
      // filled in right after the queue exists (the queue's process callback needs the context and vice versa)
      const ctx = {} as ReconcileContext;
      const queue = new WorkQueue(rt.sim, {
        actor,
        latencyMs: def.latencyMs ?? 50,
        process(key, cause) {
          const c: ReconcileContext = { ...ctx, request: { actor: def.name, cause: cause ?? `sync ${key}` } };
          let result: ReconcileResult | void;
          try {
            result = def.reconcile(key, c);
          } catch (e) {
            result = { error: e instanceof Error ? e.message : String(e) };
          }
          if (result?.error) {
            rt.sim.trace.record({ actor, action: 'error', target: key, message: result.error, cause });
            queue.addRateLimited(key, `retry after error: ${result.error}`);
            return;
          }
          queue.forget(key);
          if (result?.requeueAfterMs !== undefined)
            queue.addAfter(key, result.requeueAfterMs, 'requeue after');
          else queue.cancelDelayed(key);
        },
      });
      Object.assign(ctx, {
        api: rt.api,
        sim: rt.sim,
        rng: rt.sim.rng.fork(def.name),
        informers,
        events: rt.events,
        source: { component: def.name },
        request: { actor: def.name },
        queue,
        nowMs: () => rt.sim.clock.nowMs(),
      } satisfies ReconcileContext);
      def.setup?.(informers);
      for (const w of def.watches) {
        const inf: Informer = informers.for(w.resource);
        const keysFor = w.keysFor ?? ((o: Readonly<KubeObject>) => [objectKey(o)]);
        const enqueue = (o: Readonly<KubeObject>, verb: string) => {
          const keys = keysFor(o, ctx);
          if (keys.length === 0) return; // most pod events concern no key of most controllers
          // built at most once, and only if some key is newly queued (most are already queued)
          let cause: string | undefined;
          for (let i = 0; i < keys.length; i++) {
            const k = keys[i] as ObjectKey;
            if (!queue.wouldAdd(k)) continue;
            cause ??= `watch ${verb} ${inf.resource}/${objectKey(o)}@${o.metadata.resourceVersion ?? ''}`;
            queue.add(k, cause);
          }
        };
        const verbs = new Set<WatchVerb>(w.verbs ?? ['ADDED', 'MODIFIED', 'DELETED']);
        inf.addHandlers({
          onAdd: verbs.has('ADDED') ? (o) => enqueue(o, 'ADDED') : undefined,
          onUpdate: !verbs.has('MODIFIED')
            ? undefined
            : (old, o) => {
                enqueue(o, 'MODIFIED');
                // an object whose owner/labels changed may concern keys it no longer maps to
                if (w.keysFor) {
                  const oldKeys = keysFor(old, ctx);
                  if (oldKeys.length === 0) return;
                  let cause: string | undefined;
                  for (let i = 0; i < oldKeys.length; i++) {
                    const k = oldKeys[i] as ObjectKey;
                    if (!queue.wouldAdd(k)) continue;
                    cause ??= `watch MODIFIED ${inf.resource}/${objectKey(o)}`;
                    queue.add(k, cause);
                  }
                }
              },
          onDelete: verbs.has('DELETED') ? (o) => enqueue(o, 'DELETED') : undefined,
        });
        inf.start();
      }
    },
  };
}
