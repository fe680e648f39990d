// InterPodAffinity PreFilter/Filter: topology-pair counts for the pod's required terms and existing pods' anti-affinity.
// mirrors pkg/scheduler/framework/plugins/interpodaffinity/filtering.go.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, PluginContext, PluginStatus } from '../../framework/types';
import { success, unresolvable, unschedulable } from '../../framework/types';
import {
  memoNamespaceLabels,
  parsedAffinityOf,
  podMatchesAllAffinityTerms,
  termMatches,
  type AffinityTerm,
  type NamespaceLabels,
  type ParsedPodAffinity,
} from './terms';

export const INTER_POD_AFFINITY = 'InterPodAffinity';
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

/** topologyPair {key, value} as a map key */
export const pairKey = (key: string, value: string): string => `${key}\u0000${value}`;
type Counts = Map<string, number>;

export interface PreFilterState {
  pod: Pod;
  parsed: ParsedPodAffinity;
  nsLabels: NamespaceLabels;
  existingAntiAffinityCounts: Counts;
  affinityCounts: Counts;
  antiAffinityCounts: Counts;
}

function bump(m: Counts, key: string, value: string | undefined): void {
  if (value === undefined) return;
  const k = pairKey(key, value);
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** updateWithAntiAffinityTerms: +1 for each term `pod` matches, at the node's value of its topology key */
function addAntiAffinityTerms(
  m: Counts,
  terms: readonly AffinityTerm[],
  pod: Pod,
  ns: NamespaceLabels,
  node: Node,
): void {
  for (const t of terms)
    if (termMatches(t, pod, ns)) bump(m, t.topologyKey, node.metadata?.labels?.[t.topologyKey]);
}

/** updateWithAffinityTerms: only when `pod` matches ALL terms */
function addAffinityTerms(
  m: Counts,
  terms: readonly AffinityTerm[],
  pod: Pod,
  ns: NamespaceLabels,
  node: Node,
): void {
  if (!podMatchesAllAffinityTerms(terms, pod, ns)) return;
  for (const t of terms) bump(m, t.topologyKey, node.metadata?.labels?.[t.topologyKey]);
}

/** PreFilter's state; a string is a parse error (UnschedulableAndUnresolvable) */
export function calPreFilterState(pod: Pod, ctx: PluginContext): PreFilterState | string {
  const parsed = parsedAffinityOf(pod);
  if (parsed.parseError !== undefined) return parsed.parseError;
  const nsLabels = memoNamespaceLabels((ns) => ctx.namespaceLabels(ns));
  const s: PreFilterState = {
    pod,
    parsed,
    nsLabels,
    existingAntiAffinityCounts: new Map(),
    affinityCounts: new Map(),
    antiAffinityCounts: new Map(),
  };
  // existing pods' required anti-affinity terms matching the incoming pod (evaluated with its namespace's labels)
  for (const ni of ctx.snapshot.havePodsWithRequiredAntiAffinity()) {
    for (const existing of ni.podsWithRequiredAntiAffinity) {
      addAntiAffinityTerms(
        s.existingAntiAffinityCounts,
        parsedAffinityOf(existing).requiredAntiAffinity,
        pod,
        nsLabels,
        ni.node,
      );
    }
  }
  if (parsed.requiredAffinity.length > 0 || parsed.requiredAntiAffinity.length > 0) {
    for (const ni of ctx.snapshot.list()) {
      for (const existing of ni.pods) {
        addAffinityTerms(s.affinityCounts, parsed.requiredAffinity, existing, nsLabels, ni.node);
        addAntiAffinityTerms(s.antiAffinityCounts, parsed.requiredAntiAffinity, existing, nsLabels, ni.node);
      }
    }
  }
  return s;
}

/** true when PreFilter can return Skip */
export function nothingToFilter(s: PreFilterState): boolean {
  return (
    s.existingAntiAffinityCounts.size === 0 &&
    s.parsed.requiredAffinity.length === 0 &&
    s.parsed.requiredAntiAffinity.length === 0
  );
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, node: Node): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  const labels = node.metadata?.labels ?? {};
  for (const k of Object.keys(labels))
    if ((s.existingAntiAffinityCounts.get(pairKey(k, labels[k] as string)) ?? 0) > 0) return false;
  return true;
}

function satisfyPodAntiAffinity(s: PreFilterState, node: Node): boolean {
  if (s.antiAffinityCounts.size === 0) return true;
  for (const t of s.parsed.requiredAntiAffinity) {
    const v = node.metadata?.labels?.[t.topologyKey];
    if (v !== undefined && (s.antiAffinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0) return false;
  }
  return true;
}

function satisfyPodAffinity(s: PreFilterState, node: Node): boolean {
  let podsExist = true;
  for (const t of s.parsed.requiredAffinity) {
    const v = node.metadata?.labels?.[t.topologyKey];
    if (v === undefined) return false; // all topology labels must exist on the node
    if ((s.affinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // the first pod of a group with affinity to itself: allowed when no pod matches yet and it matches its own terms
  return (
    s.affinityCounts.size === 0 && podMatchesAllAffinityTerms(s.parsed.requiredAffinity, s.pod, s.nsLabels)
  );
}

export function filterNode(s: PreFilterState, ni: NodeInfo): PluginStatus {
  if (!satisfyPodAffinity(s, ni.node)) return unresolvable(INTER_POD_AFFINITY, ERR_REASON_AFFINITY);
  if (!satisfyPodAntiAffinity(s, ni.node)) return unschedulable(INTER_POD_AFFINITY, ERR_REASON_ANTI_AFFINITY);
  if (!satisfyExistingPodsAntiAffinity(s, ni.node))
    return unschedulable(INTER_POD_AFFINITY, ERR_REASON_EXISTING_ANTI_AFFINITY);
  return success();
}
