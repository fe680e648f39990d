// Pure PDB status arithmetic: expected pods, desired healthy, current healthy and disruptions allowed.
// mirrors pkg/controller/disruption/disruption.go getExpectedPodCount / getExpectedScale / countHealthyPods /
// buildDisruptedPodMap / updatePdbStatus and apimachinery intstr.GetScaledValueFromIntOrPercent.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KubeObject, OwnerReference } from '../../types/object';
import { isPodReady, timeMs } from '../shared/podUtil';
import { getControllerOf } from '../shared/controllerRef';

/** how long an eviction's entry in status.disruptedPods counts the pod as gone (DeletionTimeout) */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

export type IntOrString = number | string;

/** a pod's controller and its desired scale (controllerAndScale) */
export interface ControllerScale {
  uid: string;
  scale: number;
}

/** maps a controllerRef to its controller's scale; undefined when this finder does not know it; throws on error */
export type ScaleFinder = (ref: OwnerReference, namespace: string) => ControllerScale | undefined;

/** intstr.GetScaledValueFromIntOrPercent; throws with Go's message for a non-percent string */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (!v.endsWith('%'))
    throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  const digits = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits))
    throw new Error(
      `invalid value for IntOrString: invalid value ${JSON.stringify(v)}: strconv.Atoi: parsing ${JSON.stringify(digits)}: invalid syntax`,
    );
  const pct = Number.parseInt(digits, 10);
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export interface ExpectedScale {
  expectedCount: number;
  /** names of selected pods without a controllerRef */
  unmanagedPods: string[];
}

/** getExpectedScale: the sum of the scales of the selected pods' distinct controllers */
export function expectedScale(
  pods: readonly Readonly<KubeObject>[],
  finders: readonly ScaleFinder[],
): ExpectedScale {
  const controllerScale = new Map<string, number>();
  const unmanagedPods: string[] = [];
  for (const pod of pods) {
    const ref = getControllerOf(pod);
    if (!ref) {
      unmanagedPods.push(pod.metadata.name ?? '');
      continue;
    }
    if (controllerScale.has(ref.uid)) continue;
    let found: ControllerScale | undefined;
    for (const finder of finders) {
      found = finder(ref, pod.metadata.namespace ?? '');
      if (found) break;
    }
    if (!found) throw new Error(`found no controllers for pod ${JSON.stringify(pod.metadata.name ?? '')}`);
    controllerScale.set(found.uid, found.scale);
  }
  let expectedCount = 0;
  for (const n of controllerScale.values()) expectedCount += n;
  return { expectedCount, unmanagedPods };
}

export interface ExpectedPodCount extends ExpectedScale {
  desiredHealthy: number;
}

/** getExpectedPodCount: maxUnavailable and percentage minAvailable scale with the controllers; int minAvailable counts pods */
export function expectedPodCount(
  pdb: Readonly<PodDisruptionBudget>,
  pods: readonly Readonly<KubeObject>[],
  finders: readonly ScaleFinder[],
): ExpectedPodCount {
  const { maxUnavailable, minAvailable } = pdb.spec ?? {};
  if (maxUnavailable !== undefined) {
    const s = expectedScale(pods, finders);
    const desiredHealthy = Math.max(0, s.expectedCount - scaledValue(maxUnavailable, s.expectedCount, true));
    return { ...s, desiredHealthy };
  }
  if (minAvailable !== undefined) {
    if (typeof minAvailable === 'number')
      return { expectedCount: pods.length, desiredHealthy: minAvailable, unmanagedPods: [] };
    const s = expectedScale(pods, finders);
    return { ...s, desiredHealthy: scaledValue(minAvailable, s.expectedCount, true) };
  }
  return { expectedCount: 0, desiredHealthy: 0, unmanagedPods: [] };
}

/** countHealthyPods: ready pods that are neither being deleted nor freshly evicted */
export function countHealthyPods(
  pods: readonly Readonly<KubeObject>[],
  disruptedPods: Readonly<Record<string, string>>,
  nowMs: number,
): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const disrupted = timeMs(disruptedPods[pod.metadata.name ?? '']);
    if (disrupted !== undefined && disrupted + DELETION_TIMEOUT_MS > nowMs) continue;
    if (isPodReady(pod)) healthy++;
  }
  return healthy;
}

export interface DisruptedPodMap {
  disruptedPods: Record<string, string>;
  /** when the earliest kept entry expires (the controller re-syncs then) */
  recheckAtMs?: number;
  /** pods that were expected to be deleted by now but were not (NotDeleted events) */
  notDeleted: Readonly<KubeObject>[];
}

/** buildDisruptedPodMap: keep entries of live, not-yet-deleting pods whose DeletionTimeout has not passed */
export function buildDisruptedPodMap(
  pods: readonly Readonly<KubeObject>[],
  pdb: Readonly<PodDisruptionBudget>,
  nowMs: number,
): DisruptedPodMap {
  const previous = pdb.status?.disruptedPods;
  const out: DisruptedPodMap = { disruptedPods: {}, notDeleted: [] };
  if (!previous) return out;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const name = pod.metadata.name ?? '';
    const stamp = previous[name];
    if (stamp === undefined) continue;
    const expectedDeletion = (timeMs(stamp) ?? 0) + DELETION_TIMEOUT_MS;
    if (expectedDeletion < nowMs) {
      out.notDeleted.push(pod);
      continue;
    }
    if (out.recheckAtMs === undefined || expectedDeletion < out.recheckAtMs)
      out.recheckAtMs = expectedDeletion;
    out.disruptedPods[name] = stamp;
  }
  return out;
}

/** updatePdbStatus: no disruptions while no pods are expected (a new PDB is safe before its first sync) */
export function disruptionsAllowed(
  currentHealthy: number,
  desiredHealthy: number,
  expectedCount: number,
): number {
  const allowed = currentHealthy - desiredHealthy;
  return expectedCount <= 0 || allowed <= 0 ? 0 : allowed;
}
