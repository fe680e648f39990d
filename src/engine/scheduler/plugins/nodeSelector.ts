// Node selector terms (nodeSelector + nodeAffinity) parsed once per pod and matched against many nodes.
// mirrors k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go (NodeSelector, RequiredNodeAffinity).
import type {
  Node,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Pod,
  PreferredSchedulingTerm,
} from 'kubernetes-types/core/v1';
import type { Selector, SelectorOperator } from '../../labels/types';
import { newRequirement, selectorFromRequirements } from '../../labels/requirement';
import { selectorFromSet } from '../../labels/selector';

interface FieldReq {
  negate: boolean;
  value: string;
}
interface ParsedTerm {
  labels?: Selector;
  fields?: FieldReq[];
}

const labelOps: Readonly<Record<string, SelectorOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
  Gt: 'gt',
  Lt: 'lt',
};

/** mirrors nodeSelectorRequirementsAsSelector; throws on invalid requirements */
function labelSelectorOf(reqs: readonly NodeSelectorRequirement[]): Selector {
  return selectorFromRequirements(
    reqs.map((r) => {
      const op = labelOps[r.operator];
      if (op === undefined)
        throw new Error(`${JSON.stringify(r.operator)} is not a valid node selector operator`);
      return newRequirement(r.key, op, r.values ?? []);
    }),
  );
}

/** mirrors nodeSelectorRequirementsAsFieldSelector: only metadata.name, In/NotIn with exactly one value */
function fieldReqsOf(reqs: readonly NodeSelectorRequirement[]): FieldReq[] {
  return reqs.map((r) => {
    if (r.key !== 'metadata.name')
      throw new Error(`${JSON.stringify(r.key)} is not a valid field selector key`);
    if (r.operator !== 'In' && r.operator !== 'NotIn') {
      throw new Error(`${JSON.stringify(r.operator)} is not a valid node field selector operator`);
    }
    const values = r.values ?? [];
    if (values.length !== 1) {
      throw new Error(
        `unexpected number of value (${values.length}) for node field selector operator "${r.operator}"`,
      );
    }
    return { negate: r.operator === 'NotIn', value: values[0] as string };
  });
}

/** undefined for empty terms (they match nothing) and for terms with errors (ignored, "lazy errors") */
function parseTerm(term: NodeSelectorTerm): ParsedTerm | undefined {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return undefined;
  try {
    return {
      ...(exprs.length > 0 ? { labels: labelSelectorOf(exprs) } : {}),
      ...(fields.length > 0 ? { fields: fieldReqsOf(fields) } : {}),
    };
  } catch {
    return undefined;
  }
}

function termMatches(t: ParsedTerm, node: Node): boolean {
  if (t.labels !== undefined && !t.labels.matches(node.metadata?.labels)) return false;
  if (t.fields !== undefined) {
    const name = node.metadata?.name ?? '';
    for (const f of t.fields) if ((name === f.value) === f.negate) return false;
  }
  return true;
}

/** ORed node selector terms (nodeaffinity.NodeSelector) */
export class ParsedNodeSelector {
  private readonly terms: ParsedTerm[];
  constructor(ns: NodeSelector) {
    this.terms = [];
    for (const t of ns.nodeSelectorTerms ?? []) {
      const p = parseTerm(t);
      if (p !== undefined) this.terms.push(p);
    }
  }
  match(node: Node): boolean {
    for (const t of this.terms) if (termMatches(t, node)) return true;
    return false;
  }
}

/** nodeaffinity.RequiredNodeAffinity: spec.nodeSelector AND required node affinity terms */
export class RequiredNodeAffinity {
  private readonly labelSelector: Selector | undefined;
  private readonly nodeSelector: ParsedNodeSelector | undefined;
  constructor(pod: Pod) {
    const sel = pod.spec?.nodeSelector;
    this.labelSelector = sel !== undefined && Object.keys(sel).length > 0 ? selectorFromSet(sel) : undefined;
    const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.nodeSelector = req !== undefined ? new ParsedNodeSelector(req) : undefined;
  }
  /** true when no nodeSelector and no required node affinity are set: match() is true for every node */
  matchesEveryNode(): boolean {
    return this.labelSelector === undefined && this.nodeSelector === undefined;
  }
  match(node: Node): boolean {
    if (this.labelSelector !== undefined && !this.labelSelector.matches(node.metadata?.labels)) return false;
    return this.nodeSelector === undefined || this.nodeSelector.match(node);
  }
}

/** RequiredNodeAffinity(pod).matchesEveryNode() without building it: no nodeSelector entry, no required affinity */
export function podMatchesEveryNode(pod: Pod): boolean {
  if (pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined)
    return false;
  const sel = pod.spec?.nodeSelector;
  if (sel !== undefined) for (const k in sel) if (Object.hasOwn(sel, k)) return false;
  return true;
}

const requiredCache = new WeakMap<Pod, RequiredNodeAffinity>();
/** cached per pod object (pods in the snapshot are immutable) */
export function requiredNodeAffinityOf(pod: Pod): RequiredNodeAffinity {
  let r = requiredCache.get(pod);
  if (r === undefined) {
    r = new RequiredNodeAffinity(pod);
    requiredCache.set(pod, r);
  }
  return r;
}

/** nodeaffinity.PreferredSchedulingTerms: Σ weights of matching terms; weight-0 and empty terms skipped */
export class PreferredSchedulingTerms {
  private readonly terms: { term: ParsedTerm; weight: number }[] = [];
  constructor(terms: readonly PreferredSchedulingTerm[]) {
    for (const t of terms) {
      if (t.weight === 0) continue;
      const p = parseTerm(t.preference);
      if (p !== undefined) this.terms.push({ term: p, weight: t.weight });
    }
  }
  get length(): number {
    return this.terms.length;
  }
  score(node: Node): number {
    let s = 0;
    for (const t of this.terms) if (termMatches(t.term, node)) s += t.weight;
    return s;
  }
}
