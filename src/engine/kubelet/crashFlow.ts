// A container exits: restart it per restartPolicy with the kubelet's CrashLoopBackOff (10 s doubling to 5 min),
// or leave it terminated so the pod turns Succeeded/Failed. mirrors kuberuntime_manager.go computePodActions +
// doBackOff, pod_workers.go completeWork (when a pod in back-off is synced again) and kubelet_pods.go getPhase.
import type { KubeletOps } from './kubeletOps';
import type { ContainerRun, PodWorker } from './podWorker';
import { formatPod } from './podWorker';
import {
  crashBackoffMs,
  MAX_BACKOFF_MS,
  POD_RESYNC_INTERVAL_MS,
  WORKER_BACKOFF_JITTER_FACTOR,
} from './stages';
import { startContainer, updateReadiness } from './startFlow';
import { behaviourOf, cancelProbes } from './probeFlow';
import { alreadyPresentMessage } from './images';
import { formatDuration } from '../commands/duration';

/** kubelet_pods.go / kuberuntime ShouldContainerBeRestarted */
export function shouldRestart(policy: PodWorker['restartPolicy'], exitCode: number): boolean {
  if (policy === 'Always') return true;
  if (policy === 'OnFailure') return exitCode !== 0;
  return false;
}

/** kubelet's CrashLoopBackOff waiting message */
export function backOffWaitingMessage(w: PodWorker, c: ContainerRun, waitMs: number): string {
  return `back-off ${formatDuration(waitMs)} restarting failed container=${c.name} pod=${formatPod(w)}`;
}

/**
 * When the pod worker syncs a pod again after a sync found a container in back-off (pod_workers.go completeWork):
 * SyncPod fails with doBackOff's BackoffError, whose expiry (exit + back-off) the pod is requeued for, but never more
 * than resyncInterval ahead, and jittered up to 50% later (wait.Jitter). A back-off longer than a minute therefore
 * sees several syncs, each recording BackOff again.
 */
export function backOffRequeueMs(
  remainingMs: number,
  jitter: (ms: number, maxFactor: number) => number,
): number {
  const backoff = Math.min(Math.max(0, remainingMs), POD_RESYNC_INTERVAL_MS);
  return jitter(backoff, WORKER_BACKOFF_JITTER_FACTOR);
}

/** the container's process exited with exitCode (default: what its app exits with) */
export function onContainerExit(
  ops: KubeletOps,
  w: PodWorker,
  c: ContainerRun,
  exitCode = behaviourOf(w, c).exitCode,
): void {
  if (c.state !== 'running' || w.terminating) return;
  const now = ops.nowMs();
  const startedAtMs = c.startedAtMs ?? now;
  c.state = 'terminated';
  c.terminated = {
    exitCode,
    reason: exitCode === 0 ? 'Completed' : 'Error',
    startedAtMs,
    finishedAtMs: now,
    containerID: c.containerID ?? '',
  };
  c.ready = false;
  cancelProbes(ops, w, c);
  updateReadiness(ops, w);
  const cause = `kubelet: container ${c.name} exited with code ${exitCode} (${c.terminated.reason})`;
  if (!shouldRestart(w.restartPolicy, exitCode)) {
    ops.writeStatus(w, `${cause}, restartPolicy ${w.restartPolicy}: not restarted`);
    return;
  }
  // flowcontrol.Backoff forgets an entry untouched for 2 x the max back-off: a long run resets it
  if (now - startedAtMs >= 2 * MAX_BACKOFF_MS) c.backoffCount = 0;
  const waitMs = crashBackoffMs(c.backoffCount);
  c.backoffCount++;
  c.crashedAtMs = now;
  ops.writeStatus(w, cause);
  // the PLEG reports the exit and the pod worker syncs the pod: doBackOff measures the back-off from the exit
  const expiresAtMs = now + waitMs;
  ops.after(w, `restart:${c.name}`, ops.delayOf('restartContainer'), `sync ${c.name}`, () =>
    syncExited(ops, w, c, expiresAtMs, waitMs),
  );
}

/** one sync of the pod while c's exited instance is its latest: start it again, or back off and requeue */
function syncExited(
  ops: KubeletOps,
  w: PodWorker,
  c: ContainerRun,
  expiresAtMs: number,
  waitMs: number,
): void {
  if (w.terminating) return;
  const now = ops.nowMs();
  if (now >= expiresAtMs) {
    restart(ops, w, c);
    return;
  }
  ops.event(w, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${formatPod(w)}`);
  if (c.state === 'terminated') {
    c.lastTerminated = c.terminated;
    c.terminated = undefined;
    c.state = 'waiting';
    c.waitingReason = 'CrashLoopBackOff';
    c.waitingMessage = backOffWaitingMessage(w, c, waitMs);
    ops.writeStatus(w, `kubelet: container ${c.name} in CrashLoopBackOff for ${formatDuration(waitMs)}`);
  }
  const requeueMs = backOffRequeueMs(expiresAtMs - now, (ms, f) => ops.jitter(ms, f));
  ops.after(w, `restart:${c.name}`, requeueMs, `back-off ${c.name}`, () =>
    syncExited(ops, w, c, expiresAtMs, waitMs),
  );
}

/** a new container instance replaces the exited one (startContainer counts the restart) */
function restart(ops: KubeletOps, w: PodWorker, c: ContainerRun): void {
  if (w.terminating) return;
  ops.trace(w, 'restartContainer', `kubelet: restarting container ${c.name} (restart ${c.restartCount + 1})`);
  ops.event(w, 'Normal', 'Pulled', alreadyPresentMessage(c.image));
  startContainer(ops, w, c);
}
