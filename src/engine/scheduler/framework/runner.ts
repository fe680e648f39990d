// One scheduling cycle for one pod: PreFilter -> Filter (numFeasibleNodesToFind from a rotating start index) ->
// PreScore -> Score -> NormalizeScore -> weights (+ extenders) -> selectHost. Records every verdict for `sim explain`.
// mirrors pkg/scheduler/schedule_one.go schedulePod, findNodesThatPassFilters, prioritizeNodes, selectHost.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../../sim/types';
import type { CycleState, NodeInfo, PluginContext, PluginStatus, SnapshotLister } from './types';
import type { Profile } from '../profile';
import type { AttemptRecord, FilterVerdict } from '../explanations';
import type { Diagnosis } from './fitError';
import { statusMessage } from './fitError';
import { scoreFeasibleNodes } from './scoring';

/** mirrors schedule_one.go minFeasibleNodesToFind / minFeasibleNodesPercentageToFind */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** mirrors schedule_one.go numFeasibleNodesToFind (percentage 0/undefined = adaptive 50 - n/125, min 5) */
export function numFeasibleNodesToFind(percentage: number | undefined, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentage ?? 0;
  if (pct === 0) {
    pct = 50 - Math.trunc(numAllNodes / 125);
    if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

export interface CycleInput {
  profile: Profile;
  pod: Pod;
  snapshot: SnapshotLister;
  ctx: PluginContext;
  rng: Rng;
  /** rotating nextStartNodeIndex */
  startIndex: number;
  /** global percentageOfNodesToScore (a profile's own value wins) */
  percentageOfNodesToScore?: number;
  /** the NodeInfo filters see: adds nominated pods of equal or higher priority (RunFilterPluginsWithNominatedPods) */
  withNominated?(ni: NodeInfo, pod: Pod): NodeInfo;
  /** node names in snapshot order, when the snapshot keeps them (saves a map over every node per cycle) */
  nodeNames?: readonly string[];
}

export type CycleResult =
  | { kind: 'scheduled'; node: string; state: CycleState; nextStartIndex: number; record: AttemptRecord }
  | {
      kind: 'unschedulable';
      diagnosis: Diagnosis;
      state: CycleState;
      nextStartIndex: number;
      record: AttemptRecord;
    };

const nameOf = (ni: NodeInfo): string => ni.node.metadata?.name ?? '';

/** RunFilterPlugins: the first failing filter decides (skipped plugins are not called) */
export function runFilters(
  profile: Profile,
  state: CycleState,
  pod: Pod,
  ni: NodeInfo,
  ctx: PluginContext,
  skip: ReadonlySet<string>,
): PluginStatus {
  for (const f of profile.filter) {
    if (skip.has(f.name)) continue;
    const st = f.filter(state, pod, ni, ctx);
    if (st.code !== 'Success' && st.code !== 'Skip') return st.plugin ? st : { ...st, plugin: f.name };
  }
  return { code: 'Success', reasons: [] };
}

export function newRecord(input: CycleInput, nodeNames: readonly string[]): AttemptRecord {
  return {
    attempt: 0,
    timeMs: 0,
    podUid: input.pod.metadata?.uid ?? '',
    profile: input.profile.schedulerName,
    numAllNodes: nodeNames.length,
    numNodesToFind: 0,
    startIndex: input.startIndex,
    nodeNames,
    preFilter: [],
    filters: [],
    scorePlugins: [],
    extenders: input.profile.extenders.map((e) => ({ name: e.urlPrefix, weight: e.weight })),
    scores: [],
    result: 'Unschedulable',
    message: '',
  };
}

/** PreFilter: collects Skip'd plugins; a rejection fails the pod on every node (Diagnosis.PreFilterMsg) */
function runPreFilter(
  input: CycleInput,
  state: CycleState,
  rec: AttemptRecord,
  skip: Set<string>,
): PluginStatus | undefined {
  for (const p of input.profile.preFilter) {
    const st = p.preFilter(state, input.pod, input.ctx);
    rec.preFilter.push({ plugin: p.name, code: st.code, reasons: st.reasons });
    if (st.code === 'Skip') skip.add(p.name);
    else if (st.code !== 'Success') return st.plugin ? st : { ...st, plugin: p.name };
  }
  return undefined;
}

export function schedulePod(input: CycleInput): CycleResult {
  const { profile, pod, snapshot, ctx } = input;
  const state: CycleState = new Map();
  const nodes = snapshot.list();
  const rec = newRecord(input, input.nodeNames ?? nodes.map(nameOf));
  const diagnosis: Diagnosis = { nodeToStatus: new Map() };
  const fail = (nextStartIndex: number): CycleResult => ({
    kind: 'unschedulable',
    diagnosis,
    state,
    nextStartIndex,
    record: rec,
  });
  const skip = new Set<string>();
  const pre = runPreFilter(input, state, rec, skip);
  if (pre) {
    diagnosis.preFilterMsg = statusMessage(pre);
    for (const ni of nodes) diagnosis.nodeToStatus.set(nameOf(ni), pre);
    return fail(input.startIndex);
  }
  const check = (ni: NodeInfo): PluginStatus => {
    const view = input.withNominated ? input.withNominated(ni, pod) : ni;
    const st = runFilters(profile, state, pod, view, ctx, skip);
    const v: FilterVerdict =
      st.code === 'Success'
        ? { node: nameOf(ni), result: 'passed' }
        : { node: nameOf(ni), result: 'failed', plugin: st.plugin, code: st.code, reasons: st.reasons };
    rec.filters.push(v);
    return st;
  };
  // evaluateNominatedNode: a pod that preempted tries its nominated node first
  const nominated = pod.status?.nominatedNodeName;
  const nomInfo = nominated ? snapshot.get(nominated) : undefined;
  if (nomInfo) {
    rec.nominatedNode = nominated;
    if (check(nomInfo).code === 'Success') {
      rec.scoringSkipped = 'the nominated node passes the filters';
      rec.winner = nameOf(nomInfo);
      return {
        kind: 'scheduled',
        node: nameOf(nomInfo),
        state,
        nextStartIndex: input.startIndex,
        record: rec,
      };
    }
    rec.filters.pop();
  }
  const feasible = findNodesThatPassFilters(input, nodes, check, diagnosis, rec);
  const nextStartIndex = nodes.length === 0 ? 0 : (input.startIndex + feasible.processed) % nodes.length;
  if (feasible.nodes.length === 0) return fail(nextStartIndex);
  if (feasible.nodes.length === 1) {
    rec.scoringSkipped = 'only one feasible node';
    rec.winner = nameOf(feasible.nodes[0] as NodeInfo);
    return {
      kind: 'scheduled',
      node: nameOf(feasible.nodes[0] as NodeInfo),
      state,
      nextStartIndex,
      record: rec,
    };
  }
  const node = scoreFeasibleNodes(input, state, feasible.nodes, rec);
  return { kind: 'scheduled', node, state, nextStartIndex, record: rec };
}

/** walks nodes from startIndex until numFeasibleNodesToFind pass (findNodesThatPassFilters) */
function findNodesThatPassFilters(
  input: CycleInput,
  nodes: readonly NodeInfo[],
  check: (ni: NodeInfo) => PluginStatus,
  diagnosis: Diagnosis,
  rec: AttemptRecord,
): { nodes: NodeInfo[]; processed: number } {
  const pct = input.profile.percentageOfNodesToScore ?? input.percentageOfNodesToScore;
  const toFind = numFeasibleNodesToFind(pct, nodes.length);
  rec.numNodesToFind = toFind;
  const out: NodeInfo[] = [];
  let processed = 0;
  for (let i = 0; i < nodes.length && out.length < toFind; i++) {
    const ni = nodes[(input.startIndex + i) % nodes.length] as NodeInfo;
    processed++;
    const st = check(ni);
    if (st.code === 'Success') out.push(ni);
    else diagnosis.nodeToStatus.set(nameOf(ni), st);
  }
  return { nodes: out, processed };
}
