// Which node-lifecycle taints a node should carry given its conditions (pure planners).
// mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go nodeConditionToTaintKeyStatusMap,
// doNoScheduleTaintingPass and processTaintBaseEviction (NoExecute: not-ready / unreachable).

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

export interface NodeTaint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

export interface NodeConditionLite {
  type: string;
  status: string;
}

/** condition type -> status -> NoSchedule taint key */
const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

const NO_SCHEDULE_KEYS = new Set([
  ...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)),
  TAINT_UNSCHEDULABLE,
]);

/** the NoSchedule taints the controller wants, from conditions and spec.unschedulable */
export function desiredNoScheduleKeys(
  conditions: readonly NodeConditionLite[],
  unschedulable: boolean,
): Set<string> {
  const keys = new Set<string>();
  for (const c of conditions) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) keys.add(key);
  }
  if (unschedulable) keys.add(TAINT_UNSCHEDULABLE);
  return keys;
}

/** the NoExecute taint for a Ready status: False -> not-ready, Unknown -> unreachable, True -> none */
export function desiredNoExecuteKey(readyStatus: string | undefined): string | undefined {
  if (readyStatus === 'False') return TAINT_NOT_READY;
  if (readyStatus === 'Unknown') return TAINT_UNREACHABLE;
  return undefined;
}

const NO_EXECUTE_KEYS = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE]);

/**
 * New taint list: the controller's own taints (NoSchedule keys above, NoExecute not-ready/unreachable) brought to
 * the desired set, everything else left alone; existing wanted taints keep their timeAdded. undefined: no change.
 */
export function reconcileTaints(
  current: readonly NodeTaint[],
  noSchedule: ReadonlySet<string>,
  noExecute: string | undefined,
  nowRfc3339: string,
): NodeTaint[] | undefined {
  const managed = (t: NodeTaint) =>
    (t.effect === 'NoSchedule' && NO_SCHEDULE_KEYS.has(t.key)) ||
    (t.effect === 'NoExecute' && NO_EXECUTE_KEYS.has(t.key));
  const wanted = (t: NodeTaint) => (t.effect === 'NoSchedule' ? noSchedule.has(t.key) : t.key === noExecute);
  const next = current.filter((t) => !managed(t) || wanted(t));
  for (const key of noSchedule) {
    if (!next.some((t) => t.key === key && t.effect === 'NoSchedule'))
      next.push({ key, effect: 'NoSchedule' });
  }
  if (noExecute && !next.some((t) => t.key === noExecute && t.effect === 'NoExecute')) {
    next.push({ key: noExecute, effect: 'NoExecute', timeAdded: nowRfc3339 });
  }
  const same = next.length === current.length && next.every((t, i) => t === current[i]);
  return same ? undefined : next;
}
