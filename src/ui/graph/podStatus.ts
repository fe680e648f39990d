// A pod's STATUS as `kubectl get pods` prints it, and the colour family the canvas draws it in.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine/index';

export type PodTone =
  'unscheduled' | 'pending' | 'running' | 'notready' | 'succeeded' | 'failed' | 'terminating' | 'unknown';

// mirrors kubectl pkg/printers/internalversion/printers.go printPod (the STATUS column)
export function podStatusText(obj: KubeObject): string {
  const pod = obj as unknown as Pod;
  const st = pod.status ?? {};
  let reason: string = st.reason || st.phase || 'Pending';
  for (const c of st.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  let initializing = false;
  const inits = st.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (term) {
      if (term.reason) reason = `Init:${term.reason}`;
      else reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') reason = `Init:${wait.reason}`;
    else reason = `Init:${i}/${pod.spec?.initContainers?.length ?? inits.length}`;
    initializing = true;
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    const cs = st.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!;
      const term = c.state?.terminated;
      const wait = c.state?.waiting;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    // change pod status back to "Running" if there is at least one container still reporting as "Running"
    if (reason === 'Completed' && hasRunning) {
      reason = (st.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
        ? 'Running'
        : 'NotReady';
    }
  }
  const terminal = st.phase === 'Succeeded' || st.phase === 'Failed';
  if (pod.metadata?.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && !terminal) reason = 'Terminating';
  return reason;
}

const FAILED =
  /^(Init:)?(Error|Failed|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|InvalidImageName|OOMKilled|Evicted|ContainerCannotRun|CreateContainerConfigError|CreateContainerError|RunContainerError|ExitCode:.*|Signal:.*)$/;

export function podTone(obj: KubeObject, status: string): PodTone {
  const pod = obj as unknown as Pod;
  if (status === 'Terminating') return 'terminating';
  if (status === 'Unknown') return 'unknown';
  if (status === 'Completed' || pod.status?.phase === 'Succeeded') return 'succeeded';
  if (FAILED.test(status) || pod.status?.phase === 'Failed') return 'failed';
  if (!pod.spec?.nodeName) return 'unscheduled';
  if (status === 'Running') {
    const ready = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
    return ready ? 'running' : 'notready';
  }
  return 'pending';
}
