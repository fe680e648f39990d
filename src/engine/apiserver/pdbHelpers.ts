// PodDisruptionBudget helpers shared by the eviction subresource and the disruption controller.
// mirrors k8s.io/component-helpers/apps/poddisruptionbudget/helpers.go and the PDB lister's GetPodPodDisruptionBudgets.
import type { Condition } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import type { KubeObject } from '../types/object';
import type { Selector } from '../labels/types';
import { selectorFromLabelSelector } from '../labels/selector';

export const DISRUPTION_ALLOWED_CONDITION = 'DisruptionAllowed';
export const SUFFICIENT_PODS_REASON = 'SufficientPods';
export const INSUFFICIENT_PODS_REASON = 'InsufficientPods';
export const SYNC_FAILED_REASON = 'SyncFailed';

export type PdbObject = PodDisruptionBudget & KubeObject;

/** the status fields the controller and the eviction handler read, with Go's zero values filled in */
export function pdbStatus(
  pdb: Readonly<PodDisruptionBudget>,
): Required<
  Pick<PodDisruptionBudgetStatus, 'currentHealthy' | 'desiredHealthy' | 'expectedPods' | 'disruptionsAllowed'>
> & { observedGeneration: number } {
  const s = pdb.status;
  return {
    currentHealthy: s?.currentHealthy ?? 0,
    desiredHealthy: s?.desiredHealthy ?? 0,
    expectedPods: s?.expectedPods ?? 0,
    disruptionsAllowed: s?.disruptionsAllowed ?? 0,
    observedGeneration: s?.observedGeneration ?? 0,
  };
}

/** a metav1.Condition with its fields in Go's JSON order (type, status, observedGeneration, lastTransitionTime, ...) */
function ordered(c: Condition): Condition {
  const out: Condition = { type: c.type, status: c.status } as Condition;
  if (c.observedGeneration !== undefined) out.observedGeneration = c.observedGeneration;
  out.lastTransitionTime = c.lastTransitionTime;
  out.reason = c.reason;
  out.message = c.message;
  return out;
}

/**
 * mirrors apimeta.SetStatusCondition: a new condition, or a status change, stamps lastTransitionTime;
 * reason, message and observedGeneration always follow the new value.
 */
export function setStatusCondition(conditions: Condition[], next: Condition, nowRfc3339: string): void {
  const i = conditions.findIndex((c) => c.type === next.type);
  if (i < 0) {
    conditions.push(ordered({ ...next, lastTransitionTime: next.lastTransitionTime || nowRfc3339 }));
    return;
  }
  const cur = conditions[i] as Condition;
  const merged: Condition = { ...next, lastTransitionTime: cur.lastTransitionTime };
  if (cur.status !== next.status) merged.lastTransitionTime = nowRfc3339;
  conditions[i] = ordered(merged);
}

/** UpdateDisruptionAllowedCondition: True/SufficientPods while disruptions are allowed, else False/InsufficientPods */
export function updateDisruptionAllowedCondition(
  status: PodDisruptionBudgetStatus,
  nowRfc3339: string,
): void {
  const conditions = (status.conditions ??= []);
  const allowed = (status.disruptionsAllowed ?? 0) > 0;
  const cond: Condition = {
    type: DISRUPTION_ALLOWED_CONDITION,
    status: allowed ? 'True' : 'False',
    reason: allowed ? SUFFICIENT_PODS_REASON : INSUFFICIENT_PODS_REASON,
    message: '',
    lastTransitionTime: '',
  };
  // observedGeneration is omitempty
  if (status.observedGeneration) cond.observedGeneration = status.observedGeneration;
  setStatusCondition(conditions, cond, nowRfc3339);
}

/** ConditionsAreUpToDate */
export function conditionsAreUpToDate(pdb: Readonly<PodDisruptionBudget>): boolean {
  const cond = pdb.status?.conditions?.find((c) => c.type === DISRUPTION_ALLOWED_CONDITION);
  if (!cond) return false;
  if ((pdb.status?.observedGeneration ?? 0) !== (pdb.metadata?.generation ?? 0)) return false;
  if ((pdb.status?.disruptionsAllowed ?? 0) > 0)
    return cond.status === 'True' && cond.reason === SUFFICIENT_PODS_REASON;
  return cond.status === 'False' && cond.reason === INSUFFICIENT_PODS_REASON;
}

const selectorCache = new WeakMap<object, Selector | null>();

/** the PDB's selector (metav1.LabelSelectorAsSelector: nil matches nothing, {} everything); null when invalid */
export function pdbSelector(pdb: Readonly<PodDisruptionBudget>): Selector | null {
  const spec = pdb.spec ?? {};
  let sel = selectorCache.get(spec);
  if (sel !== undefined) return sel;
  try {
    sel = selectorFromLabelSelector(spec.selector);
  } catch {
    sel = null;
  }
  // objects from the API are frozen snapshots, so the spec object identifies this selector
  if (Object.isFrozen(spec)) selectorCache.set(spec, sel);
  return sel;
}
