// The kernel OOM killer and the kubelet's eviction of a pod, acting on the kubelet's own pod workers so its
// in-memory view and the posted status agree: an OOM-killed container exits 137 with reason OOMKilled and is
// restarted per restartPolicy (kuberuntime reports ContainerStatus.Reason "OOMKilled"); an evicted pod is killed
// and posted Failed/Evicted (eviction_manager.go evictPod).
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { StatusError } from '../../apiserver/types';
import { Kubelet } from '../kubelet';
import type { KubeletOps } from '../kubeletOps';
import type { ContainerRun, PodWorker } from '../podWorker';
import { onContainerExit } from '../crashFlow';

export const OOM_EXIT_CODE = 137;

export function kubeletOf(rt: ClusterRuntime): Kubelet | undefined {
  return rt.components.find((c): c is Kubelet => c instanceof Kubelet);
}

function workerOf(k: Kubelet, node: string, uid: string): PodWorker | undefined {
  return k.workersOn(node).find((w) => w.uid === uid);
}

/** KubeletOps of k whose first status write after the exit relabels the termination OOMKilled */
function oomOps(k: Kubelet, c: ContainerRun): KubeletOps {
  let relabelled = false;
  return {
    rt: k.rt,
    rng: k.rng,
    profile: k.profile,
    images: k.images,
    ipam: k.ipam,
    logs: k.logs,
    nowMs: () => k.nowMs(),
    delayOf: (s) => k.delayOf(s),
    jitter: (ms, f) => k.jitter(ms, f),
    after: (w, slot, ms, label, fn, background) => k.after(w, slot, ms, label, fn, background),
    cancel: (w, slot) => k.cancel(w, slot),
    writeStatus: (w, cause, terminal) => {
      if (!relabelled && c.terminated) {
        c.terminated.reason = 'OOMKilled';
        relabelled = true;
      }
      return k.writeStatus(w, cause.replace('(Error)', '(OOMKilled)'), terminal);
    },
    event: (w, type, reason, message) => k.event(w, type, reason, message),
    trace: (w, stage, cause) => k.trace(w, stage, cause),
    podOf: (w) => k.podOf(w),
    nodeOf: (n) => k.nodeOf(n),
    forget: (w) => k.forget(w),
  };
}

/** the container exceeded its memory limit: kill it (exit 137, OOMKilled) and let the kubelet restart it */
export function oomKill(rt: ClusterRuntime, pod: Readonly<Pod>, container: string): boolean {
  const k = kubeletOf(rt);
  const w = k && workerOf(k, pod.spec?.nodeName ?? '', pod.metadata?.uid ?? '');
  const c = w?.containers.find((x) => x.name === container && !x.init);
  if (!k || !w || !c || c.state !== 'running' || w.terminating) return false;
  rt.sim.trace.record({
    actor: `kubelet/${w.node}`,
    action: 'oom-kill',
    target: `pods/${w.namespace}/${w.name}`,
    message: `container ${container} exceeded its memory limit`,
  });
  k.cancel(w, `crash:${c.name}`);
  onContainerExit(oomOps(k, c), w, c, OOM_EXIT_CODE);
  return true;
}

/** evictPod: kill the pod now (grace 0) and post phase Failed, reason Evicted, with the DisruptionTarget condition */
export function evictPod(rt: ClusterRuntime, pod: Readonly<Pod>, message: string): boolean {
  const node = pod.spec?.nodeName ?? '';
  const ns = pod.metadata?.namespace ?? 'default';
  const name = pod.metadata?.name ?? '';
  const source = { component: 'kubelet', host: node };
  rt.events.event(pod as unknown as KubeObject, 'Warning', 'Evicted', message, source);
  const k = kubeletOf(rt);
  const w = k && workerOf(k, node, pod.metadata?.uid ?? '');
  if (k && w) k.forget(w);
  let cur: Readonly<Pod>;
  try {
    cur = rt.api.get('pods', ns, name) as unknown as Readonly<Pod>;
  } catch {
    return false;
  }
  if (cur.metadata?.uid !== pod.metadata?.uid) return false;
  const now = rt.sim.clock.nowRfc3339();
  const status: PodStatus = structuredClone(cur.status ?? {});
  status.phase = 'Failed';
  status.reason = 'Evicted';
  status.message = message;
  const conds = (status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
  for (const c of conds)
    if ((c.type === 'Ready' || c.type === 'ContainersReady') && c.status !== 'False') {
      c.status = 'False';
      c.reason = 'PodFailed';
      c.lastTransitionTime = now;
    }
  conds.push({
    type: 'DisruptionTarget',
    status: 'True',
    lastTransitionTime: now,
    reason: 'TerminationByKubelet',
    message,
  });
  status.conditions = conds;
  status.containerStatuses = (status.containerStatuses ?? []).map((cs) => {
    const run = cs.state?.running;
    if (!run) return { ...cs, ready: false, started: false };
    const terminated = {
      exitCode: OOM_EXIT_CODE,
      reason: 'Error',
      startedAt: run.startedAt ?? now,
      finishedAt: now,
      containerID: cs.containerID ?? '',
    };
    return { ...cs, ready: false, started: false, state: { terminated } };
  });
  try {
    rt.api.updateStatus(
      'pods',
      ns,
      { ...(cur as unknown as KubeObject), status },
      { actor: `kubelet/${node}`, cause: `eviction manager: ${message}` },
    );
    return true;
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    return false;
  }
}
