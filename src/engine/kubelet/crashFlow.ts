// A container exits: restart it per restartPolicy with the kubelet's CrashLoopBackOff (10 s doubling to 5 min),
// or leave it terminated so the pod turns Succeeded/Failed. mirrors kuberuntime_manager.go computePodActions +
// doBackOff and kubelet_pods.go getPhase.
import type { KubeletOps } from './kubeletOps';
import type { ContainerRun, PodWorker } from './podWorker';
import { formatPod } from './podWorker';
import { crashBackoffMs, MAX_BACKOFF_MS } from './stages';
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
  const restartDelay = ops.delayOf('restartContainer');
  ops.after(w, `restart:${c.name}`, restartDelay, `restart ${c.name}`, () => {
    if (waitMs <= restartDelay) {
      restart(ops, w, c);
      return;
    }
    c.lastTerminated = c.terminated;
    c.terminated = undefined;
    c.state = 'waiting';
    c.waitingReason = 'CrashLoopBackOff';
    c.waitingMessage = backOffWaitingMessage(w, c, waitMs);
    ops.event(
      w,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${c.name} in pod ${formatPod(w)}`,
    );
    ops.writeStatus(w, `kubelet: container ${c.name} in CrashLoopBackOff for ${formatDuration(waitMs)}`);
    ops.after(w, `restart:${c.name}`, waitMs - restartDelay, `back-off ${c.name}`, () => restart(ops, w, c));
  });
}

/** a new container instance replaces the exited one: restartCount++, lastState = the exit */
function restart(ops: KubeletOps, w: PodWorker, c: ContainerRun): void {
  if (w.terminating) return;
  if (c.terminated) c.lastTerminated = c.terminated;
  c.restartCount++;
  ops.trace(w, 'restartContainer', `kubelet: restarting container ${c.name} (restart ${c.restartCount})`);
  ops.event(w, 'Normal', 'Pulled', alreadyPresentMessage(c.image));
  startContainer(ops, w, c);
}
