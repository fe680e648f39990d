// The node lifecycle controller's taints (pure): NoSchedule taints from node conditions and spec.unschedulable, the
// NoExecute not-ready/unreachable templates, and the taint list operations its writes use.
// mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go nodeConditionToTaintKeyStatusMap,
// taintKeyToNodeConditionMap, doNoScheduleTaintingPass, and pkg/util/taints/taints.go (TaintExists, TaintSetDiff,
// AddOrUpdateTaint, DeleteTaint).

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

/** UnreachableTaintTemplate / NotReadyTaintTemplate */
export const UNREACHABLE_TAINT: Readonly<NodeTaint> = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_TAINT: Readonly<NodeTaint> = { key: TAINT_NOT_READY, effect: 'NoExecute' };

/** nodeConditionToTaintKeyStatusMap: condition type -> status -> NoSchedule taint key */
const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

/** taintKeyToNodeConditionMap's keys */
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

/** Taint.MatchTaint: same key and effect */
export function matchTaint(a: Readonly<NodeTaint>, b: Readonly<NodeTaint>): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function taintExists(taints: readonly NodeTaint[], t: Readonly<NodeTaint>): boolean {
  return taints.some((x) => matchTaint(x, t));
}

/** the NoSchedule taints doNoScheduleTaintingPass wants, in condition order, then unschedulable */
export function noScheduleTaintsFor(
  conditions: readonly NodeConditionLite[],
  unschedulable: boolean,
): NodeTaint[] {
  const out: NodeTaint[] = [];
  for (const c of conditions) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) out.push({ key, effect: 'NoSchedule' });
  }
  if (unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

/** the node's NoSchedule taints the controller owns: unschedulable and the condition keys */
export function controllerNoScheduleTaints(taints: readonly NodeTaint[]): NodeTaint[] {
  return taints.filter(
    (t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)),
  );
}

/** TaintSetDiff: taints of want missing from have (to add), and of have missing from want (to remove) */
export function taintSetDiff(
  want: readonly NodeTaint[],
  have: readonly NodeTaint[],
): { add: NodeTaint[]; remove: NodeTaint[] } {
  return {
    add: want.filter((t) => !taintExists(have, t)),
    remove: have.filter((t) => !taintExists(want, t)),
  };
}

function sameTaint(a: Readonly<NodeTaint>, b: Readonly<NodeTaint>): boolean {
  return a.key === b.key && a.effect === b.effect && a.value === b.value && a.timeAdded === b.timeAdded;
}

/** AddOrUpdateTaint for each taint in turn: a matching taint is replaced in place, a new one appended; undefined: no change */
export function addOrUpdateTaints(
  current: readonly NodeTaint[],
  toAdd: readonly NodeTaint[],
): NodeTaint[] | undefined {
  let taints = [...current];
  let updated = false;
  for (const t of toAdd) {
    if (taints.some((x) => matchTaint(x, t) && sameTaint(x, t))) continue;
    let replaced = false;
    taints = taints.map((x) => (matchTaint(x, t) ? ((replaced = true), { ...t }) : x));
    if (!replaced) taints.push({ ...t });
    updated = true;
  }
  return updated ? taints : undefined;
}

/** RemoveTaint for each taint in turn (DeleteTaint: every key+effect match goes); undefined: no change */
export function removeTaints(
  current: readonly NodeTaint[],
  toRemove: readonly NodeTaint[],
): NodeTaint[] | undefined {
  const next = current.filter((x) => !toRemove.some((t) => matchTaint(x, t)));
  return next.length === current.length ? undefined : next;
}
