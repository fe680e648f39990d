// Informer handlers: assigned pods and nodes feed the cache, pending pods feed the queue, and cluster events that
// may help unschedulable pods trigger MoveAllToActiveOrBackoffQueue. mirrors pkg/scheduler/eventhandlers.go.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types/object';
import type { Scheduler } from './scheduler';
import { podKeyOf } from './cache';

const asPod = (o: Readonly<KubeObject>): Pod => o as unknown as Pod;
const asNode = (o: Readonly<KubeObject>): Node => o as unknown as Node;
const assigned = (p: Pod): boolean => (p.spec?.nodeName ?? '') !== '';
/** the scheduler's pod informer skips terminal pods (status.phase!=Succeeded,status.phase!=Failed) */
const terminal = (p: Pod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const gated = (p: Pod): boolean => (p.spec?.schedulingGates?.length ?? 0) > 0;

/** isPodUpdated: something other than status / resourceVersion / managedFields changed */
export function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  // stored objects are frozen: the same references cannot differ (the usual status-only update)
  const om = oldPod.metadata;
  const nm = newPod.metadata;
  if (
    oldPod.spec === newPod.spec &&
    om?.labels === nm?.labels &&
    om?.annotations === nm?.annotations &&
    om?.deletionTimestamp === nm?.deletionTimestamp
  )
    return false;
  const strip = (p: Pod) =>
    JSON.stringify([p.spec, p.metadata?.labels, p.metadata?.annotations, p.metadata?.deletionTimestamp]);
  return strip(oldPod) !== strip(newPod);
}

/** nodeSchedulingPropertiesChange: allocatable, labels, taints, unschedulable or condition statuses changed */
export function nodeSchedulingPropertiesChanged(a: Node, b: Node): boolean {
  const props = (n: Node) =>
    JSON.stringify([
      n.spec?.unschedulable ?? false,
      n.spec?.taints ?? [],
      n.metadata?.labels ?? {},
      n.status?.allocatable ?? {},
      (n.status?.conditions ?? []).map((c) => [c.type, c.status]),
    ]);
  return props(a) !== props(b);
}

export function registerNodeHandlers(s: Scheduler): void {
  const nodes = s.informers.for('nodes');
  nodes.start();
  nodes.addHandlers({
    onAdd: (o) => {
      s.cache.addNode(asNode(o));
      s.queue.moveAllToActiveOrBackoffQueue();
    },
    onUpdate: (old, o) => {
      s.cache.updateNode(asNode(o));
      if (nodeSchedulingPropertiesChanged(asNode(old), asNode(o))) s.queue.moveAllToActiveOrBackoffQueue();
    },
    onDelete: (o) => s.cache.removeNode(o.metadata.name ?? ''),
  });
}

function onPendingPod(s: Scheduler, pod: Pod, oldPod: Pod | undefined): void {
  const key = podKeyOf(pod);
  if (!s.responsibleFor(pod)) return;
  if (pod.metadata?.deletionTimestamp) {
    s.queue.delete(key);
    s.nominator.delete(key);
    return;
  }
  if (s.cache.isAssumed(key)) return; // being bound right now
  s.nominator.syncFromStatus(key, pod);
  if (gated(pod)) return; // SchedulingGates PreEnqueue: waits until the gates are removed
  if (!oldPod || gated(oldPod)) s.queue.add(key, pod);
  else s.queue.update(key, pod, isPodUpdated(oldPod, pod));
}

function onAssignedPodGone(s: Scheduler, pod: Pod): void {
  s.cache.removePod(podKeyOf(pod));
  s.queue.moveAllToActiveOrBackoffQueue();
}

const labelsChanged = (a: Pod, b: Pod): boolean =>
  a.metadata?.labels !== b.metadata?.labels &&
  JSON.stringify(a.metadata?.labels) !== JSON.stringify(b.metadata?.labels);

export function registerPodHandlers(s: Scheduler): void {
  const pods = s.informers.for('pods');
  pods.start();
  s.pods = pods;
  pods.addHandlers({
    onAdd: (o) => {
      const pod = asPod(o);
      if (terminal(pod)) return;
      if (assigned(pod)) s.cache.addPod(pod);
      else onPendingPod(s, pod, undefined);
    },
    onUpdate: (old, o) => {
      const oldPod = asPod(old);
      const pod = asPod(o);
      const key = podKeyOf(pod);
      if (assigned(pod)) {
        if (!assigned(oldPod)) {
          s.queue.delete(key);
          s.nominator.delete(key);
        }
        if (terminal(pod)) return onAssignedPodGone(s, pod);
        s.cache.updatePod(pod);
        if (assigned(oldPod) && labelsChanged(oldPod, pod)) {
          s.queue.moveAllToActiveOrBackoffQueue(); // AssignedPodUpdate: affinity/spread may now match
        }
        return;
      }
      if (!terminal(pod)) onPendingPod(s, pod, oldPod);
    },
    onDelete: (o) => {
      const pod = asPod(o);
      const key = podKeyOf(pod);
      if (assigned(pod) || s.cache.isAssumed(key)) {
        s.cache.removePod(key);
        s.queue.moveAllToActiveOrBackoffQueue(); // AssignedPodDelete frees resources
      }
      s.queue.delete(key);
      s.nominator.delete(key);
    },
  });
}
