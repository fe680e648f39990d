// Rolling update of a DaemonSet as a pure plan: old pods to delete (maxUnavailable) or nodes to surge onto (maxSurge).
// mirrors pkg/controller/daemon/update.go rollingUpdate, findUpdatedPodsOnNode, updatedDesiredNodeCounts and
// daemon/util SurgeCount / UnavailableCount (intstr.GetScaledValueFromIntOrPercent, rounding up).
import type { Pod } from 'kubernetes-types/core/v1';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';

export type IntOrString = number | string;

/** intstr.GetScaledValueFromIntOrPercent; throws on a malformed percentage */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const pct = Number(m[1]);
  const x = (pct * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

export interface RollingParams {
  maxSurge: number;
  maxUnavailable: number;
}

/** updatedDesiredNodeCounts' limits: both 0 with nodes to schedule falls back to maxUnavailable 1 */
export function rollingParams(
  strategy:
    { type?: string; rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } } | undefined,
  desiredNumberScheduled: number,
): RollingParams {
  if (strategy?.type !== 'RollingUpdate' || !strategy.rollingUpdate)
    return { maxSurge: 0, maxUnavailable: 0 };
  const ru = strategy.rollingUpdate;
  const maxUnavailable = scaledValue(ru.maxUnavailable, desiredNumberScheduled, true);
  const maxSurge = scaledValue(ru.maxSurge, desiredNumberScheduled, true);
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0)
    return { maxSurge, maxUnavailable: 1 };
  return { maxSurge, maxUnavailable };
}

/** util.AllowsSurge: SurgeCount(ds, 1) > 0 */
export function allowsSurge(strategy: Parameters<typeof rollingParams>[0]): boolean {
  if (strategy?.type !== 'RollingUpdate' || !strategy.rollingUpdate) return false;
  try {
    return scaledValue(strategy.rollingUpdate.maxSurge, 1, true) > 0;
  } catch {
    return false;
  }
}

export interface RollingInput extends RollingParams {
  /** daemon pods by node, with an empty entry for every node that should run one but has none */
  nodeToDaemonPods: ReadonlyMap<string, readonly Readonly<Pod>[]>;
  hash: string;
  desiredNumberScheduled: number;
  isAvailable(pod: Readonly<Pod>): boolean;
  shouldRun(node: string): boolean;
}

export interface RollingPlan {
  podsToDelete: string[];
  nodesToCreate: string[];
}

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok */
export function findUpdatedPodsOnNode(
  pods: readonly Readonly<Pod>[],
  hash: string,
): { newPod?: Readonly<Pod>; oldPod?: Readonly<Pod>; ok: boolean } {
  let newPod: Readonly<Pod> | undefined;
  let oldPod: Readonly<Pod> | undefined;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (pod.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

const nameOf = (p: Readonly<Pod>) => p.metadata?.name ?? '';

/** maxSurge == 0: delete available old pods while fewer than maxUnavailable nodes are unavailable */
function planUnavailable(input: RollingInput): RollingPlan {
  let numUnavailable = 0;
  const allowed: string[] = [];
  const candidates: string[] = [];
  for (const pods of input.nodeToDaemonPods.values()) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, input.hash);
    if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) {
      numUnavailable++; // the manage loop creates or prunes here
    } else if (newPod) {
      if (!input.isAvailable(newPod)) numUnavailable++;
    } else if (oldPod && !input.isAvailable(oldPod)) {
      allowed.push(nameOf(oldPod));
      numUnavailable++;
    } else if (oldPod && numUnavailable < input.maxUnavailable) {
      candidates.push(nameOf(oldPod));
    }
  }
  const remaining = Math.min(Math.max(input.maxUnavailable - numUnavailable, 0), candidates.length);
  return { podsToDelete: [...allowed, ...candidates.slice(0, remaining)], nodesToCreate: [] };
}

/** maxSurge > 0: start new pods next to old ones (at most maxSurge waiting), delete old ones once new are available */
function planSurge(input: RollingInput): RollingPlan {
  const podsToDelete: string[] = [];
  const shouldNotRun: string[] = [];
  const candidates: string[] = [];
  const allowedNew: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [node, pods] of input.nodeToDaemonPods) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, input.hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    const counted = oldPod ?? newPod;
    if (counted && input.isAvailable(counted)) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!input.isAvailable(oldPod)) {
        if (!input.shouldRun(node)) podsToDelete.push(nameOf(oldPod));
        else allowedNew.push(node);
      } else if (!input.shouldRun(node)) shouldNotRun.push(nameOf(oldPod));
      else if (numSurge < input.maxSurge) candidates.push(node);
      continue;
    }
    if (!input.isAvailable(newPod)) numSurge++;
    else podsToDelete.push(nameOf(oldPod));
  }
  const deletable = Math.min(numAvailable - input.desiredNumberScheduled, shouldNotRun.length);
  if (deletable > 0) podsToDelete.push(...shouldNotRun.slice(0, deletable));
  const remaining = Math.min(Math.max(input.maxSurge - numSurge, 0), candidates.length);
  return { podsToDelete, nodesToCreate: [...allowedNew, ...candidates.slice(0, remaining)] };
}

/** rollingUpdate */
export function planRollingUpdate(input: RollingInput): RollingPlan {
  // both plans only ever delete or replace old pods: with none left (no rollout under way) there is nothing to plan
  if (!hasOldPods(input.nodeToDaemonPods, input.hash)) return { podsToDelete: [], nodesToCreate: [] };
  return planInFull(input);
}

/** rollingUpdate without the no-old-pods shortcut (exported for the shortcut's property test) */
export function planInFull(input: RollingInput): RollingPlan {
  return input.maxSurge === 0 ? planUnavailable(input) : planSurge(input);
}

/** whether some live daemon pod has another revision hash (findUpdatedPodsOnNode's oldPod on some node) */
function hasOldPods(nodeToDaemonPods: ReadonlyMap<string, readonly Readonly<Pod>[]>, hash: string): boolean {
  for (const pods of nodeToDaemonPods.values())
    for (const pod of pods)
      if (!pod.metadata?.deletionTimestamp && pod.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] !== hash)
        return true;
  return false;
}
