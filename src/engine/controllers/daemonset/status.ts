// DaemonSet status counts from nodes and their daemon pods (mirrors daemon_controller.go updateDaemonSetStatus
// and storeDaemonSetStatus' "nothing changed" check).
import type { DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { factsAvailable, podFacts } from '../shared/podFacts';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';
import { compareByCreationAndPhase } from './manage';

export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

export interface StatusInput {
  nodes: readonly string[];
  shouldRun(node: string): boolean;
  nodeToDaemonPods: ReadonlyMap<string, readonly Readonly<Pod>[]>;
  hash: string;
  /** the deprecated.daemonset.template.generation annotation, if any */
  templateGeneration?: string;
  minReadySeconds: number;
  nowMs: number;
}

export type StatusCounts = Required<
  Pick<
    DaemonSetStatus,
    | 'desiredNumberScheduled'
    | 'currentNumberScheduled'
    | 'numberMisscheduled'
    | 'numberReady'
    | 'updatedNumberScheduled'
    | 'numberAvailable'
    | 'numberUnavailable'
  >
>;

/** util.IsPodUpdated: the hash label matches, or the (legacy) template generation label does */
export function isPodUpdated(
  pod: Readonly<Pod>,
  hash: string,
  templateGeneration: string | undefined,
): boolean {
  const labels = pod.metadata?.labels ?? {};
  const genMatches =
    templateGeneration !== undefined && labels[POD_TEMPLATE_GENERATION_LABEL] === templateGeneration;
  return (hash !== '' && labels[CONTROLLER_REVISION_HASH_LABEL] === hash) || genMatches;
}

/** the first pod a stable sort by compareByCreationAndPhase would give (the earliest of equals), without sorting */
function firstByCreationAndPhase(pods: readonly Readonly<Pod>[]): Readonly<Pod> {
  let best = pods[0] as Readonly<Pod>;
  for (let i = 1; i < pods.length; i++) {
    const p = pods[i] as Readonly<Pod>;
    if (compareByCreationAndPhase(p, best) < 0) best = p;
  }
  return best;
}

export function computeStatusCounts(input: StatusInput): StatusCounts {
  const c: StatusCounts = {
    desiredNumberScheduled: 0,
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    numberReady: 0,
    updatedNumberScheduled: 0,
    numberAvailable: 0,
    numberUnavailable: 0,
  };
  for (const node of input.nodes) {
    const pods = input.nodeToDaemonPods.get(node) ?? [];
    const scheduled = pods.length > 0;
    if (!input.shouldRun(node)) {
      if (scheduled) c.numberMisscheduled++;
      continue;
    }
    c.desiredNumberScheduled++;
    if (!scheduled) continue;
    c.currentNumberScheduled++;
    const pod = firstByCreationAndPhase(pods);
    // IsPodReady / IsPodAvailable, read from the facts remembered per stored pod
    const f = podFacts(pod as unknown as Readonly<KubeObject>);
    if (f.ready) {
      c.numberReady++;
      if (factsAvailable(f, input.minReadySeconds, input.nowMs)) c.numberAvailable++;
    }
    if (isPodUpdated(pod, input.hash, input.templateGeneration)) c.updatedNumberScheduled++;
  }
  c.numberUnavailable = c.desiredNumberScheduled - c.numberAvailable;
  return c;
}

/** storeDaemonSetStatus' early return: every count equal and observedGeneration already caught up */
export function statusUnchanged(
  status: Readonly<DaemonSetStatus> | undefined,
  counts: StatusCounts,
  generation: number,
): boolean {
  const s = status ?? ({} as DaemonSetStatus);
  for (const k of Object.keys(counts) as (keyof StatusCounts)[]) if ((s[k] ?? 0) !== counts[k]) return false;
  return (s.observedGeneration ?? 0) >= generation;
}
