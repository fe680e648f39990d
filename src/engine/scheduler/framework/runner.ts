// One scheduling cycle for one pod: PreFilter -> Filter (numFeasibleNodesToFind from a rotating start index) ->
// PreScore -> Score -> NormalizeScore -> weights (+ extenders) -> selectHost. Records every verdict for `sim explain`.
// mirrors pkg/scheduler/schedule_one.go schedulePod, findNodesThatPassFilters, prioritizeNodes, selectHost.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Rng } from '../../sim/types';
import type {
  CycleState,
  FilterPlugin,
  NodeInfo,
  PluginContext,
  PluginStatus,
  SnapshotLister,
} from './types';
import { success } from './types';
import type { Profile } from '../profile';
import type { AttemptRecord, FilterVerdict } from '../explanations';
import type { Diagnosis } from './fitError';
import { statusMessage } from './fitError';
import { absentNodesStatus, runPreFilterPlugins } from './preFilter';
import { setAbsentVerdicts } from '../explanations';
import { scoreFeasibleNodes } from './scoring';
import { LazyScoresRecord } from '../scoreTable';

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
  return SUCCESS;
}

const SUCCESS: PluginStatus = success();

/** runFilters over the filters left after PreFilter (the Skip'd ones removed once per cycle, not per node) */
function runActiveFilters(
  filters: readonly FilterPlugin[],
  state: CycleState,
  pod: Pod,
  ni: NodeInfo,
  ctx: PluginContext,
): PluginStatus {
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i] as FilterPlugin;
    const st = f.filter(state, pod, ni, ctx);
    if (st.code !== 'Success' && st.code !== 'Skip') return st.plugin ? st : { ...st, plugin: f.name };
  }
  return SUCCESS;
}

export function newRecord(input: CycleInput, nodeNames: readonly string[]): AttemptRecord {
  const fields: Omit<AttemptRecord, 'scores' | 'scorePlugins'> = {
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
    extenders: input.profile.extenders.map((e) => ({ name: e.urlPrefix, weight: e.weight })),
    result: 'Unschedulable',
    message: '',
  };
  // scores are kept as numbers and turned into rows only when read (`sim explain`)
  return Object.assign(new LazyScoresRecord(), fields);
}

/** one cycle's filtering context (plain fields instead of closures: this runs for every node of every pod) */
interface FilterRun {
  input: CycleInput;
  state: CycleState;
  filters: readonly FilterPlugin[];
  rec: AttemptRecord;
}

/** the verdict a node that passes gets: one frozen object per node name (verdicts are never changed) */
const passedVerdicts = new Map<string, FilterVerdict>();
function passedVerdict(node: string): FilterVerdict {
  let v = passedVerdicts.get(node);
  if (v === undefined) {
    v = Object.freeze({ node, result: 'passed' }) as FilterVerdict;
    if (passedVerdicts.size > 100_000) passedVerdicts.clear();
    passedVerdicts.set(node, v);
  }
  return v;
}

/** filters one node (with its nominated pods) and records the verdict */
function check(run: FilterRun, ni: NodeInfo): PluginStatus {
  const { input } = run;
  const view = input.withNominated ? input.withNominated(ni, input.pod) : ni;
  const st = runActiveFilters(run.filters, run.state, input.pod, view, input.ctx);
  const node = nameOf(ni);
  run.rec.filters.push(
    st.code === 'Success'
      ? passedVerdict(node)
      : { node, result: 'failed', plugin: st.plugin, code: st.code, reasons: st.reasons },
  );
  return st;
}

function unschedulableResult(
  diagnosis: Diagnosis,
  state: CycleState,
  nextStartIndex: number,
  rec: AttemptRecord,
): CycleResult {
  return { kind: 'unschedulable', diagnosis, state, nextStartIndex, record: rec };
}

/** a profile's filter list -> (its length, skipped names) -> the filters without them (the same few every cycle) */
const activeFiltersMemo = new WeakMap<readonly FilterPlugin[], Map<string, readonly FilterPlugin[]>>();

export function activeFilters(profile: Profile, skip: ReadonlySet<string>): readonly FilterPlugin[] {
  let key = `${profile.filter.length}`;
  for (const name of skip) key += '\u0000' + name;
  let byKey = activeFiltersMemo.get(profile.filter);
  if (byKey === undefined) activeFiltersMemo.set(profile.filter, (byKey = new Map()));
  let out = byKey.get(key);
  if (out === undefined) byKey.set(key, (out = profile.filter.filter((f) => !skip.has(f.name))));
  return out;
}

export function schedulePod(input: CycleInput): CycleResult {
  const { profile, pod, snapshot } = input;
  const state: CycleState = new Map();
  const nodes = snapshot.list();
  const rec = newRecord(input, input.nodeNames ?? nodes.map(nameOf));
  const diagnosis: Diagnosis = { nodeToStatus: new Map() };
  const pre = runPreFilterPlugins(profile.preFilter, state, pod, input.ctx, rec);
  if (pre.rejection) {
    // every node gets the same status, so that preemption can handle them (SetAbsentNodesStatus)
    diagnosis.preFilterMsg = statusMessage(pre.rejection);
    diagnosis.absentStatus = pre.rejection;
    return unschedulableResult(diagnosis, state, input.startIndex, rec);
  }
  const skip = pre.skip;
  const filters = skip.size === 0 ? profile.filter : activeFilters(profile, skip);
  const run: FilterRun = { input, state, filters, rec };
  // evaluateNominatedNode: a pod that preempted tries its nominated node first
  const nominated = pod.status?.nominatedNodeName;
  const nomInfo = nominated ? snapshot.get(nominated) : undefined;
  if (nominated && nomInfo) {
    rec.nominatedNode = nominated;
    const st = check(run, nomInfo);
    if (st.code === 'Success') {
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
    diagnosis.nodeToStatus.set(nominated, st);
    // the walk below evaluates it again unless a PreFilterResult leaves it out
    if (pre.nodeNames === undefined || pre.nodeNames.has(nominated)) rec.filters.pop();
  }
  const candidates = pre.nodeNames === undefined ? nodes : narrowedNodes(snapshot, pre.nodeNames);
  const feasible = findNodesThatPassFilters(run, candidates, diagnosis);
  if (pre.nodeNames !== undefined) {
    diagnosis.absentStatus = absentNodesStatus(pre.pluginsWithNodes);
    setAbsentVerdicts(rec, diagnosis.absentStatus);
  }
  // the start index advances over all nodes, whatever list was walked
  const nextStartIndex = nodes.length === 0 ? 0 : (input.startIndex + feasible.processed) % nodes.length;
  if (feasible.nodes.length === 0) return unschedulableResult(diagnosis, state, nextStartIndex, rec);
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

/**
 * the PreFilterResult's nodes that exist in the snapshot, in the result's order (Go ranges over a set; any fixed
 * order will do, and this one costs nothing per node left out)
 */
function narrowedNodes(snapshot: SnapshotLister, names: ReadonlySet<string>): NodeInfo[] {
  const out: NodeInfo[] = [];
  for (const name of names) {
    const ni = snapshot.get(name);
    if (ni) out.push(ni);
  }
  return out;
}

/** walks nodes (all, or a PreFilterResult's) from startIndex until numFeasibleNodesToFind pass (findNodesThatPassFilters) */
function findNodesThatPassFilters(
  run: FilterRun,
  nodes: readonly NodeInfo[],
  diagnosis: Diagnosis,
): { nodes: NodeInfo[]; processed: number } {
  const { input, rec } = run;
  const pct = input.profile.percentageOfNodesToScore ?? input.percentageOfNodesToScore;
  const toFind = numFeasibleNodesToFind(pct, nodes.length);
  rec.numNodesToFind = toFind;
  const out: NodeInfo[] = [];
  let processed = 0;
  const n = nodes.length;
  for (let i = 0; i < n && out.length < toFind; i++) {
    const ni = nodes[(input.startIndex + i) % n] as NodeInfo;
    processed++;
    const st = check(run, ni);
    if (st.code === 'Success') out.push(ni);
    else diagnosis.nodeToStatus.set(nameOf(ni), st);
  }
  return { nodes: out, processed };
}
