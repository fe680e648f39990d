// Pure PodGC decisions: which pods each pass force-deletes, in what order, the status they get first, and the
// quarantine a vanished node's name waits out before its pods count as orphaned.
// mirrors pkg/controller/podgc/gc_controller.go (gcTerminated, gcTerminating, gcOrphaned, gcUnscheduledTerminating,
// byEvictionAndCreationTimestamp, markFailedAndDeletePodWithCondition).
import type { Node, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';

/** gcCheckPeriod */
export const GC_CHECK_PERIOD_MS = 20_000;
/** quarantineTime: how long a node missing from the informer waits before a GET confirms it is gone */
export const QUARANTINE_MS = 40_000;
/** kube-controller-manager --terminated-pod-gc-threshold default */
export const TERMINATED_POD_THRESHOLD = 12_500;
/** v1.TaintNodeOutOfService */
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/** isPodTerminated: any phase but Pending, Running and Unknown */
export function isPodTerminated(pod: Readonly<Pod>): boolean {
  const phase = pod.status?.phase;
  return phase !== undefined && phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

/** eviction.PodIsEvicted */
function isEvicted(pod: Readonly<Pod>): boolean {
  return pod.status?.phase === 'Failed' && pod.status.reason === 'Evicted';
}

/** byEvictionAndCreationTimestamp: evicted pods first, then oldest, name as the tie breaker */
export function byEvictionAndCreationTimestamp(a: Readonly<Pod>, b: Readonly<Pod>): number {
  const ea = isEvicted(a);
  const eb = isEvicted(b);
  if (ea !== eb) return ea ? -1 : 1;
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** gcTerminated: the terminated pods over threshold, evicted and oldest first */
export function terminatedToDelete<P extends Readonly<Pod>>(pods: readonly P[], threshold: number): P[] {
  if (threshold <= 0) return [];
  const terminated = pods.filter(isPodTerminated);
  const deleteCount = terminated.length - threshold;
  if (deleteCount <= 0) return [];
  return terminated.sort(byEvictionAndCreationTimestamp).slice(0, deleteCount);
}

/** nodeutil.IsNodeReady */
export function isNodeReady(node: Readonly<Node>): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** gcTerminating: terminating pods on a node that is not Ready and carries the out-of-service taint */
export function terminatingOnOutOfServiceNodes<P extends Readonly<Pod>>(
  pods: readonly P[],
  getNode: (name: string) => Readonly<Node> | undefined,
): P[] {
  const out = pods.filter((pod) => {
    if (!pod.metadata?.deletionTimestamp) return false;
    const node = getNode(pod.spec?.nodeName ?? '');
    if (!node) return false;
    return !isNodeReady(node) && (node.spec?.taints ?? []).some((t) => t.key === TAINT_OUT_OF_SERVICE);
  });
  return out.sort(byEvictionAndCreationTimestamp);
}

/** gcUnscheduledTerminating: terminating pods never bound to a node */
export function unscheduledTerminating<P extends Readonly<Pod>>(pods: readonly P[]): P[] {
  return pods.filter((p) => p.metadata?.deletionTimestamp && !p.spec?.nodeName);
}

/** the condition gcOrphaned sets before deleting */
export function orphanCondition(nowRfc3339: string): PodCondition {
  return {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'DeletionByPodGC',
    message: 'PodGC: node no longer exists',
    lastTransitionTime: nowRfc3339,
  };
}

/**
 * markFailedAndDeletePodWithCondition's status patch: phase Failed plus the condition (apipod.UpdatePodCondition:
 * an existing condition of that type keeps its lastTransitionTime when its status is unchanged); undefined when the
 * pod already Succeeded or Failed (then it is only deleted).
 */
export function failedStatus(
  status: Readonly<PodStatus> | undefined,
  condition: PodCondition | undefined,
): PodStatus | undefined {
  if (status?.phase === 'Succeeded' || status?.phase === 'Failed') return undefined;
  const next: PodStatus = { ...(status ?? {}), phase: 'Failed' };
  if (condition) {
    const conditions = [...(status?.conditions ?? [])];
    const i = conditions.findIndex((c) => c.type === condition.type);
    const prev = i >= 0 ? conditions[i] : undefined;
    const c =
      prev && prev.status === condition.status
        ? { ...condition, lastTransitionTime: prev.lastTransitionTime ?? condition.lastTransitionTime }
        : condition;
    if (i >= 0) conditions[i] = c;
    else conditions.push(c);
    next.conditions = conditions;
  }
  return next;
}

/** the orphaned_pods_nodes delaying queue: a node name becomes ready QUARANTINE_MS after it was first added */
export class NodeQuarantine {
  private readonly readyAt = new Map<string, number>();

  /** AddAfter: a name already waiting keeps its earlier ready time */
  addAfter(name: string, readyAtMs: number): void {
    const at = this.readyAt.get(name);
    if (at === undefined || readyAtMs < at) this.readyAt.set(name, readyAtMs);
  }

  /** the names whose quarantine is over, removed from the queue (Get + Done), sorted */
  takeReady(nowMs: number): string[] {
    const out: string[] = [];
    for (const [name, at] of this.readyAt) if (at <= nowMs) out.push(name);
    for (const name of out) this.readyAt.delete(name);
    return out.sort();
  }

  get size(): number {
    return this.readyAt.size;
  }
}
