// One probe worker's state and its doProbe step, as pkg/kubelet/prober/worker.go runs it on every tick: reset on a
// new container ID, skip while on hold / not running / within initialDelaySeconds / gated by the startup probe,
// then count consecutive results against successThreshold / failureThreshold before publishing one.
import type { ProbeSpec, ProbeType } from './probeSpec';

export interface ProbeWorkerState {
  /** the container instance the published result belongs to */
  containerID?: string;
  /** the published result (the kubelet's results manager): true = Success */
  result: boolean;
  lastResult?: boolean;
  resultRun: number;
  /** after a liveness/startup failure: no probing until a new container ID shows up */
  onHold: boolean;
}

/** worker.go initialValue: readiness Failure, liveness Success, startup Unknown (not started: false here) */
export function initialResult(type: ProbeType): boolean {
  return type === 'liveness';
}

export function newProbeWorker(type: ProbeType): ProbeWorkerState {
  return { result: initialResult(type), resultRun: 0, onHold: false };
}

/** what the worker sees of the container on this tick */
export interface ContainerView {
  containerID?: string;
  running: boolean;
  /** whole seconds since the container started (worker.go truncates time.Since(startedAt).Seconds()) */
  runningForSeconds: number;
  /** the startup probe succeeded (or there is none) */
  started: boolean;
  podDeleting: boolean;
}

export type SkipReason = 'no-container' | 'on-hold' | 'not-running' | 'deleting' | 'initial-delay' | 'gated';

export type ProbeStep =
  | { probed: false; reason: SkipReason; changed: boolean }
  | { probed: true; success: boolean; changed: boolean; kill: boolean };

/** worker.go doProbe; `probe` is called only when the probe actually runs */
export function doProbe(
  s: ProbeWorkerState,
  spec: ProbeSpec,
  view: ContainerView,
  probe: () => boolean,
): ProbeStep {
  const before = s.result;
  const changed = (): boolean => s.result !== before;
  if (!view.containerID) return { probed: false, reason: 'no-container', changed: false };
  if (s.containerID !== view.containerID) {
    s.containerID = view.containerID;
    s.result = initialResult(spec.type);
    s.onHold = false;
  }
  if (s.onHold) return { probed: false, reason: 'on-hold', changed: changed() };
  if (!view.running) {
    s.result = false;
    return { probed: false, reason: 'not-running', changed: changed() };
  }
  if (view.podDeleting && spec.type !== 'readiness') {
    s.result = true;
    return { probed: false, reason: 'deleting', changed: changed() };
  }
  if (view.runningForSeconds < spec.initialDelaySeconds)
    return { probed: false, reason: 'initial-delay', changed: changed() };
  // the startup probe stops once the container started; the others wait for it
  if (view.started === (spec.type === 'startup'))
    return { probed: false, reason: 'gated', changed: changed() };
  const success = probe();
  if (s.lastResult === success) s.resultRun++;
  else {
    s.lastResult = success;
    s.resultRun = 1;
  }
  const threshold = success ? spec.successThreshold : spec.failureThreshold;
  if (s.resultRun < threshold) return { probed: true, success, changed: changed(), kill: false };
  s.result = success;
  let kill = false;
  if (spec.type !== 'readiness' && !success) {
    // the container will be restarted: stop probing until a new container ID shows up
    s.onHold = true;
    s.resultRun = 0;
    kill = true;
  }
  return { probed: true, success, changed: changed(), kill };
}
