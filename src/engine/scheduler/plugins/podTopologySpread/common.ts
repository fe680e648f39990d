// PodTopologySpread shared parts: parsed constraints, system defaults, node inclusion policies, pod counting.
// mirrors pkg/scheduler/framework/plugins/podtopologyspread/common.go and plugin.go (systemDefaultConstraints).
import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { PluginContext } from '../../framework/types';
import type { Selector } from '../../../labels/types';
import { selectorFromLabelSelector, selectorFromSet } from '../../../labels/selector';
import { newRequirement, selectorFromRequirements } from '../../../labels/requirement';
import type { RequiredNodeAffinity } from '../nodeSelector';
import { doNotScheduleTaint, findMatchingUntoleratedTaint } from '../taints';

export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)';
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  nodeAffinityPolicy: string;
  nodeTaintsPolicy: string;
}

export interface PodTopologySpreadArgs {
  defaultConstraints?: TopologySpreadConstraint[];
  /** 'System' (default): the built-in constraints below; 'List': defaultConstraints */
  defaultingType?: 'System' | 'List';
}

/** mirrors podtopologyspread/plugin.go systemDefaultConstraints */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/**
 * Optional hook the scheduler loop may add to PluginContext: the selector helper.DefaultSelector builds from the
 * Services, ReplicationControllers, ReplicaSets and StatefulSets that select the pod.
 */
export interface SpreadPluginContext extends PluginContext {
  defaultSpreadSelector?(pod: Pod): Selector | undefined;
}

const OWNER_KINDS = new Set(['ReplicaSet', 'ReplicationController', 'StatefulSet']);
const PER_POD_LABELS = [
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-revision-hash',
];

/**
 * helper.DefaultSelector. Without the context hook, kubesim approximates it: a pod controlled by a
 * ReplicaSet/ReplicationController/StatefulSet is selected by its own labels minus the per-pod ones
 * (Services are not consulted). An empty selector means "no default constraints".
 */
export function defaultSelector(pod: Pod, ctx: PluginContext): Selector | undefined {
  const hook = (ctx as SpreadPluginContext).defaultSpreadSelector;
  if (hook !== undefined) return hook(pod);
  const refs = pod.metadata?.ownerReferences;
  if (refs === undefined) return undefined;
  let owner: string | undefined;
  for (let i = 0; i < refs.length && owner === undefined; i++)
    if ((refs[i] as OwnerReference).controller === true) owner = (refs[i] as OwnerReference).kind;
  if (owner === undefined || !OWNER_KINDS.has(owner)) return undefined;
  return selectorOfLabels(pod.metadata?.labels);
}

const MAX_MEMO = 4096;
/** label set (minus per-pod labels) -> its selector: the pods of one owner share one Selector per label set */
const selectorMemo = new Map<string, Selector | undefined>();

/**
 * the last frozen label object (a stored pod's) and its selector: a pod's labels cannot change, so a pod asked about
 * again (PreScore after PreFilter, a retry) skips building the key. One entry, not a WeakMap: nearly every pod is
 * asked about in one cycle only, and a WeakMap insert per pod costs more than the key it saves.
 */
let lastLabels: object | undefined;
let lastSelector: Selector | undefined;

function selectorOfLabels(podLabels: Readonly<Record<string, string>> | undefined): Selector | undefined {
  if (podLabels === undefined || !Object.isFrozen(podLabels)) return selectorOfLabelSet(podLabels);
  if (podLabels === lastLabels) return lastSelector;
  const sel = selectorOfLabelSet(podLabels);
  lastLabels = podLabels;
  lastSelector = sel;
  return sel;
}

export function selectorOfLabelSet(
  podLabels: Readonly<Record<string, string>> | undefined,
): Selector | undefined {
  let key = '';
  for (const k in podLabels) {
    if (PER_POD_LABELS.includes(k)) continue;
    key += `${k}\u0000${podLabels[k] as string}\u0000`;
  }
  if (selectorMemo.has(key)) return selectorMemo.get(key);
  const labels: Record<string, string> = { ...podLabels };
  for (const k of PER_POD_LABELS) delete labels[k];
  const sel = Object.keys(labels).length === 0 ? undefined : selectorFromSet(labels);
  if (selectorMemo.size >= MAX_MEMO) selectorMemo.clear();
  selectorMemo.set(key, sel);
  return sel;
}

/** filterTopologySpreadConstraints: the constraints with `action`, selectors parsed, matchLabelKeys merged */
export function filterConstraints(
  constraints: readonly TopologySpreadConstraint[],
  podLabels: Readonly<Record<string, string>> | undefined,
  action: string,
): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  for (const c of constraints) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = selectorFromLabelSelector(c.labelSelector);
    const keys = (c.matchLabelKeys ?? []).filter((k) => podLabels?.[k] !== undefined);
    if (keys.length > 0) {
      const merged = keys.map((k) => newRequirement(k, '=', [podLabels?.[k] as string]));
      selector = selectorFromRequirements([...merged, ...selector.requirements]);
    }
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    });
  }
  return out;
}

/** constraint lists that do not depend on the pod's labels (no matchLabelKeys), parsed once per list and action */
const parsedMemo = new WeakMap<readonly TopologySpreadConstraint[], Map<string, SpreadConstraint[]>>();
/** default constraints with one default selector, per (defaults list, action) */
const defaultsMemo = new WeakMap<
  Selector,
  WeakMap<readonly TopologySpreadConstraint[], Map<string, SpreadConstraint[]>>
>();

function parsedConstraints(
  list: readonly TopologySpreadConstraint[],
  podLabels: Readonly<Record<string, string>> | undefined,
  action: string,
): SpreadConstraint[] {
  for (const c of list)
    if ((c.matchLabelKeys?.length ?? 0) > 0) return filterConstraints(list, podLabels, action);
  let byAction = parsedMemo.get(list);
  if (byAction === undefined) parsedMemo.set(list, (byAction = new Map()));
  let out = byAction.get(action);
  if (out === undefined) byAction.set(action, (out = filterConstraints(list, podLabels, action)));
  return out;
}

function withSelector(
  defaults: readonly TopologySpreadConstraint[],
  constraints: readonly SpreadConstraint[],
  action: string,
  selector: Selector,
): SpreadConstraint[] {
  let byList = defaultsMemo.get(selector);
  if (byList === undefined) defaultsMemo.set(selector, (byList = new WeakMap()));
  let byAction = byList.get(defaults);
  if (byAction === undefined) byList.set(defaults, (byAction = new Map()));
  let out = byAction.get(action);
  if (out === undefined) byAction.set(action, (out = constraints.map((c) => ({ ...c, selector }))));
  return out;
}

/**
 * the pod's own constraints, else the defaults (only for pods an owner/Service selects). The result is shared
 * between cycles (parsed once per constraint list and selector): callers must not change it.
 */
export function getConstraints(
  pod: Pod,
  args: PodTopologySpreadArgs,
  action: string,
  ctx: PluginContext,
): readonly SpreadConstraint[] {
  const own = pod.spec?.topologySpreadConstraints ?? [];
  if (own.length > 0) return parsedConstraints(own, pod.metadata?.labels, action);
  const defaults =
    args.defaultingType === 'List' ? (args.defaultConstraints ?? []) : SYSTEM_DEFAULT_CONSTRAINTS;
  const constraints = parsedConstraints(defaults, pod.metadata?.labels, action);
  if (constraints.length === 0) return [];
  const selector = defaultSelector(pod, ctx);
  if (selector === undefined || selector.empty()) return [];
  const labelKeyed = defaults.some((c) => (c.matchLabelKeys?.length ?? 0) > 0);
  if (labelKeyed) return constraints.map((c) => ({ ...c, selector }));
  return withSelector(defaults, constraints, action, selector);
}

export function nodeLabelsMatchSpreadConstraints(
  labels: Readonly<Record<string, string>> | undefined,
  constraints: readonly SpreadConstraint[],
): boolean {
  for (const c of constraints) if (labels?.[c.topologyKey] === undefined) return false;
  return true;
}

/** nodeAffinityPolicy Honor: node must match the pod's required affinity; nodeTaintsPolicy Honor: no untolerated taint */
export function matchNodeInclusionPolicies(
  c: SpreadConstraint,
  pod: Pod,
  node: Node,
  required: RequiredNodeAffinity,
): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !required.match(node)) return false;
  if (c.nodeTaintsPolicy === 'Honor') {
    if (
      findMatchingUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, doNotScheduleTaint) !== undefined
    )
      return false;
  }
  return true;
}

// counting a node's matching pods is memoised with its pod list version (scheduler/podCountMemo.ts)
export { countMatching, countPodsMatchSelector } from '../../podCountMemo';
