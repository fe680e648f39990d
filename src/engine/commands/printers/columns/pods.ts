// Pod columns: NAME READY STATUS RESTARTS AGE [IP NODE NOMINATED NODE READINESS GATES].
// mirrors pkg/printers/internalversion/printers.go printPod (status reason, init containers, restarts "(5m ago)").
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { KindPrinter } from './types';
import { humanDuration, timestampMs, translateTimestampSince } from '../age';

const isRestartable = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';

interface Tally {
  restarts: number;
  lastRestartMs: number | undefined;
}

function addRestarts(t: Tally, cs: ContainerStatus): void {
  t.restarts += cs.restartCount ?? 0;
  const finished = timestampMs(cs.lastState?.terminated?.finishedAt);
  if (finished !== undefined && (t.lastRestartMs === undefined || finished > t.lastRestartMs))
    t.lastRestartMs = finished;
}

function terminatedReason(prefix: string, t: { reason?: string; signal?: number; exitCode: number }): string {
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode}`;
}

/** the STATUS, READY and RESTARTS of a pod as kubectl computes them */
export function podStatusSummary(pod: Pod): {
  reason: string;
  ready: number;
  total: number;
  restarts: Tally;
} {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  let total = spec.containers.length;
  let ready = 0;
  let reason = status.reason || status.phase || '';
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }
  const inits = spec.initContainers ?? [];
  const initByName = inits.length === 0 ? undefined : new Map(inits.map((c) => [c.name, c]));
  for (const c of inits) if (isRestartable(c)) total++;

  const all: Tally = { restarts: 0, lastRestartMs: undefined };
  const sidecars: Tally = { restarts: 0, lastRestartMs: undefined };
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i] as ContainerStatus;
    addRestarts(all, cs);
    const sidecar = isRestartable(initByName?.get(cs.name));
    if (sidecar) addRestarts(sidecars, cs);
    const term = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (term) reason = terminatedReason('Init:', term);
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') reason = `Init:${waiting.reason}`;
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    initializing = true;
    break;
  }

  let restarts = all;
  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecars;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i] as ContainerStatus;
      addRestarts(restarts, cs);
      const st = cs.state ?? {};
      if (st.waiting?.reason) reason = st.waiting.reason;
      else if (st.terminated) reason = terminatedReason('', st.terminated);
      else if (cs.ready && st.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
    reason = 'Terminating';
  }
  return { reason, ready, total, restarts };
}

/** RESTARTS cell: `3 (5m ago)` once a container has restarted (printers.go printPod) */
export function restartsCell(t: Tally, nowMs: number): string {
  if (t.restarts !== 0 && t.lastRestartMs !== undefined)
    return `${t.restarts} (${humanDuration(nowMs - t.lastRestartMs)} ago)`;
  return String(t.restarts);
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conds = pod.status?.conditions ?? [];
  const trueCount = gates.filter(
    (g) => conds.find((c) => c.type === g.conditionType)?.status === 'True',
  ).length;
  return `${trueCount}/${gates.length}`;
}

export const podPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', priority: 1 },
    { name: 'Node', priority: 1 },
    { name: 'Nominated Node', priority: 1 },
    { name: 'Readiness Gates', priority: 1 },
  ],
  row(obj, { nowMs }) {
    const pod = obj as unknown as Pod;
    const s = podStatusSummary(pod);
    return [
      obj.metadata.name ?? '',
      `${s.ready}/${s.total}`,
      s.reason,
      restartsCell(s.restarts, nowMs),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
};
