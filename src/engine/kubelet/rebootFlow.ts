// A pod whose node's machine booted again: nothing the previous boot ran is running, and the new kubelet process
// starts from the API server's pods and the container runtime's records. A container that was running when the power
// went is reported exited with containerd's unknown exit (exit code 255, reason "Unknown": containerd
// internal/cri/server/restart.go loadContainer). A pod that had a sandbox gets a new one ("SandboxChanged",
// kuberuntime_manager.go SyncPod) with a new IP, and its containers start again as new instances, init containers
// first (computePodActions); the crash back-off the old process kept in memory is gone.
import type { KubeletOps } from './kubeletOps';
import type { ContainerRun, PodWorker } from './podWorker';
import { podKey, setCondition } from './podWorker';
import { admit, sandbox, updateReadiness } from './startFlow';
import { killContainers } from './stopFlow';

/** containerd's status for a container whose task died with the machine */
const UNKNOWN_EXIT_CODE = 255;
const UNKNOWN_EXIT_REASON = 'Unknown';

/** the containers the old boot was running have exited, their exit unknown; the old process's back-offs are gone */
function markDead(w: PodWorker, nowMs: number): void {
  for (const c of w.containers) {
    c.backoffCount = 0;
    c.crashedAtMs = undefined;
    c.pullFailures = 0;
    c.ready = false;
    if (c.state === 'running') {
      c.state = 'terminated';
      c.terminated = {
        exitCode: UNKNOWN_EXIT_CODE,
        reason: UNKNOWN_EXIT_REASON,
        startedAtMs: c.startedAtMs ?? nowMs,
        finishedAtMs: nowMs,
        containerID: c.containerID ?? '',
      };
    } else if (c.state === 'waiting' && c.lastTerminated) {
      // a container in back-off: with no reason cached, the new kubelet reports its latest instance as it is
      c.state = 'terminated';
      c.terminated = c.lastTerminated;
      c.waitingMessage = undefined;
    }
  }
}

/**
 * computePodActions for a pod whose sandbox is gone: a Never pod that ran is not given a new one, nor is a pod with
 * no container left to start (an OnFailure pod's succeeded containers are not started again)
 */
export function containersToStart(w: PodWorker): ContainerRun[] {
  if (w.restartPolicy === 'Never') return [];
  return w.containers.filter(
    (c) =>
      !c.init &&
      !(w.restartPolicy === 'OnFailure' && c.state === 'terminated' && c.terminated?.exitCode === 0),
  );
}

/** the kubelet of w's node started on a new boot: bring w back as SyncPod would */
export function rebootPod(ops: KubeletOps, w: PodWorker): void {
  const now = ops.nowMs();
  if (w.terminating) {
    // SyncTerminatingPod: nothing left to stop; post the final status, then the pod can go
    markDead(w, now);
    ops.after(w, 'flow', 0, 'kill containers', () => killContainers(ops, w));
    return;
  }
  if (w.startTimeMs === undefined) {
    ops.after(w, 'flow', ops.delayOf('admit'), 'admit', () => admit(ops, w));
    return;
  }
  if (!w.sandboxReady) {
    // admitted, but no sandbox was made yet: make it now (no SandboxChanged: there was none)
    ops.writeStatus(w, `kubelet restarted on ${w.node}: pod ${podKey(w)} still starting`);
    ops.after(w, 'flow', ops.delayOf('sandbox'), 'sandbox', () => sandbox(ops, w));
    return;
  }
  markDead(w, now);
  if (w.podIP) ops.ipam.tearDown(w.podIP, w.hostIP);
  w.podIP = undefined;
  w.sandboxReady = false;
  setCondition(w, 'PodReadyToStartContainers', 'False', now);
  updateReadiness(ops, w);
  const restart = containersToStart(w).length > 0;
  ops.writeStatus(w, `kubelet restarted on ${w.node} after a reboot: the containers of ${podKey(w)} exited`);
  if (!restart) return;
  ops.event(w, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
  w.cursor = 0;
  ops.after(w, 'flow', ops.delayOf('sandbox'), 'sandbox', () => sandbox(ops, w));
}
