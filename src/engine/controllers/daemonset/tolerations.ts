// The tolerations the DaemonSet controller adds to every daemon pod, so node problems never evict or block them.
// mirrors pkg/controller/daemon/util/daemonset_util.go AddOrUpdateDaemonPodTolerations and
// pkg/apis/core/v1/helper AddOrUpdateTolerationInPodSpec.
import type { PodSpec, Toleration } from 'kubernetes-types/core/v1';

/** k8s.io/api/core/v1 well-known taint keys (TaintNodeNotReady, ...) */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

function exists(key: string, effect: string): Toleration {
  return { key, operator: 'Exists', effect };
}

/** the tolerations in the order AddOrUpdateDaemonPodTolerations adds them */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const out = [
    exists(TAINT_NODE_NOT_READY, 'NoExecute'),
    exists(TAINT_NODE_UNREACHABLE, 'NoExecute'),
    exists(TAINT_NODE_DISK_PRESSURE, 'NoSchedule'),
    exists(TAINT_NODE_MEMORY_PRESSURE, 'NoSchedule'),
    exists(TAINT_NODE_PID_PRESSURE, 'NoSchedule'),
    exists(TAINT_NODE_UNSCHEDULABLE, 'NoSchedule'),
  ];
  if (hostNetwork) out.push(exists(TAINT_NODE_NETWORK_UNAVAILABLE, 'NoSchedule'));
  return out;
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '') &&
    (a.effect ?? '') === (b.effect ?? '') &&
    a.tolerationSeconds === b.tolerationSeconds
  );
}

/**
 * AddOrUpdateTolerationInPodSpec: a toleration with the same key, operator, value and effect is replaced
 * (unless identical); otherwise the toleration is appended. Returns a new list.
 */
export function addOrUpdateToleration(list: readonly Toleration[], t: Toleration): Toleration[] {
  const out: Toleration[] = [];
  let updated = false;
  for (const old of list) {
    if (
      (old.key ?? '') === (t.key ?? '') &&
      (old.operator ?? '') === (t.operator ?? '') &&
      (old.value ?? '') === (t.value ?? '') &&
      (old.effect ?? '') === (t.effect ?? '')
    ) {
      out.push(sameToleration(old, t) ? old : t);
      updated = true;
    } else out.push(old);
  }
  if (!updated) out.push(t);
  return out;
}

/** AddOrUpdateDaemonPodTolerations on a copy of spec's tolerations */
export function withDaemonPodTolerations(spec: Readonly<PodSpec>): Toleration[] {
  let list: Toleration[] = [...(spec.tolerations ?? [])];
  for (const t of daemonPodTolerations(spec.hostNetwork === true)) list = addOrUpdateToleration(list, t);
  return list;
}
