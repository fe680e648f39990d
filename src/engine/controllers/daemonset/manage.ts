// The core DaemonSet loop as a pure plan: which nodes need a daemon pod, which daemon pods must go.
// mirrors pkg/controller/daemon/daemon_controller.go manage, podsShouldBeOnNode, getUnscheduledPodsWithoutNode.
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodAvailable, isPodReady, timeMs } from '../shared/podUtil';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';
import type { ShouldRun } from './nodeShouldRun';

export interface PodNotice {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface ManageInput {
  /** node names in the lister's order */
  nodes: readonly string[];
  shouldRun(node: string): ShouldRun;
  /** daemon pods by target node (terminal pods being deleted already left out) */
  nodeToDaemonPods: ReadonlyMap<string, readonly Readonly<Pod>[]>;
  hash: string;
  allowsSurge: boolean;
  minReadySeconds: number;
  nowMs: number;
  /** whether a node of that name exists (defaults to membership in nodes) */
  nodeExists?(node: string): boolean;
  /** failed-pod backoff: undefined lets the failed pod on node be deleted now, a number delays that many ms */
  failedPodBackoffMs(node: string): number | undefined;
}

export interface ManagePlan {
  nodesNeedingDaemonPods: string[];
  podsToDelete: string[];
  notices: PodNotice[];
  /** a failed pod waits out its backoff: sync again after this */
  requeueAfterMs?: number;
}

/** podByCreationTimestampAndPhase: scheduled first, then oldest, then by name */
export function compareByCreationAndPhase(a: Readonly<Pod>, b: Readonly<Pod>): number {
  const sa = !!a.spec?.nodeName;
  const sb = !!b.spec?.nodeName;
  if (sa !== sb) return sa ? -1 : 1;
  const ta = timeMs(a.metadata?.creationTimestamp) ?? 0;
  const tb = timeMs(b.metadata?.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

function podName(p: Readonly<Pod>): string {
  return p.metadata?.name ?? '';
}

function podWhere(p: Readonly<Pod>, node: string): string {
  return `${p.metadata?.namespace ?? ''}/${podName(p)} on node ${node}`;
}

/** surge mode: keep the oldest new pod, and the oldest old pod until the new one is available */
function pruneSurge(running: Readonly<Pod>[], input: ManageInput, toDelete: string[]): void {
  let oldestNew: Readonly<Pod> | undefined;
  let oldestOld: Readonly<Pod> | undefined;
  for (const pod of [...running].sort(compareByCreationAndPhase)) {
    const isNew = pod.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] === input.hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else toDelete.push(podName(pod));
  }
  if (oldestNew && oldestOld) {
    if (!isPodReady(oldestOld)) toDelete.push(podName(oldestOld));
    else if (isPodAvailable(oldestNew, input.minReadySeconds, input.nowMs)) toDelete.push(podName(oldestOld));
  }
}

/** podsShouldBeOnNode for one node; appends to plan */
function planNode(node: string, input: ManageInput, plan: ManagePlan): void {
  const { shouldRun, shouldContinueRunning } = input.shouldRun(node);
  const daemonPods = input.nodeToDaemonPods.get(node);
  if (shouldRun && !daemonPods) {
    plan.nodesNeedingDaemonPods.push(node);
    return;
  }
  if (shouldContinueRunning) {
    const running: Readonly<Pod>[] = [];
    for (const pod of daemonPods ?? []) {
      if (pod.metadata?.deletionTimestamp) continue;
      const phase = pod.status?.phase;
      if (phase === 'Failed') {
        const delay = input.failedPodBackoffMs(node);
        if (delay !== undefined) {
          plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? delay, delay);
          continue;
        }
        plan.notices.push({
          type: 'Warning',
          reason: 'FailedDaemonPod',
          message: `Found failed daemon pod ${podWhere(pod, node)}, will try to kill it`,
        });
        plan.podsToDelete.push(podName(pod));
      } else if (phase === 'Succeeded') {
        plan.notices.push({
          type: 'Normal',
          reason: 'SucceededDaemonPod',
          message: `Found succeeded daemon pod ${podWhere(pod, node)}, will try to delete it`,
        });
        plan.podsToDelete.push(podName(pod));
      } else running.push(pod);
    }
    if (!input.allowsSurge) {
      // without surge, more than one running pod on a node: keep the oldest
      const sorted = running.sort(compareByCreationAndPhase);
      for (let i = 1; i < sorted.length; i++) plan.podsToDelete.push(podName(sorted[i] as Readonly<Pod>));
      return;
    }
    if (running.length <= 1) {
      if (running.length === 0 && shouldRun) plan.nodesNeedingDaemonPods.push(node);
      return;
    }
    pruneSurge(running, input, plan.podsToDelete);
    return;
  }
  if (daemonPods) {
    for (const pod of daemonPods) if (!pod.metadata?.deletionTimestamp) plan.podsToDelete.push(podName(pod));
  }
}

/** manage: plan every node, then delete unscheduled pods whose target node no longer exists */
export function planManage(input: ManageInput): ManagePlan {
  const plan: ManagePlan = { nodesNeedingDaemonPods: [], podsToDelete: [], notices: [] };
  for (const node of input.nodes) planNode(node, input, plan);
  let exists = input.nodeExists;
  if (!exists) {
    const set = new Set(input.nodes);
    exists = (n) => set.has(n);
  }
  for (const [node, pods] of input.nodeToDaemonPods) {
    if (exists(node)) continue;
    for (const pod of pods) if (!pod.spec?.nodeName) plan.podsToDelete.push(podName(pod));
  }
  return plan;
}
