// Builds the pod status the kubelet posts from its view of the pod (mirrors pkg/kubelet/kubelet_pods.go
// generateAPIPodStatus + getPhase, and pkg/kubelet/status/generate.go for the Ready/Initialized conditions).
import type { ContainerRun, PodWorker, TerminatedState } from './podWorker';
import { appContainers, initContainers } from './podWorker';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** mirrors kubelet_pods.go getPhase (restartable init containers not modelled) */
export function getPhase(w: PodWorker, podIsTerminal: boolean): PodPhase {
  const inits = initContainers(w);
  const initDone = inits.every((c) => c.state === 'terminated' && c.terminated?.exitCode === 0);
  if (!initDone) {
    const failedInit = inits.some((c) => c.state === 'terminated' && c.terminated?.exitCode !== 0);
    if (failedInit && w.restartPolicy === 'Never') return 'Failed';
    return 'Pending';
  }
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of appContainers(w)) {
    if (c.state === 'running') running++;
    else if (c.state === 'terminated') {
      stopped++;
      if (c.terminated?.exitCode === 0) succeeded++;
    } else if (c.lastTerminated) {
      stopped++;
      if (c.lastTerminated.exitCode === 0) succeeded++;
    } else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
  if (w.restartPolicy === 'Always') return 'Running';
  if (w.restartPolicy === 'OnFailure') return stopped === succeeded ? 'Succeeded' : 'Running';
  return stopped === succeeded ? 'Succeeded' : 'Failed';
}

type Rfc = (ms: number) => string;

function terminatedJson(t: TerminatedState, rfc: Rfc): Record<string, unknown> {
  return {
    terminated: {
      exitCode: t.exitCode,
      reason: t.reason,
      startedAt: rfc(t.startedAtMs),
      finishedAt: rfc(t.finishedAtMs),
      containerID: t.containerID,
    },
  };
}

function stateJson(c: ContainerRun, rfc: Rfc): Record<string, unknown> {
  if (c.state === 'running') return { running: { startedAt: rfc(c.startedAtMs ?? 0) } };
  if (c.state === 'terminated' && c.terminated) return terminatedJson(c.terminated, rfc);
  return {
    waiting: c.waitingMessage
      ? { reason: c.waitingReason, message: c.waitingMessage }
      : { reason: c.waitingReason },
  };
}

/** imageID as containerd reports it: the repository digest */
export type ImageIdOf = (image: string) => string;

function containerStatusJson(c: ContainerRun, rfc: Rfc, imageIdOf: ImageIdOf): Record<string, unknown> {
  const s: Record<string, unknown> = {
    name: c.name,
    state: stateJson(c, rfc),
    lastState: c.lastTerminated ? terminatedJson(c.lastTerminated, rfc) : {},
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.image,
    imageID: c.containerID ? imageIdOf(c.image) : '',
    started: c.state === 'running' && c.started,
  };
  if (c.containerID) s.containerID = c.containerID;
  return s;
}

function unreadyMessage(kind: string, names: string[]): string {
  return `containers with ${kind} status: [${names.join(' ')}]`;
}

/** the kubelet-owned conditions, with reasons as generate.go gives them */
function kubeletConditions(w: PodWorker, phase: PodPhase, rfc: Rfc): Record<string, unknown>[] {
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const out: Record<string, unknown>[] = [];
  const cond = (type: string, extra?: { reason: string; message: string }) => {
    const c = w.conditions.get(type);
    if (!c) return;
    const entry: Record<string, unknown> = {
      type,
      status: c.status,
      lastProbeTime: null,
      lastTransitionTime: rfc(c.lastTransitionMs),
    };
    if (c.status === 'False' && extra) Object.assign(entry, extra);
    out.push(entry);
  };
  const uninit = initContainers(w)
    .filter((c) => !(c.state === 'terminated' && c.terminated?.exitCode === 0))
    .map((c) => c.name);
  const unready = appContainers(w)
    .filter((c) => !c.ready)
    .map((c) => c.name);
  const notReady = terminal
    ? { reason: 'PodCompleted', message: '' }
    : { reason: 'ContainersNotReady', message: unreadyMessage('unready', unready) };
  cond('PodReadyToStartContainers');
  cond(
    'Initialized',
    terminal
      ? { reason: 'PodCompleted', message: '' }
      : { reason: 'ContainersNotInitialized', message: unreadyMessage('incomplete', uninit) },
  );
  cond('Ready', notReady);
  cond('ContainersReady', notReady);
  return out;
}

const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

/** the full status to post: kubelet fields from w, other writers' conditions (PodScheduled, DisruptionTarget) kept */
export function buildPodStatus(
  w: PodWorker,
  previous: Readonly<Record<string, unknown>> | undefined,
  phase: PodPhase,
  rfc: Rfc,
  imageIdOf: ImageIdOf,
): Record<string, unknown> {
  const prev = previous ?? {};
  const others = ((prev.conditions as Record<string, unknown>[] | undefined) ?? []).filter(
    (c) => !KUBELET_CONDITIONS.has(String(c.type)),
  );
  const status: Record<string, unknown> = {
    ...prev,
    phase,
    conditions: [...kubeletConditions(w, phase, rfc), ...others],
  };
  if (w.hostIP) {
    status.hostIP = w.hostIP;
    status.hostIPs = [{ ip: w.hostIP }];
  }
  if (w.podIP) {
    status.podIP = w.podIP;
    status.podIPs = [{ ip: w.podIP }];
  }
  if (w.startTimeMs !== undefined) status.startTime = rfc(w.startTimeMs);
  const inits = initContainers(w);
  if (inits.length > 0)
    status.initContainerStatuses = inits.map((c) => containerStatusJson(c, rfc, imageIdOf));
  status.containerStatuses = appContainers(w).map((c) => containerStatusJson(c, rfc, imageIdOf));
  return status;
}
