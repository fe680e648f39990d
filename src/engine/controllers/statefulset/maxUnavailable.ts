// rollingUpdate.maxUnavailable of a StatefulSet (mirrors stateful_set_utils.go getStatefulSetMaxUnavailable).
// The MaxUnavailableStatefulSet gate is Beta and on by default since v1.35 (pkg/features/kube_features.go), so it is on here.

/** getStatefulSetMaxUnavailable: default 1, percentages round down, never below 1 */
export function getStatefulSetMaxUnavailable(
  maxUnavailable: number | string | undefined,
  replicas: number,
): number {
  let n: number;
  if (maxUnavailable === undefined) n = 1;
  else if (typeof maxUnavailable === 'number') n = maxUnavailable;
  else {
    // intstr.GetScaledValueFromIntOrPercent(v, replicas, roundUp=false)
    const m = /^(\d+)%$/.exec(maxUnavailable);
    if (!m)
      throw new Error(
        `invalid value for IntOrString: invalid value "${maxUnavailable}": strconv.Atoi: parsing "${maxUnavailable}": invalid syntax`,
      );
    n = Math.floor((Number(m[1]) * replicas) / 100);
  }
  return n < 1 ? 1 : n;
}
