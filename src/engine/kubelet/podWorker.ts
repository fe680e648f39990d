// The kubelet's in-memory view of one pod it runs (what the container runtime would know): container states,
// restart counts, back-off, the pod IP, and the condition transition times it reports.
import type { TimerHandle } from '../sim/types';
import type { AppModel } from './appModel';
import type { ProbeSpec } from './probeSpec';
import type { ProbeWorkerState } from './probeWorker';

export interface TerminatedState {
  exitCode: number;
  reason: string;
  startedAtMs: number;
  finishedAtMs: number;
  containerID: string;
}

export interface ContainerRun {
  name: string;
  image: string;
  init: boolean;
  /** a restartable init container (sidecar) is not modelled: every init container runs to completion */
  state: 'waiting' | 'running' | 'terminated';
  waitingReason: string;
  waitingMessage?: string;
  containerID?: string;
  startedAtMs?: number;
  terminated?: TerminatedState;
  lastTerminated?: TerminatedState;
  restartCount: number;
  ready: boolean;
  /** crashes counted for the back-off (reset when the container ran long enough) */
  backoffCount: number;
  /** virtual ms of the crash that started the current back-off */
  crashedAtMs?: number;
  /** the startup probe succeeded, or the container has none (status.containerStatuses[].started) */
  started: boolean;
  /** liveness / readiness / startup probe workers (probeFlow.ts) */
  probes: ContainerProbe[];
  /** faults a user injected with `sim pod`: a failing readiness check, or an app that stopped answering */
  faults: { readinessFails?: boolean; hung?: boolean };
  /** consecutive failed image pulls (image back-off) */
  pullFailures: number;
}

export interface ContainerProbe {
  spec: ProbeSpec;
  state: ProbeWorkerState;
}

export interface ConditionState {
  status: 'True' | 'False';
  lastTransitionMs: number;
}

export interface PodWorker {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  app: AppModel;
  containers: ContainerRun[];
  /** index in containers of the next container the start flow works on */
  cursor: number;
  hostIP?: string;
  podIP?: string;
  startTimeMs?: number;
  sandboxReady: boolean;
  /** set once the pod has a deletionTimestamp and the kubelet began stopping it */
  terminating: boolean;
  gracePeriodSeconds: number;
  conditions: Map<string, ConditionState>;
  /** pending timers by slot ('flow', 'crash:<c>', 'probe:<type>:<c>', 'restart:<c>') */
  timers: Map<string, TimerHandle>;
  /** podKey(w), kept once computed: the same string object each lookup, so maps reuse its hash */
  key?: string;
  /** `kubelet/<node>`, the actor of its timers and writes, kept once built */
  actor?: string;
  /** set when the kubelet forgot the pod: its timers no longer run */
  gone?: boolean;
}

export function podKey(w: Pick<PodWorker, 'namespace' | 'name'>): string {
  return `${w.namespace}/${w.name}`;
}

/** kubelet's format.Pod: name_namespace(uid), as BackOff messages print a pod */
export function formatPod(w: Pick<PodWorker, 'namespace' | 'name' | 'uid'>): string {
  return `${w.name}_${w.namespace}(${w.uid})`;
}

export function initContainers(w: PodWorker): ContainerRun[] {
  return w.containers.filter((c) => c.init);
}

export function appContainers(w: PodWorker): ContainerRun[] {
  return w.containers.filter((c) => !c.init);
}

/** set a condition, moving lastTransitionTime only when the status changes */
export function setCondition(w: PodWorker, type: string, status: 'True' | 'False', nowMs: number): void {
  const cur = w.conditions.get(type);
  if (cur && cur.status === status) return;
  w.conditions.set(type, { status, lastTransitionMs: nowMs });
}
