// The taint eviction controller: pods on a node with NoExecute taints they do not tolerate are deleted, at once or
// after the smallest tolerationSeconds; the pending deletion is cancelled if the taint goes first.
// mirrors pkg/controller/tainteviction/taint_eviction.go handlePodUpdate + processPodOnNode + deletePodHandler
// (addConditionAndDeletePod).
import type { ClusterRuntime, Component } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { TimerHandle } from '../../sim/types';
import type { Informer } from '../../client/informer';
import { indexPodsByNode, POD_NODE_INDEX } from '../../client/informer';
import { sharedInformers } from '../manager';
import { WorkQueue } from '../../client/workqueue';
import { StatusError } from '../../apiserver/types';
import type { TaintLite, Toleration } from './tolerations';
import { matchingTolerations, minTolerationMs } from './tolerations';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

interface Work {
  createdAtMs: number;
  fireAtMs: number;
  handle: TimerHandle;
}

function noExecuteTaints(node: Readonly<KubeObject> | undefined): TaintLite[] {
  return ((node?.spec as { taints?: TaintLite[] } | undefined)?.taints ?? []).filter(
    (t) => t.effect === 'NoExecute',
  );
}

function sameTaints(a: readonly TaintLite[], b: readonly TaintLite[]): boolean {
  return a.length === b.length && a.every((t, i) => t.key === b[i]?.key && t.value === b[i]?.value);
}

/**
 * taint_eviction.go PodUpdated: an update that keeps the pod's node and tolerations changes nothing for the
 * controller (status updates, labels), so it is not queued.
 */
export function tolerationsOrNodeChanged(o: Readonly<KubeObject>, p: Readonly<KubeObject>): boolean {
  if (o.spec === p.spec) return false;
  const os = o.spec as { nodeName?: string; tolerations?: unknown } | undefined;
  const ps = p.spec as { nodeName?: string; tolerations?: unknown } | undefined;
  if (os?.nodeName !== ps?.nodeName) return true;
  return JSON.stringify(os?.tolerations ?? []) !== JSON.stringify(ps?.tolerations ?? []);
}

class TaintEvictionController implements Component {
  readonly name = TAINT_EVICTION_CONTROLLER;
  private rt!: ClusterRuntime;
  private nodes!: Informer;
  private pods!: Informer;
  private queue!: WorkQueue;
  private readonly work = new Map<string, Work>();
  private readonly actor = `kube-controller-manager/${TAINT_EVICTION_CONTROLLER}`;

  start(rt: ClusterRuntime): void {
    this.rt = rt;
    // kube-controller-manager's shared informers, as every controller of the process uses them
    const informers = sharedInformers(rt);
    this.nodes = informers.for('nodes');
    this.pods = informers.for('pods');
    indexPodsByNode(this.pods);
    this.queue = new WorkQueue(rt.sim, {
      actor: this.actor,
      latencyMs: 1,
      process: (key, cause) => this.processPod(key, cause ?? `sync pod ${key}`),
    });
    this.nodes.start();
    this.pods.start();
    const enqueueNodePods = (node: Readonly<KubeObject>, verb: string) => {
      const cause = `watch ${verb} nodes/${node.metadata.name ?? ''}@${node.metadata.resourceVersion ?? ''}`;
      for (const p of this.pods.byIndex(POD_NODE_INDEX, node.metadata.name ?? ''))
        this.queue.add(`${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`, cause);
    };
    this.nodes.addHandlers({
      onAdd: (n) => enqueueNodePods(n, 'ADDED'),
      onUpdate: (o, n) => {
        if (!sameTaints(noExecuteTaints(o), noExecuteTaints(n))) enqueueNodePods(n, 'MODIFIED');
      },
      onDelete: (n) => enqueueNodePods(n, 'DELETED'),
    });
    const enqueuePod = (p: Readonly<KubeObject>, verb: string) => {
      if ((p.spec as { nodeName?: string } | undefined)?.nodeName || verb === 'DELETED') {
        const key = `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`;
        this.queue.add(key, `watch ${verb} pods/${key}@${p.metadata.resourceVersion ?? ''}`);
      }
    };
    this.pods.addHandlers({
      onAdd: (p) => enqueuePod(p, 'ADDED'),
      onUpdate: (o, p) => {
        if (!tolerationsOrNodeChanged(o, p)) return;
        enqueuePod(p, 'MODIFIED');
      },
      onDelete: (p) => enqueuePod(p, 'DELETED'),
    });
  }

  /** evictions scheduled now: pod key -> virtual ms when it fires (for tests and the UI) */
  scheduled(): Map<string, number> {
    return new Map([...this.work].map(([k, w]) => [k, w.fireAtMs]));
  }

  /**
   * handlePodUpdate: a pod gone from the informer (NotFound) has its pending eviction cancelled with an event; a pod
   * still there, even one already being deleted, goes through processPodOnNode like any other.
   */
  private processPod(key: string, cause: string): void {
    const pod = this.pods.get(key);
    if (!pod) return this.cancel(key);
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!nodeName) return;
    const taints = noExecuteTaints(this.nodes.get(nodeName));
    if (taints.length === 0) return this.cancel(key);
    const tolerations = ((pod.spec as { tolerations?: Toleration[] }).tolerations ?? []) as Toleration[];
    const { allTolerated, used } = matchingTolerations(taints, tolerations);
    const now = this.rt.sim.clock.nowMs();
    if (!allTolerated) {
      this.cancel(key);
      this.addWork(key, now, now, cause);
      return;
    }
    const minMs = minTolerationMs(used);
    if (minMs < 0) return this.cancel(key);
    let startMs = now;
    const triggerMs = now + minMs;
    const existing = this.work.get(key);
    if (existing) {
      startMs = existing.createdAtMs;
      if (startMs + minMs < triggerMs) return;
      this.cancel(key);
    }
    this.addWork(key, startMs, triggerMs, cause);
  }

  private addWork(key: string, createdAtMs: number, fireAtMs: number, cause: string): void {
    const handle = this.rt.sim.schedule({
      delayMs: Math.max(0, fireAtMs - this.rt.sim.clock.nowMs()),
      actor: this.actor,
      label: `${this.actor} evict pods/${key}`,
      run: () => {
        if (this.work.get(key)?.handle !== handle) return;
        this.work.delete(key);
        this.evict(key, cause);
      },
    });
    this.work.set(key, { createdAtMs, fireAtMs, handle });
  }

  /** cancelWorkWithEvent: an event only when there was work to cancel */
  private cancel(key: string): void {
    const w = this.work.get(key);
    if (!w) return;
    this.rt.sim.cancel(w.handle);
    this.work.delete(key);
    this.podEvent(key, `Cancelling deletion of Pod ${key}`);
  }

  /**
   * emitPodDeletionEvent / emitCancelPodDeletionEvent: the event's reference is built from the pod's namespace and
   * name alone (apiVersion v1, kind Pod, no uid), so it can be recorded for a pod that is already gone
   */
  private podEvent(key: string, message: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const ref: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
    this.rt.events.event(ref, 'Normal', 'TaintManagerEviction', message, {
      component: TAINT_EVICTION_CONTROLLER,
    });
  }

  /** deletePodHandler: Event, DisruptionTarget condition, then the ordinary graceful delete */
  private evict(key: string, cause: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const ctx = { actor: TAINT_EVICTION_CONTROLLER, cause: `NoExecute taint not tolerated: ${cause}` };
    // the event comes first, before addConditionAndDeletePod reads the pod
    this.podEvent(key, `Marking for deletion Pod ${key}`);
    try {
      const pod = this.rt.api.get('pods', ns, name);
      const status = (pod.status ?? {}) as { conditions?: { type: string }[] };
      const conditions = [
        ...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
        {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'DeletionByTaintManager',
          message: 'Taint manager: deleting due to NoExecute taint',
          lastTransitionTime: this.rt.sim.clock.nowRfc3339(),
        },
      ];
      this.rt.api.updateStatus('pods', ns, { ...pod, status: { ...status, conditions } }, ctx);
      this.rt.api.delete('pods', ns, name, { preconditions: { uid: pod.metadata.uid } }, ctx);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      this.rt.sim.trace.record({
        actor: this.actor,
        action: 'error',
        target: `pods/${key}`,
        message: e.message,
        cause,
      });
    }
  }
}

/** The taint eviction controller as a kube-controller-manager component. */
export function taintEvictionController(): Component & { scheduled(): Map<string, number> } {
  return new TaintEvictionController();
}
