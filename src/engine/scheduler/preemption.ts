// DefaultPreemption's PostFilter: find nodes where evicting lower-priority pods lets the pod fit, pick one.
// mirrors pkg/scheduler/framework/preemption/preemption.go (Preempt, findCandidates, DryRunPreemption,
// pickOneNodeForPreemption) and plugins/defaultpreemption/default_preemption.go (SelectVictimsOnNode,
// PodEligibleToPreemptOthers), with PodDisruptionBudgets as filterPodsWithPDBViolation weighs them.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../sim/types';
import type { CycleState, NodeInfo, PluginContext, PluginStatus, SnapshotLister } from './framework/types';
import type { Profile } from './profile';
import type { Diagnosis } from './framework/fitError';
import { fitErrorMessage, nodeStatusOf } from './framework/fitError';
import { runFilters } from './framework/runner';
import { addPodTo, cloneNodeInfo, removePodFrom } from './nodeInfo';
import { podPriority } from './queue';
import { filterPodsWithPDBViolation, type PdbLite } from './preemptionPdb';

export interface Candidate {
  node: string;
  /** victims, most important first */
  victims: Pod[];
  /** victims whose eviction violates a PodDisruptionBudget (the first pickOneNodeForPreemption criterion) */
  numPDBViolations?: number;
}

export interface PreemptionResult {
  candidate?: Candidate;
  /** the PostFilter message for FitError ('' when a candidate was found) */
  message: string;
}

export interface PreemptionInput {
  profile: Profile;
  pod: Pod;
  state: CycleState;
  snapshot: SnapshotLister;
  ctx: PluginContext;
  rng: Rng;
  diagnosis: Diagnosis;
  /** the cluster's PodDisruptionBudgets (none: every victim is non-violating) */
  pdbs?: readonly PdbLite[];
}

const NOT_HELPFUL: PluginStatus = {
  code: 'UnschedulableAndUnresolvable',
  reasons: ['Preemption is not helpful for scheduling'],
};
const NO_VICTIMS: PluginStatus = {
  code: 'UnschedulableAndUnresolvable',
  reasons: ['No preemption victims found for incoming pod'],
};

const startTimeOf = (p: Pod): string => p.status?.startTime ?? p.metadata?.creationTimestamp ?? '';

/** mirrors corev1helpers / schedutil.MoreImportantPod: higher priority, then earlier start */
export function moreImportantPod(a: Pod, b: Pod): boolean {
  const pa = podPriority(a);
  const pb = podPriority(b);
  if (pa !== pb) return pa > pb;
  return startTimeOf(a) < startTimeOf(b);
}

/** PodEligibleToPreemptOthers: a reason string when the pod may not preempt */
export function notEligibleReason(
  pod: Pod,
  snapshot: SnapshotLister,
  diagnosis: Diagnosis,
): string | undefined {
  if (pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nom = pod.status?.nominatedNodeName;
  if (nom) {
    if (nodeStatusOf(diagnosis, nom)?.code === 'UnschedulableAndUnresolvable') return undefined;
    const ni = snapshot.get(nom);
    const prio = podPriority(pod);
    if (ni?.pods.some((p) => p.metadata?.deletionTimestamp && podPriority(p) < prio)) {
      return 'not eligible due to a terminating pod on the nominated node.';
    }
  }
  return undefined;
}

/**
 * SelectVictimsOnNode: remove all lower-priority pods, check fit, then reprieve as many as possible, the pods whose
 * eviction would violate a PodDisruptionBudget first (each counted in numPDBViolations when it cannot be spared).
 */
export function selectVictimsOnNode(
  input: PreemptionInput,
  ni: NodeInfo,
): { victims: Pod[]; numPDBViolations: number } | { status: PluginStatus } {
  const prio = podPriority(input.pod);
  const work = cloneNodeInfo(ni);
  const potential = ni.pods.filter((p) => podPriority(p) < prio);
  if (potential.length === 0) return { status: NO_VICTIMS };
  for (const p of potential) removePodFrom(work, p);
  const fits = (): PluginStatus =>
    runFilters(input.profile, input.state, input.pod, work, input.ctx, new Set());
  const st = fits();
  if (st.code !== 'Success') return { status: st };
  potential.sort((a, b) => (moreImportantPod(a, b) ? -1 : moreImportantPod(b, a) ? 1 : 0));
  const { violating, nonViolating } = filterPodsWithPDBViolation(potential, input.pdbs ?? []);
  const victims: Pod[] = [];
  let numPDBViolations = 0;
  const reprieve = (p: Pod): boolean => {
    addPodTo(work, p);
    if (fits().code === 'Success') return true;
    removePodFrom(work, p);
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) numPDBViolations++;
  for (const p of nonViolating) reprieve(p);
  // victims are reported most important first, whichever list they came from
  victims.sort((a, b) => (moreImportantPod(a, b) ? -1 : moreImportantPod(b, a) ? 1 : 0));
  return { victims, numPDBViolations };
}

/** mirrors calculateNumCandidates: 10% of nodes, at least 100, at most all */
export function numCandidates(numNodes: number): number {
  const n = Math.max(Math.trunc((numNodes * 10) / 100), 100);
  return Math.min(n, numNodes);
}

/**
 * mirrors NodeToStatus.NodesForStatusCode(Unschedulable): nodes whose status (their own, else the absent-nodes one)
 * is not UnschedulableAndUnresolvable; with only a few explicit statuses over an unresolvable rest, just those
 */
function nodesWherePreemptionMightHelp(all: readonly NodeInfo[], d: Diagnosis): NodeInfo[] {
  const unresolvable = (st: PluginStatus | undefined): boolean => st?.code === 'UnschedulableAndUnresolvable';
  const out: NodeInfo[] = [];
  if (unresolvable(d.absentStatus) && d.nodeToStatus.size < all.length) {
    // only explicit nodes can qualify: keep snapshot order without walking every node
    const names = new Set<string>();
    for (const [name, st] of d.nodeToStatus) if (!unresolvable(st)) names.add(name);
    if (names.size === 0) return out;
    for (const ni of all) if (names.has(ni.node.metadata?.name ?? '')) out.push(ni);
    return out;
  }
  for (const ni of all) if (!unresolvable(nodeStatusOf(d, ni.node.metadata?.name ?? ''))) out.push(ni);
  return out;
}

export function preempt(input: PreemptionInput): PreemptionResult {
  const { pod, snapshot, diagnosis } = input;
  const reason = notEligibleReason(pod, snapshot, diagnosis);
  if (reason) return { message: `preemption: ${reason}` };
  const all = snapshot.list();
  const statuses = new Map<string, PluginStatus>();
  const potential = nodesWherePreemptionMightHelp(all, diagnosis);
  const candidates: Candidate[] = [];
  if (potential.length > 0) {
    const offset = input.rng.int(0, potential.length - 1);
    const want = numCandidates(potential.length);
    for (let i = 0; i < potential.length && candidates.length < want; i++) {
      const ni = potential[(offset + i) % potential.length] as NodeInfo;
      const name = ni.node.metadata?.name ?? '';
      const r = selectVictimsOnNode(input, ni);
      if ('victims' in r)
        candidates.push({ node: name, victims: r.victims, numPDBViolations: r.numPDBViolations });
      else statuses.set(name, r.status);
    }
  }
  if (candidates.length === 0) {
    // nodes not tried (UnschedulableAndUnresolvable ones) are absent: SetAbsentNodesStatus(not helpful)
    const d: Diagnosis = { nodeToStatus: statuses, absentStatus: NOT_HELPFUL };
    return { message: `preemption: ${fitErrorMessage(all.length, d)}` };
  }
  return { candidate: pickOneNodeForPreemption(candidates), message: '' };
}

const MAX_INT32 = 2147483647;

/** earliest start among the highest-priority victims (GetEarliestPodStartTime) */
function earliestStartOfTop(victims: readonly Pod[]): string {
  const top = podPriority(victims[0] as Pod);
  let earliest = '';
  for (const v of victims) {
    if (podPriority(v) !== top) continue;
    const t = startTimeOf(v);
    if (earliest === '' || t < earliest) earliest = t;
  }
  return earliest;
}

/** pickOneNodeForPreemption: the criteria in order; each narrows the set; the first remaining node wins */
export function pickOneNodeForPreemption(candidates: readonly Candidate[]): Candidate {
  for (const c of candidates) if (c.victims.length === 0) return c;
  const criteria: ((c: Candidate) => number | string)[] = [
    (c) => c.numPDBViolations ?? 0, // fewest PodDisruptionBudget violations
    (c) => podPriority(c.victims[0] as Pod), // lowest highest-priority victim
    (c) => c.victims.reduce((s, v) => s + podPriority(v) + MAX_INT32 + 1, 0), // lowest Σ priorities
    (c) => c.victims.length, // fewest victims
  ];
  let set = [...candidates];
  for (const f of criteria) {
    let best: number | string | undefined;
    for (const c of set) {
      const v = f(c);
      if (best === undefined || v < best) best = v;
    }
    set = set.filter((c) => f(c) === best);
    if (set.length === 1) return set[0] as Candidate;
  }
  // latest start time of the highest-priority victims
  let latest = set[0] as Candidate;
  for (const c of set) if (earliestStartOfTop(c.victims) > earliestStartOfTop(latest.victims)) latest = c;
  return latest;
}
