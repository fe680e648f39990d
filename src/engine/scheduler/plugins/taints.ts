// Toleration/taint matching used by TaintToleration, NodeUnschedulable and PodTopologySpread.
// mirrors k8s.io/api/core/v1/toleration.go ToleratesTaint and component-helpers FindMatchingUntoleratedTaint.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

/** empty effect matches all effects; empty key with Exists matches all keys; empty operator means Equal */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if ((t.effect ?? '') !== '' && t.effect !== taint.effect) return false;
  if ((t.key ?? '') !== '' && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(
  tolerations: readonly Toleration[] | undefined,
  taint: Taint,
): boolean {
  for (const t of tolerations ?? []) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** mirrors helper.DoNotScheduleTaintsFilterFunc: NoSchedule and NoExecute */
export const doNotScheduleTaint = (t: Taint): boolean =>
  t.effect === 'NoSchedule' || t.effect === 'NoExecute';

/** first taint passing `filter` that no toleration tolerates */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter: (t: Taint) => boolean,
): Taint | undefined {
  for (const taint of taints ?? []) {
    if (filter(taint) && !tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
