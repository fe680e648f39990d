// Toleration matching and the eviction delay it implies (pure).
// mirrors k8s.io/api/core/v1 toleration.go ToleratesTaint, pkg/apis/core/v1/helper GetMatchingTolerations and
// pkg/controller/tainteviction/taint_eviction.go getMinTolerationTime.

export interface TaintLite {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export function toleratesTaint(t: Toleration, taint: TaintLite): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  // operator Equal (the default); an empty key with Equal never matches a keyed taint (validation forbids it)
  if (!t.key) return false;
  return (t.value ?? '') === (taint.value ?? '');
}

/** whether every taint is tolerated, and the tolerations used to tolerate them */
export function matchingTolerations(
  taints: readonly TaintLite[],
  tolerations: readonly Toleration[],
): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}

/** min tolerationSeconds in ms over the used tolerations; -1: tolerated forever; 0 when none were needed */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    min = Math.min(min, t.tolerationSeconds <= 0 ? 0 : t.tolerationSeconds * 1000);
  }
  return min === Infinity ? -1 : min;
}
