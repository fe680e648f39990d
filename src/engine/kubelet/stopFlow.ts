// Graceful pod termination on a live node: SIGTERM (Killing Events), the process stops after its stop delay (or is
// SIGKILLed at the grace period), the terminal status is posted, then the kubelet deletes the pod with grace 0.
// mirrors pkg/kubelet/pod_workers.go (terminating -> terminated) and status_manager.go canBeDeleted/syncPod delete.
import type { KubeletOps } from './kubeletOps';
import type { PodWorker } from './podWorker';
import { podKey } from './podWorker';
import { updateReadiness } from './startFlow';
import { StatusError } from '../apiserver/types';

/** how long the containers take to stop: the app's stop delay (or the stage delay), cut at the grace period */
export function stopDelayMs(
  requestedMs: number,
  gracePeriodSeconds: number,
): { delayMs: number; killed: boolean } {
  const graceMs = Math.max(0, gracePeriodSeconds) * 1000;
  return requestedMs > graceMs ? { delayMs: graceMs, killed: true } : { delayMs: requestedMs, killed: false };
}

export function beginTermination(ops: KubeletOps, w: PodWorker, gracePeriodSeconds: number): void {
  if (w.terminating) return;
  w.terminating = true;
  w.gracePeriodSeconds = gracePeriodSeconds;
  for (const slot of [...w.timers.keys()]) ops.cancel(w, slot);
  ops.after(w, 'flow', 0, 'kill containers', () => killContainers(ops, w));
}

export function killContainers(ops: KubeletOps, w: PodWorker): void {
  const running = w.containers.filter((c) => c.state === 'running');
  for (const c of running) ops.event(w, 'Normal', 'Killing', `Stopping container ${c.name}`);
  ops.trace(
    w,
    'stopContainer',
    `kubelet stage stopContainer: SIGTERM to ${running.length} container(s), grace ${w.gracePeriodSeconds}s`,
  );
  const requested = running.length === 0 ? 0 : (w.app.stopDelayMs ?? ops.delayOf('stopContainer'));
  const { delayMs, killed } = stopDelayMs(requested, w.gracePeriodSeconds);
  ops.after(w, 'flow', delayMs, 'containers stopped', () => containersStopped(ops, w, killed));
}

function containersStopped(ops: KubeletOps, w: PodWorker, killed: boolean): void {
  const now = ops.nowMs();
  for (const c of w.containers) {
    if (c.state !== 'running') continue;
    c.state = 'terminated';
    // SIGKILL at the grace period is exit 137
    c.terminated = {
      exitCode: killed ? 137 : 0,
      reason: killed ? 'Error' : 'Completed',
      startedAtMs: c.startedAtMs ?? now,
      finishedAtMs: now,
      containerID: c.containerID ?? '',
    };
    c.ready = false;
  }
  updateReadiness(ops, w);
  const alive = ops.writeStatus(
    w,
    `kubelet stage stopContainer: containers of ${podKey(w)} stopped${killed ? ' (killed at grace period)' : ''}`,
    true,
  );
  if (!alive) return;
  ops.after(w, 'flow', ops.delayOf('deletePod'), 'delete pod', () => deletePod(ops, w));
}

function deletePod(ops: KubeletOps, w: PodWorker): void {
  try {
    ops.rt.api.delete(
      'pods',
      w.namespace,
      w.name,
      { gracePeriodSeconds: 0, preconditions: { uid: w.uid } },
      { actor: `kubelet/${w.node}`, cause: `kubelet stage deletePod: ${podKey(w)} terminated on ${w.node}` },
    );
  } catch (e) {
    // already gone (force-deleted) or replaced by a new pod of the same name: nothing left to do
    if (!(e instanceof StatusError)) throw e;
  }
}
