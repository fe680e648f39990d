// Builds the pod status the kubelet posts from its view of the pod (mirrors pkg/kubelet/kubelet_pods.go
// generateAPIPodStatus + getPhase, and pkg/kubelet/status/generate.go for the Ready/Initialized conditions).
import { shallowCopy } from './objectCopy';
import type { ConditionState, ContainerRun, PodWorker, TerminatedState } from './podWorker';
import { isObject } from '../patch/jsonUtil';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** mirrors kubelet_pods.go getPhase (restartable init containers not modelled) */
export function getPhase(w: PodWorker, podIsTerminal: boolean): PodPhase {
  let initDone = true;
  let failedInit = false;
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of w.containers) {
    if (c.init) {
      const exited = c.state === 'terminated';
      if (!(exited && c.terminated?.exitCode === 0)) initDone = false;
      if (exited && c.terminated?.exitCode !== 0) failedInit = true;
    } else if (c.state === 'running') running++;
    else if (c.state === 'terminated') {
      stopped++;
      if (c.terminated?.exitCode === 0) succeeded++;
    } else if (c.lastTerminated) {
      stopped++;
      if (c.lastTerminated.exitCode === 0) succeeded++;
    } else waiting++;
  }
  if (!initDone) return failedInit && w.restartPolicy === 'Never' ? 'Failed' : 'Pending';
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

/** the containers a False condition names: init containers not completed, or app containers not ready */
function unreadyMessage(kind: 'incomplete' | 'unready', w: PodWorker): string {
  const names: string[] = [];
  for (const c of w.containers) {
    if (
      kind === 'incomplete'
        ? c.init && !(c.state === 'terminated' && c.terminated?.exitCode === 0)
        : !c.init && !c.ready
    )
      names.push(c.name);
  }
  return `containers with ${kind} status: [${names.join(' ')}]`;
}

/** own keys of o whose value is not undefined (what cloneSharing counts when it compares records) */
function definedKeys(o: Readonly<Record<string, unknown>>): number {
  let n = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined) n++;
  return n;
}

/**
 * One condition entry. When the previous status holds an equal entry at the same index, that (frozen) entry itself
 * is returned: the API server's decode then shares it by identity instead of comparing a fresh copy field by field
 * (cloneSharing returns the stored entry for an equal one either way, so the stored result is the same).
 */
function conditionJson(
  type: string,
  c: ConditionState,
  rfc: Rfc,
  reason: string | undefined,
  message: string | undefined,
  prev: unknown,
): unknown {
  const lastTransitionTime = rfc(c.lastTransitionMs);
  if (
    isObject(prev) &&
    prev.type === type &&
    prev.status === c.status &&
    prev.lastProbeTime === null &&
    prev.lastTransitionTime === lastTransitionTime &&
    prev.reason === reason &&
    prev.message === message &&
    definedKeys(prev) === (reason === undefined ? 4 : 6)
  )
    return prev;
  const entry: Record<string, unknown> = { type, status: c.status, lastProbeTime: null, lastTransitionTime };
  if (reason !== undefined) {
    entry.reason = reason;
    entry.message = message;
  }
  return entry;
}

const READY_CONDITIONS = ['Ready', 'ContainersReady'];

/**
 * the kubelet-owned conditions, with reasons as generate.go gives them (a False one says why); entries equal to
 * prev's at the same index are prev's
 */
function kubeletConditions(w: PodWorker, phase: PodPhase, rfc: Rfc, prev: readonly unknown[]): unknown[] {
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const out: unknown[] = [];
  const sandbox = w.conditions.get('PodReadyToStartContainers');
  if (sandbox)
    out.push(
      conditionJson('PodReadyToStartContainers', sandbox, rfc, undefined, undefined, prev[out.length]),
    );
  const init = w.conditions.get('Initialized');
  if (init) {
    const why = init.status === 'False';
    const reason = why ? (terminal ? 'PodCompleted' : 'ContainersNotInitialized') : undefined;
    const message = why ? (terminal ? '' : unreadyMessage('incomplete', w)) : undefined;
    out.push(conditionJson('Initialized', init, rfc, reason, message, prev[out.length]));
  }
  let notReadyMessage: string | undefined;
  for (const type of READY_CONDITIONS) {
    const c = w.conditions.get(type);
    if (!c) continue;
    const why = c.status === 'False';
    const reason = why ? (terminal ? 'PodCompleted' : 'ContainersNotReady') : undefined;
    const message = why ? (terminal ? '' : (notReadyMessage ??= unreadyMessage('unready', w))) : undefined;
    out.push(conditionJson(type, c, rfc, reason, message, prev[out.length]));
  }
  return out;
}

/** [{ip}] for status.hostIPs / podIPs: prev's own list when it is exactly that */
function ipList(ip: string, prev: unknown): unknown {
  if (Array.isArray(prev) && prev.length === 1) {
    const e: unknown = prev[0];
    if (isObject(e) && e.ip === ip && definedKeys(e) === 1) return prev;
  }
  return [{ ip }];
}

/** out itself, or prev when out holds exactly prev's entries (by identity) */
function sameOrPrev(out: unknown[], prev: readonly unknown[]): readonly unknown[] {
  if (out.length !== prev.length) return out;
  for (let i = 0; i < out.length; i++) if (out[i] !== prev[i]) return out;
  return prev;
}

const NONE: readonly Readonly<Record<string, unknown>>[] = [];

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
  const prevConditions =
    (prev.conditions as readonly Readonly<Record<string, unknown>>[] | undefined) ?? NONE;
  const conditions = kubeletConditions(w, phase, rfc, prevConditions);
  for (const c of prevConditions) if (!KUBELET_CONDITIONS.has(String(c.type))) conditions.push(c);
  const status = shallowCopy(prev);
  status.phase = phase;
  status.conditions = sameOrPrev(conditions, prevConditions);
  if (w.hostIP) {
    status.hostIP = w.hostIP;
    status.hostIPs = ipList(w.hostIP, prev.hostIPs);
  }
  if (w.podIP) {
    status.podIP = w.podIP;
    status.podIPs = ipList(w.podIP, prev.podIPs);
  }
  if (w.startTimeMs !== undefined) status.startTime = rfc(w.startTimeMs);
  const inits: Record<string, unknown>[] = [];
  const apps: Record<string, unknown>[] = [];
  for (const c of w.containers) (c.init ? inits : apps).push(containerStatusJson(c, rfc, imageIdOf));
  if (inits.length > 0) status.initContainerStatuses = inits;
  status.containerStatuses = apps;
  return status;
}
