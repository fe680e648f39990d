// Which nodes a DaemonSet wants a pod on: node name, nodeSelector/required node affinity, and taints vs tolerations.
// mirrors pkg/controller/daemon/daemon_controller.go NodeShouldRunDaemonPod, predicates and NewPod.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Affinity, Node, Pod, Toleration } from 'kubernetes-types/core/v1';
import { RequiredNodeAffinity } from '../../scheduler/plugins/nodeSelector';
import { findMatchingUntoleratedTaint } from '../../scheduler/plugins/taints';
import { withDaemonPodTolerations } from './tolerations';

export interface ShouldRun {
  /** a daemon pod should be created on this node if none is there */
  shouldRun: boolean;
  /** a daemon pod already on this node may stay (it tolerates the node's NoExecute taints) */
  shouldContinueRunning: boolean;
}

const noSchedOrExec = (t: { effect: string }) => t.effect === 'NoSchedule' || t.effect === 'NoExecute';
const noExec = (t: { effect: string }) => t.effect === 'NoExecute';

/** A DaemonSet's template parsed once, then checked against many nodes (NewPod + predicates). */
export class DaemonNodeChecker {
  private readonly templateNodeName: string;
  private readonly affinity: RequiredNodeAffinity;
  private readonly tolerations: Toleration[];

  constructor(ds: Readonly<DaemonSet>) {
    const spec = ds.spec?.template.spec ?? { containers: [] };
    this.templateNodeName = spec.nodeName ?? '';
    this.affinity = new RequiredNodeAffinity({ spec } as Pod);
    // NewPod adds the default daemon tolerations before the predicates run
    this.tolerations = withDaemonPodTolerations(spec);
  }

  check(node: Readonly<Node>): ShouldRun {
    const name = node.metadata?.name ?? '';
    if (this.templateNodeName !== '' && this.templateNodeName !== name) return NO;
    let fitsAffinity: boolean;
    try {
      fitsAffinity = this.affinity.match(node as Node);
    } catch {
      fitsAffinity = false;
    }
    if (!fitsAffinity) return NO;
    const taints = node.spec?.taints;
    if (findMatchingUntoleratedTaint(taints, this.tolerations, noSchedOrExec) === undefined) return YES;
    // scheduled daemon pods keep running if they tolerate the NoExecute taints
    return {
      shouldRun: false,
      shouldContinueRunning: findMatchingUntoleratedTaint(taints, this.tolerations, noExec) === undefined,
    };
  }
}

const YES: ShouldRun = { shouldRun: true, shouldContinueRunning: true };
const NO: ShouldRun = { shouldRun: false, shouldContinueRunning: false };

/**
 * Memoised answers per (template spec, node) object pair: both are frozen informer objects, so an unchanged node
 * gives the same answer for an unchanged template (check reads only template.spec and the node).
 */
class MemoChecker {
  private readonly answers = new WeakMap<Readonly<Node>, ShouldRun>();
  constructor(private readonly inner: DaemonNodeChecker) {}

  check(node: Readonly<Node>): ShouldRun {
    if (!Object.isFrozen(node)) return this.inner.check(node);
    let r = this.answers.get(node);
    if (!r) {
      r = this.inner.check(node);
      this.answers.set(node, r);
    }
    return r;
  }
}

const checkers = new WeakMap<object, MemoChecker>();

/** a checker for ds, memoised across syncs by the identity of its (frozen) template spec */
export function daemonNodeChecker(ds: Readonly<DaemonSet>): Pick<DaemonNodeChecker, 'check'> {
  const spec = ds.spec?.template.spec;
  if (!spec || !Object.isFrozen(spec)) return new DaemonNodeChecker(ds);
  let c = checkers.get(spec);
  if (!c) {
    c = new MemoChecker(new DaemonNodeChecker(ds));
    checkers.set(spec, c);
  }
  return c;
}

/** NodeShouldRunDaemonPod(node, ds) */
export function nodeShouldRunDaemonPod(node: Readonly<Node>, ds: Readonly<DaemonSet>): ShouldRun {
  return new DaemonNodeChecker(ds).check(node);
}

/**
 * util.GetTargetNodeName: spec.nodeName, else the single `metadata.name In [node]` matchFields value of the
 * required node affinity the controller pinned the pod with; undefined when there is none.
 */
export function getTargetNodeName(pod: Readonly<Pod>): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms =
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const exp of term.matchFields ?? []) {
      if (exp.key === 'metadata.name' && exp.operator === 'In') {
        return exp.values?.length === 1 ? exp.values[0] : undefined;
      }
    }
  }
  return undefined;
}

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: pin the pod to nodeName through required node affinity */
export function replaceNodeNameAffinity(
  affinity: Readonly<Affinity> | undefined,
  nodeName: string,
): Affinity {
  const required = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
  const a: Affinity = structuredClone(affinity ?? {}) as Affinity;
  a.nodeAffinity = { ...(a.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required };
  return a;
}
