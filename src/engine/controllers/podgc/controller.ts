// The PodGC controller: every gcCheckPeriod (20 s) it force-deletes terminated pods over the threshold, terminating
// pods on out-of-service nodes, pods orphaned by a deleted Node (after a 40 s quarantine) and unscheduled terminating
// pods — each first marked Failed, then deleted with grace period 0.
// mirrors pkg/controller/podgc/gc_controller.go (gc, gcOrphaned, discoverDeletedNodes, markFailedAndDeletePod).
import { scheduleEvery } from '../../sim/periodic';
import type { Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { StatusError } from '../../apiserver/types';
import type { ApiServer } from '../../apiserver/types';
import type { ControllerDefinition, ReconcileContext } from '../../client/controller';
import { indexPodsByNode, POD_NODE_INDEX } from '../../client/informer';
import type { KubeObject } from '../../types/object';
import { objectKey } from '../../types/object';
import {
  GC_CHECK_PERIOD_MS,
  isPodTerminated,
  NodeQuarantine,
  orphanCondition,
  QUARANTINE_MS,
  TERMINATED_POD_THRESHOLD,
  failedStatus,
  terminatedToDelete,
  terminatingOnOutOfServiceNodes,
  unscheduledTerminating,
} from './select';

/** names.PodGarbageCollectorController */
export const PODGC_CONTROLLER_NAME = 'pod-garbage-collector-controller';
/** the one work item: a whole gc pass */
const GC_KEY = 'gc';
const STATE_INDEX = 'podgc/state';

interface GCState {
  /** node names pods are bound to that the node informer does not hold (candidates for the quarantine) */
  missing: Set<string>;
  quarantine: NodeQuarantine;
}

export interface PodGCOptions {
  /** --terminated-pod-gc-threshold; 0 or less turns gcTerminated off */
  terminatedPodThreshold?: number;
}

const asPod = (o: Readonly<KubeObject>) => o as Readonly<Pod>;

/** markFailedAndDeletePodWithCondition: Failed (plus condition) unless already terminal, then delete with grace 0 */
function markFailedAndDelete(ctx: ReconcileContext, pod: Readonly<Pod>, condition?: PodCondition): void {
  const ns = pod.metadata?.namespace;
  const name = pod.metadata?.name ?? '';
  try {
    const fresh = ctx.api.get('pods', ns, name);
    if (fresh.metadata.uid !== pod.metadata?.uid) return;
    const status = failedStatus(asPod(fresh).status, condition);
    if (status) ctx.api.updateStatus('pods', ns, { ...fresh, status } as KubeObject, ctx.request);
    ctx.api.delete(
      'pods',
      ns,
      name,
      { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata?.uid } },
      ctx.request,
    );
  } catch (e) {
    // ignore not founds (and a pod replaced under the same name), as the real controller does
    if (!(e instanceof StatusError)) throw e;
  }
}

/** checkIfNodeExists: a GET past the informer, so a node the cache has not seen yet is not mistaken for gone */
function nodeExists(api: ApiServer, name: string): boolean {
  try {
    api.get('nodes', undefined, name);
    return true;
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return false;
    throw e;
  }
}

/** gcOrphaned: quarantine missing node names, then delete the pods of those confirmed gone */
function gcOrphaned(ctx: ReconcileContext, s: GCState, deleted: Set<string>): void {
  const pods = ctx.informers.for('pods');
  const nodes = ctx.informers.for('nodes');
  for (const name of [...s.missing].sort()) {
    if (nodes.get(name) || pods.byIndex(POD_NODE_INDEX, name).length === 0) s.missing.delete(name);
    else s.quarantine.addAfter(name, ctx.nowMs() + QUARANTINE_MS);
  }
  for (const name of s.quarantine.takeReady(ctx.nowMs())) {
    if (nodes.get(name) || nodeExists(ctx.api, name)) continue;
    const orphans = pods.byIndex(POD_NODE_INDEX, name).map(asPod);
    orphans.sort((a, b) => objectKey(a as KubeObject).localeCompare(objectKey(b as KubeObject)));
    for (const pod of orphans) {
      if (deleted.has(objectKey(pod as KubeObject))) continue;
      markFailedAndDelete(ctx, pod, orphanCondition(ctx.sim.clock.nowRfc3339()));
      deleted.add(objectKey(pod as KubeObject));
    }
  }
}

/** one gc pass, in the order gc() runs its steps */
function gc(ctx: ReconcileContext, s: GCState, threshold: number): void {
  const pods = ctx.informers.for('pods');
  const nodes = ctx.informers.for('nodes');
  const deleted = new Set<string>();
  const remove = (list: readonly Readonly<Pod>[]) => {
    for (const pod of list) {
      const key = objectKey(pod as KubeObject);
      if (deleted.has(key)) continue;
      markFailedAndDelete(ctx, pod);
      deleted.add(key);
    }
  };
  if (threshold > 0)
    remove(terminatedToDelete(pods.byIndex(STATE_INDEX, 'terminated').map(asPod), threshold));
  const terminating = () => pods.byIndex(STATE_INDEX, 'terminating').map(asPod);
  remove(terminatingOnOutOfServiceNodes(terminating(), (n) => nodes.get(n) as Readonly<Node> | undefined));
  gcOrphaned(ctx, s, deleted);
  remove(unscheduledTerminating(terminating()));
}

/** is a pass worth running: anything a pass could delete (keeps idle clusters free of no-op syncs) */
function hasWork(ctx: ReconcileContext, s: GCState, threshold: number): boolean {
  const pods = ctx.informers.for('pods');
  if (s.missing.size > 0 || s.quarantine.size > 0) return true;
  if (pods.byIndex(STATE_INDEX, 'terminating').length > 0) return true;
  return threshold > 0 && pods.byIndex(STATE_INDEX, 'terminated').length > threshold;
}

/** a PodGC controller; `podGCController` is kube-controller-manager's default one */
export function newPodGCController(opts: PodGCOptions = {}): ControllerDefinition {
  const threshold = opts.terminatedPodThreshold ?? TERMINATED_POD_THRESHOLD;
  const states = new WeakMap<ApiServer, GCState>();
  /** the cluster's state; the first call starts the gcCheckPeriod ticker (wait.UntilWithContext) */
  const stateOf = (ctx: ReconcileContext): GCState => {
    const existing = states.get(ctx.api);
    if (existing) return existing;
    const state: GCState = { missing: new Set(), quarantine: new NodeQuarantine() };
    states.set(ctx.api, state);
    scheduleEvery(
      ctx.sim,
      {
        periodMs: GC_CHECK_PERIOD_MS,
        actor: `kube-controller-manager/${PODGC_CONTROLLER_NAME}`,
        label: 'podgc gcCheckPeriod',
      },
      () => {
        if (hasWork(ctx, state, threshold)) ctx.queue.add(GC_KEY, 'gcCheckPeriod');
      },
    );
    return state;
  };
  const noteMissing = (ctx: ReconcileContext, nodeName: string | undefined) => {
    const s = stateOf(ctx);
    if (nodeName && !ctx.informers.for('nodes').get(nodeName)) s.missing.add(nodeName);
  };
  return {
    name: PODGC_CONTROLLER_NAME,
    watches: [
      // handlers never enqueue: a deleted node (gone from the cache by now) or a pod bound to an unknown node
      // only marks the name for the next periodic pass
      { resource: 'nodes', keysFor: (node, ctx) => (noteMissing(ctx, node.metadata.name), []) },
      { resource: 'pods', keysFor: (pod, ctx) => (noteMissing(ctx, asPod(pod).spec?.nodeName), []) },
    ],
    setup(informers) {
      informers.for('pods').addIndexer(STATE_INDEX, (o) => {
        const p = asPod(o);
        const out: string[] = [];
        if (isPodTerminated(p)) out.push('terminated');
        if (o.metadata.deletionTimestamp) out.push('terminating');
        return out;
      });
      indexPodsByNode(informers.for('pods'));
    },
    reconcile(key, ctx) {
      if (key === GC_KEY) gc(ctx, stateOf(ctx), threshold);
    },
  };
}

export const podGCController: ControllerDefinition = newPodGCController();
