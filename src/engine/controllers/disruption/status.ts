// The PodDisruptionBudget status the disruption controller writes, and its fail-safe form.
// mirrors pkg/controller/disruption/disruption.go updatePdbStatus / failSafe.
import type { Condition } from 'kubernetes-types/meta/v1';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import { cloneJson } from '../../types/json';
import { deepEqual } from '../../apiserver/objectUtil';
import {
  DISRUPTION_ALLOWED_CONDITION,
  SYNC_FAILED_REASON,
  conditionsAreUpToDate,
  pdbStatus,
  setStatusCondition,
  updateDisruptionAllowedCondition,
} from '../../apiserver/pdbHelpers';
import { disruptionsAllowed } from './expected';

export interface ObservedCounts {
  currentHealthy: number;
  desiredHealthy: number;
  expectedCount: number;
  disruptedPods: Record<string, string>;
}

/** status fields in Go's JSON order; disruptedPods and conditions are omitempty */
function orderedStatus(s: PodDisruptionBudgetStatus): PodDisruptionBudgetStatus {
  const out = {} as PodDisruptionBudgetStatus;
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.disruptedPods && Object.keys(s.disruptedPods).length > 0) out.disruptedPods = s.disruptedPods;
  out.disruptionsAllowed = s.disruptionsAllowed;
  out.currentHealthy = s.currentHealthy;
  out.desiredHealthy = s.desiredHealthy;
  out.expectedPods = s.expectedPods;
  if (s.conditions && s.conditions.length > 0) out.conditions = s.conditions;
  return out;
}

/** the status updatePdbStatus would write, or undefined when the current one is already up to date */
export function nextPdbStatus(
  pdb: Readonly<PodDisruptionBudget>,
  c: ObservedCounts,
  nowRfc3339: string,
): PodDisruptionBudgetStatus | undefined {
  const allowed = disruptionsAllowed(c.currentHealthy, c.desiredHealthy, c.expectedCount);
  const cur = pdbStatus(pdb);
  const generation = pdb.metadata?.generation ?? 0;
  if (
    cur.currentHealthy === c.currentHealthy &&
    cur.desiredHealthy === c.desiredHealthy &&
    cur.expectedPods === c.expectedCount &&
    cur.disruptionsAllowed === allowed &&
    deepEqual(pdb.status?.disruptedPods ?? {}, c.disruptedPods) &&
    cur.observedGeneration === generation &&
    conditionsAreUpToDate(pdb)
  )
    return undefined;
  const status: PodDisruptionBudgetStatus = {
    observedGeneration: generation,
    disruptedPods: c.disruptedPods,
    disruptionsAllowed: allowed,
    currentHealthy: c.currentHealthy,
    desiredHealthy: c.desiredHealthy,
    expectedPods: c.expectedCount,
    conditions: cloneJson(pdb.status?.conditions ?? []),
  };
  updateDisruptionAllowedCondition(status, nowRfc3339);
  return orderedStatus(status);
}

/** failSafe: no disruptions allowed, DisruptionAllowed=False with reason SyncFailed and the error */
export function failSafeStatus(
  pdb: Readonly<PodDisruptionBudget>,
  message: string,
  nowRfc3339: string,
): PodDisruptionBudgetStatus {
  const status = cloneJson(pdb.status ?? {}) as PodDisruptionBudgetStatus;
  status.disruptionsAllowed = 0;
  const conditions = (status.conditions ??= []);
  const cond: Condition = {
    type: DISRUPTION_ALLOWED_CONDITION,
    status: 'False',
    reason: SYNC_FAILED_REASON,
    message,
    lastTransitionTime: '',
  };
  if (status.observedGeneration) cond.observedGeneration = status.observedGeneration;
  setStatusCondition(conditions, cond, nowRfc3339);
  return orderedStatus({
    ...status,
    currentHealthy: status.currentHealthy ?? 0,
    desiredHealthy: status.desiredHealthy ?? 0,
    expectedPods: status.expectedPods ?? 0,
  });
}
