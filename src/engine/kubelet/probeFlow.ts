// The kubelet's prober for one container: probe workers tick every periodSeconds from the pod's admission
// (pkg/kubelet/prober/worker.go run), publish results (readiness -> Ready, startup -> started), record `Unhealthy`
// events (prober.go) and kill the container on a liveness / startup failure (kuberuntime computePodActions:
// "Container X failed liveness probe, will be restarted"). A worker whose result cannot change sleeps until the
// app's next timed change or a `sim pod` fault wakes it, instead of ticking for nothing.
import type { KubeletOps } from './kubeletOps';
import type { ContainerProbe, ContainerRun, PodWorker } from './podWorker';
import { containerBehaviour, type ContainerBehaviour } from './appModel';
import { doProbe, initialResult } from './probeWorker';
import { probeFailureOutput, type FailureCause, type ProbeType } from './probeSpec';
import { onContainerExit } from './crashFlow';
import { stopDelayMs } from './stopFlow';
import { updateReadiness } from './startFlow';

const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export function behaviourOf(w: PodWorker, c: ContainerRun): ContainerBehaviour {
  return containerBehaviour(w.app, c.name, c.image);
}

/** why the simulated app fails this probe now, or undefined when it passes */
export function probeOutcome(
  b: ContainerBehaviour,
  c: ContainerRun,
  type: ProbeType,
  nowMs: number,
): FailureCause | undefined {
  const up = nowMs - (c.startedAtMs ?? nowMs);
  if (c.faults.hung || (b.hangAfterMs !== undefined && up >= b.hangAfterMs)) return 'timeout';
  if (up < b.startupMs) return 'refused';
  if (type === 'readiness' && (b.readinessFails || c.faults.readinessFails)) return 'unhealthy';
  return undefined;
}

/** the next instant the outcome changes by itself (the app finishes starting, or hangs); Infinity if never */
function nextOutcomeChangeMs(b: ContainerBehaviour, c: ContainerRun, nowMs: number): number {
  const start = c.startedAtMs ?? nowMs;
  let next = Infinity;
  for (const d of [b.startupMs, b.hangAfterMs])
    if (d !== undefined && start + d > nowMs) next = Math.min(next, start + d);
  return next;
}

const slotOf = (c: ContainerRun, p: ContainerProbe): string => `probe:${p.spec.type}:${c.name}`;

/** the first tick at or after `atMs` of a worker started at `admittedMs` (ticks are admission + k x period) */
export function tickAtOrAfter(admittedMs: number, periodSeconds: number, atMs: number): number {
  const period = Math.max(1, periodSeconds) * 1000;
  return admittedMs + Math.max(0, Math.ceil((atMs - admittedMs) / period)) * period;
}

/**
 * Delay from a container's start to its first probe: worker.go skips ticks until initialDelaySeconds passed
 * (int32(time.Since(startedAt).Seconds()) < InitialDelaySeconds), so it is the first tick at or after that.
 */
export function firstProbeDelayMs(
  admittedMs: number,
  startedMs: number,
  probe: { initialDelaySeconds: number; periodSeconds: number },
): number {
  return (
    tickAtOrAfter(admittedMs, probe.periodSeconds, startedMs + probe.initialDelaySeconds * 1000) - startedMs
  );
}

/**
 * Whether the tick at atMs can change nothing a user sees: the app will answer as the published result already
 * says (a healthy container's liveness probe, a readiness probe that keeps failing). Such ticks run in the
 * background so `sim settle` does not wait for them; ticks that will flip a result (first readiness success, a
 * liveness failure that restarts the container, the startup probe) are foreground work.
 */
function quietTick(w: PodWorker, c: ContainerRun, p: ContainerProbe, atMs: number): boolean {
  if (c.state !== 'running' || p.spec.type === 'startup') return c.state !== 'running';
  const passes = probeOutcome(behaviourOf(w, c), c, p.spec.type, atMs) === undefined;
  const published = p.state.containerID === c.containerID ? p.state.result : initialResult(p.spec.type);
  return passes === published;
}

function arm(ops: KubeletOps, w: PodWorker, c: ContainerRun, p: ContainerProbe, atMs: number): void {
  const at = tickAtOrAfter(w.startTimeMs ?? atMs, p.spec.periodSeconds, atMs);
  const label = `${p.spec.type} probe ${c.name}`;
  ops.after(w, slotOf(c, p), at - ops.nowMs(), label, () => tick(ops, w, c, p), quietTick(w, c, p, at));
}

/** a container (re)started: every probe worker ticks again, first after initialDelaySeconds */
export function armProbes(ops: KubeletOps, w: PodWorker, c: ContainerRun): void {
  const started = c.startedAtMs ?? ops.nowMs();
  for (const p of c.probes) arm(ops, w, c, p, started + p.spec.initialDelaySeconds * 1000);
}

/** something outside the app's timings changed (a `sim pod` fault): probe again at the next tick */
export function wakeProbes(ops: KubeletOps, w: PodWorker, c: ContainerRun): void {
  if (c.state !== 'running') return;
  for (const p of c.probes) arm(ops, w, c, p, ops.nowMs());
}

export function cancelProbes(ops: KubeletOps, w: PodWorker, c: ContainerRun): void {
  for (const p of c.probes) ops.cancel(w, slotOf(c, p));
}

/** the container's Ready as prober_manager.go UpdatePodStatus computes it: started, then readiness (or none) */
export function containerReady(c: ContainerRun): boolean {
  if (c.state !== 'running' || !c.started) return false;
  const r = c.probes.find((p) => p.spec.type === 'readiness');
  return r ? r.state.result && r.state.containerID === c.containerID : true;
}

function tick(ops: KubeletOps, w: PodWorker, c: ContainerRun, p: ContainerProbe): void {
  const now = ops.nowMs();
  const b = behaviourOf(w, c);
  let cause: FailureCause | undefined;
  const step = doProbe(
    p.state,
    p.spec,
    {
      containerID: c.containerID,
      running: c.state === 'running',
      runningForSeconds: Math.floor((now - (c.startedAtMs ?? now)) / 1000),
      started: c.started,
      podDeleting: w.terminating,
    },
    () => (cause = probeOutcome(b, c, p.spec.type, now)) === undefined,
  );
  const type = p.spec.type;
  if (step.probed && !step.success && cause) {
    const output = probeFailureOutput(p.spec.handler, w.podIP ?? '', cause, p.spec.timeoutSeconds);
    ops.event(w, 'Warning', 'Unhealthy', `${TITLE[type]} probe failed: ${output}`);
  }
  if (step.changed) publish(ops, w, c, type);
  if (step.probed && step.kill) killForProbe(ops, w, c, p);
  if (!step.probed) {
    // within initialDelaySeconds: come back when it has passed; otherwise wait for a restart or the startup probe
    if (step.reason === 'initial-delay')
      arm(ops, w, c, p, (c.startedAtMs ?? now) + p.spec.initialDelaySeconds * 1000);
    return;
  }
  if (step.success && p.state.result) {
    const next = nextOutcomeChangeMs(b, c, now);
    if (Number.isFinite(next)) arm(ops, w, c, p, next);
    return;
  }
  if (!step.kill) arm(ops, w, c, p, now + 1);
}

/** a published result changed: startup -> started (wakes the other probes), readiness -> ready */
function publish(ops: KubeletOps, w: PodWorker, c: ContainerRun, type: ProbeType): void {
  if (type === 'startup') {
    const startup = c.probes.find((p) => p.spec.type === 'startup');
    c.started = startup?.state.result === true && c.state === 'running';
    if (c.started) for (const p of c.probes) if (p !== startup) arm(ops, w, c, p, ops.nowMs() + 1);
  }
  const ready = containerReady(c);
  if (ready === c.ready && type !== 'startup') return;
  c.ready = ready;
  updateReadiness(ops, w);
  const what = type === 'startup' ? (c.started ? 'started' : 'not started') : ready ? 'ready' : 'not ready';
  ops.writeStatus(w, `kubelet ${type} probe: container ${c.name} ${what}`);
}

/**
 * kuberuntime kills a container that failed its liveness/startup probe with the probe's
 * terminationGracePeriodSeconds when set, else the pod's (kuberuntime_container.go killContainer)
 */
function killForProbe(ops: KubeletOps, w: PodWorker, c: ContainerRun, p: ContainerProbe): void {
  const type = p.spec.type;
  ops.event(w, 'Normal', 'Killing', `Container ${c.name} failed ${type} probe, will be restarted`);
  const grace =
    p.spec.terminationGracePeriodSeconds ??
    (ops.podOf(w)?.spec as { terminationGracePeriodSeconds?: number } | undefined)
      ?.terminationGracePeriodSeconds;
  const requested = w.app.stopDelayMs ?? ops.delayOf('stopContainer');
  const { delayMs, killed } = stopDelayMs(requested, grace ?? 30);
  ops.after(w, `crash:${c.name}`, delayMs, `${c.name} stops after failing its ${type} probe`, () =>
    onContainerExit(ops, w, c, killed ? 137 : 0),
  );
}
