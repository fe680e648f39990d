// Image pulls that fail: ErrImagePull, then ImagePullBackOff while the image back-off (10 s doubling to 5 min,
// flowcontrol.NewBackOff(backOffPeriod, MaxContainerBackOff)) runs, then another pull; and ErrImageNeverPull.
// Messages mirror pkg/kubelet/images/image_manager.go EnsureImageExists and kuberuntime startContainer
// ("Error: ErrImagePull").
import type { KubeletOps } from './kubeletOps';
import type { ContainerRun, PodWorker } from './podWorker';
import { crashBackoffMs } from './stages';

/** the pod worker re-syncs the failed pod shortly after the failed pull and finds the image in back-off */
const RESYNC_AFTER_PULL_FAILURE_MS = 1_000;

/** wait before pull attempt number n+1 after n failures: 10 s, 20 s, 40 s, ... 300 s */
export function imageBackOffMs(failures: number): number {
  return crashBackoffMs(Math.max(1, failures));
}

export function backOffPullingMessage(image: string): string {
  return `Back-off pulling image "${image}"`;
}

/** the pull failed: ErrImagePull now, ImagePullBackOff at the next sync, pull again when the back-off ends */
export function pullFailed(
  ops: KubeletOps,
  w: PodWorker,
  c: ContainerRun,
  error: string,
  retry: () => void,
): void {
  c.pullFailures++;
  ops.event(w, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${error}`);
  ops.event(w, 'Warning', 'Failed', 'Error: ErrImagePull');
  c.waitingReason = 'ErrImagePull';
  c.waitingMessage = error;
  ops.writeStatus(w, `kubelet stage pullImage: pulling ${c.image} for container ${c.name} failed`);
  const backOffMs = imageBackOffMs(c.pullFailures);
  ops.after(w, 'flow', RESYNC_AFTER_PULL_FAILURE_MS, `image back-off ${c.image}`, () => {
    ops.event(w, 'Normal', 'BackOff', backOffPullingMessage(c.image));
    ops.event(w, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    c.waitingReason = 'ImagePullBackOff';
    c.waitingMessage = backOffPullingMessage(c.image);
    ops.writeStatus(w, `kubelet: image ${c.image} in back-off for ${backOffMs / 1000}s`);
    ops.after(w, 'flow', backOffMs - RESYNC_AFTER_PULL_FAILURE_MS, `retry pull ${c.image}`, retry);
  });
}

/** imagePullPolicy Never and the image is not on the node: the container waits with ErrImageNeverPull */
export function neverPull(ops: KubeletOps, w: PodWorker, c: ContainerRun): void {
  const msg = `Container image "${c.image}" is not present with pull policy of Never`;
  ops.event(w, 'Warning', 'ErrImageNeverPull', msg);
  ops.event(w, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
  c.waitingReason = 'ErrImageNeverPull';
  c.waitingMessage = msg;
  ops.writeStatus(w, `kubelet stage pullImage: ${c.image} not present and imagePullPolicy Never`);
}
