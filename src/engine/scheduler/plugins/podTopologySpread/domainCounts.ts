// PodTopologySpread PreScore's matching-pod count per topology value over all nodes, kept per snapshot and
// (namespace, selector, topology key, required keys); each cycle re-counts only the nodes whose Node or pod list changed.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, SnapshotLister } from '../../framework/types';
import { countPodsMatchSelector, memoKey } from '../../podCountMemo';
import { nodeLabelsMatchSpreadConstraints, type SpreadConstraint } from './common';

interface NodeEntry {
  ni: NodeInfo;
  node: Node;
  pods: readonly Pod[];
  /** the node's topology value, undefined when the node lacks a required key (not counted) */
  value: string | undefined;
  count: number;
}

/** Σ matching pods per topology value, over every node that has all `required` keys (all nodes when undefined) */
export class DomainCounter {
  private entries: NodeEntry[] = [];
  /** topology value -> matching pods (values whose nodes went away stay, at 0) */
  readonly totals = new Map<string, number>();

  constructor(
    private readonly c: SpreadConstraint,
    private readonly required: readonly SpreadConstraint[] | undefined,
    private readonly ns: string,
  ) {}

  private entry(ni: NodeInfo): NodeEntry {
    const node = ni.node;
    const labels = node.metadata?.labels;
    const included = this.required === undefined || nodeLabelsMatchSpreadConstraints(labels, this.required);
    const value = included ? (labels?.[this.c.topologyKey] ?? '') : undefined;
    const count = included ? countPodsMatchSelector(ni.pods, this.c.selector, this.ns) : 0;
    return { ni, node, pods: ni.pods, value, count };
  }

  private add(e: NodeEntry, sign: 1 | -1): void {
    if (e.value === undefined || e.count === 0) return;
    this.totals.set(e.value, (this.totals.get(e.value) ?? 0) + sign * e.count);
  }

  /** brings the totals up to `allNodes` (NodeInfos are compared by identity, their Node and pod list too) */
  refresh(allNodes: readonly NodeInfo[]): void {
    const entries = this.entries;
    for (let i = 0; i < allNodes.length; i++) {
      const ni = allNodes[i] as NodeInfo;
      const e = entries[i];
      if (e !== undefined && e.ni === ni && e.node === ni.node && e.pods === ni.pods) continue;
      if (e !== undefined) this.add(e, -1);
      const next = this.entry(ni);
      this.add(next, 1);
      entries[i] = next;
    }
    for (let i = allNodes.length; i < entries.length; i++) this.add(entries[i] as NodeEntry, -1);
    if (entries.length > allNodes.length) entries.length = allNodes.length;
  }
}

const MAX_COUNTERS = 64;
/** snapshot -> counter key -> counter (oldest dropped first beyond MAX_COUNTERS) */
const counters = new WeakMap<SnapshotLister, Map<string, DomainCounter>>();

/** whether constraint c's node inclusion (nodeAffinityPolicy / nodeTaintsPolicy) is the same for every pod */
export function inclusionIgnoresPod(c: SpreadConstraint, podMatchesEveryNode: boolean): boolean {
  return c.nodeTaintsPolicy !== 'Honor' && (c.nodeAffinityPolicy !== 'Honor' || podMatchesEveryNode);
}

/**
 * the counter for constraints[i] in `ns` (requireAll: nodes must have every constraint's key), or undefined when
 * its selector matches nothing (no key to share it by)
 */
export function domainCounter(
  snapshot: SnapshotLister,
  constraints: readonly SpreadConstraint[],
  i: number,
  requireAll: boolean,
  ns: string,
): DomainCounter | undefined {
  const c = constraints[i] as SpreadConstraint;
  const last = lastLookup.get(c);
  if (
    last !== undefined &&
    last.snapshot === snapshot &&
    last.constraints === constraints &&
    last.requireAll === requireAll &&
    last.ns === ns
  )
    return last.counter;
  const counter = lookup(snapshot, constraints, c, requireAll, ns);
  if (counter !== undefined) lastLookup.set(c, { snapshot, constraints, requireAll, ns, counter });
  return counter;
}

interface Lookup {
  snapshot: SnapshotLister;
  constraints: readonly SpreadConstraint[];
  requireAll: boolean;
  ns: string;
  counter: DomainCounter;
}
/** constraint -> its last lookup (constraints are shared between the pods of one owner: no key string per cycle) */
const lastLookup = new WeakMap<SpreadConstraint, Lookup>();

function lookup(
  snapshot: SnapshotLister,
  constraints: readonly SpreadConstraint[],
  c: SpreadConstraint,
  requireAll: boolean,
  ns: string,
): DomainCounter | undefined {
  const selKey = memoKey(c.selector, ns);
  if (selKey === undefined) return undefined;
  let key = `${selKey}\u0000${c.topologyKey}`;
  if (requireAll) for (const r of constraints) key += `\u0000${r.topologyKey}`;
  let byKey = counters.get(snapshot);
  if (byKey === undefined) counters.set(snapshot, (byKey = new Map()));
  let counter = byKey.get(key);
  if (counter === undefined) {
    if (byKey.size >= MAX_COUNTERS) byKey.delete(byKey.keys().next().value as string);
    counter = new DomainCounter(c, requireAll ? constraints : undefined, ns);
    byKey.set(key, counter);
  }
  return counter;
}
