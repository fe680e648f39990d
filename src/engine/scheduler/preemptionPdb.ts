// PodDisruptionBudgets in preemption: victims whose eviction would violate a PDB are reprieved first, and nodes
// needing fewer PDB violations are preferred. mirrors plugins/defaultpreemption/default_preemption.go
// (filterPodsWithPDBViolation, SelectVictimsOnNode's reprieve order) and preemption.go pickOneNodeForPreemption.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types/object';
import type { Selector } from '../labels/types';
import { selectorFromLabelSelector } from '../labels/selector';

export interface PdbLite {
  namespace: string;
  /** undefined when the PDB has no selector: it matches nothing */
  selector: Selector | undefined;
  disruptionsAllowed: number;
  /** pods already being disrupted (status.disruptedPods): they no longer count against the budget */
  disruptedPods: ReadonlySet<string>;
}

export function pdbLiteOf(o: Readonly<KubeObject>): PdbLite {
  const spec = o.spec as { selector?: Parameters<typeof selectorFromLabelSelector>[0] } | undefined;
  const status = o.status as
    { disruptionsAllowed?: number; disruptedPods?: Record<string, string> } | undefined;
  const sel = spec?.selector ? selectorFromLabelSelector(spec.selector) : undefined;
  return {
    namespace: o.metadata.namespace ?? '',
    selector: sel && !sel.empty() ? sel : undefined,
    disruptionsAllowed: status?.disruptionsAllowed ?? 0,
    disruptedPods: new Set(Object.keys(status?.disruptedPods ?? {})),
  };
}

/**
 * filterPodsWithPDBViolation: walk the pods (most important first) spending each matching PDB's allowed
 * disruptions; a pod that drives any budget below zero is violating. Both lists keep the input order.
 */
export function filterPodsWithPDBViolation(
  pods: readonly Pod[],
  pdbs: readonly PdbLite[],
): { violating: Pod[]; nonViolating: Pod[] } {
  const allowed = pdbs.map((p) => p.disruptionsAllowed);
  const violating: Pod[] = [];
  const nonViolating: Pod[] = [];
  for (const pod of pods) {
    let violated = false;
    const labels = pod.metadata?.labels ?? {};
    pdbs.forEach((pdb, i) => {
      if (pdb.namespace !== (pod.metadata?.namespace ?? '')) return;
      if (!pdb.selector || !pdb.selector.matches(labels)) return;
      // a pod the disruption controller already counts as disrupted does not spend the budget again
      if (pdb.disruptedPods.has(pod.metadata?.name ?? '')) return;
      allowed[i] = (allowed[i] ?? 0) - 1;
      if ((allowed[i] ?? 0) < 0) violated = true;
    });
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}
