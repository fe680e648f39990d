// Parsed pod (anti-)affinity terms, cached per pod object, and term matching with namespaces/namespaceSelector.
// mirrors pkg/scheduler/framework/types.go AffinityTerm, newAffinityTerm, getNamespacesFromPodAffinityTerm, NewPodInfo.
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import type { Selector } from '../../../labels/types';
import { selectorFromLabelSelector } from '../../../labels/selector';

export interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  selector: Selector;
  topologyKey: string;
  /** labels.Nothing() when the term has no namespaceSelector */
  namespaceSelector: Selector;
}
export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}
export interface ParsedPodAffinity {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
  /** the first selector error, like PodInfo.ParseError */
  parseError?: string;
}

/** no namespaces and no namespaceSelector: the pod's own namespace */
function newAffinityTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  const selector = selectorFromLabelSelector(term.labelSelector);
  const names = term.namespaces ?? [];
  const namespaces = new Set(
    names.length === 0 && term.namespaceSelector === undefined ? [pod.metadata?.namespace ?? ''] : names,
  );
  return {
    namespaces,
    selector,
    topologyKey: term.topologyKey,
    namespaceSelector: selectorFromLabelSelector(term.namespaceSelector),
  };
}

function parse(pod: Pod): ParsedPodAffinity {
  const a = pod.spec?.affinity;
  const out: ParsedPodAffinity = {
    requiredAffinity: [],
    requiredAntiAffinity: [],
    preferredAffinity: [],
    preferredAntiAffinity: [],
  };
  const fail = (e: unknown): void => {
    out.parseError ??= (e as Error).message;
  };
  const req = (terms: PodAffinityTerm[] | undefined, into: AffinityTerm[]): void => {
    for (const t of terms ?? []) {
      try {
        into.push(newAffinityTerm(pod, t));
      } catch (e) {
        fail(e);
      }
    }
  };
  const pref = (terms: WeightedPodAffinityTerm[] | undefined, into: WeightedAffinityTerm[]): void => {
    for (const t of terms ?? []) {
      try {
        into.push({ ...newAffinityTerm(pod, t.podAffinityTerm), weight: t.weight });
      } catch (e) {
        fail(e);
      }
    }
  };
  req(a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, out.requiredAffinity);
  req(a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, out.requiredAntiAffinity);
  pref(a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, out.preferredAffinity);
  pref(a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, out.preferredAntiAffinity);
  return out;
}

const cache = new WeakMap<Pod, ParsedPodAffinity>();
/** parsed once per pod object (pods in the snapshot are immutable) */
export function parsedAffinityOf(pod: Pod): ParsedPodAffinity {
  let p = cache.get(pod);
  if (p === undefined) {
    p = parse(pod);
    cache.set(pod, p);
  }
  return p;
}

/** namespace labels lookups memoised for one scheduling cycle */
export type NamespaceLabels = (ns: string) => Readonly<Record<string, string>> | undefined;
export function memoNamespaceLabels(f: NamespaceLabels): NamespaceLabels {
  const m = new Map<string, Readonly<Record<string, string>> | undefined>();
  return (ns) => {
    if (!m.has(ns)) m.set(ns, f(ns));
    return m.get(ns);
  };
}

/**
 * AffinityTerm.Matches: the pod is in one of the term's namespaces or its namespace's labels match the
 * namespaceSelector, and its labels match the selector. Kubernetes resolves the incoming pod's namespaceSelector
 * to names up front; evaluating it against the other pod's namespace labels here is equivalent.
 */
export function termMatches(term: AffinityTerm, pod: Pod, nsLabels: NamespaceLabels): boolean {
  const ns = pod.metadata?.namespace ?? '';
  if (term.namespaces.has(ns) || term.namespaceSelector.matches(nsLabels(ns) ?? {})) {
    return term.selector.matches(pod.metadata?.labels);
  }
  return false;
}

export function podMatchesAllAffinityTerms(
  terms: readonly AffinityTerm[],
  pod: Pod,
  nsLabels: NamespaceLabels,
): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, nsLabels)) return false;
  return true;
}
