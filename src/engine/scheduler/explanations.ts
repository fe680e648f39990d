// Scheduling-attempt records for `sim explain` and the UI: per node filter verdicts, per plugin scores, the winner.
// Bounded: the last MAX_ATTEMPTS attempts per pod, for the MAX_PODS most recently attempted pods of a cluster.
import type { StatusCode } from './framework/types';

export interface FilterVerdict {
  node: string;
  result: 'passed' | 'failed';
  plugin?: string;
  code?: StatusCode;
  reasons?: readonly string[];
}

export interface ScoreCell {
  raw: number;
  normalized: number;
  weighted: number;
}

export interface ScoreRow {
  node: string;
  /** one cell per entry of AttemptRecord.scorePlugins (undefined when the plugin was skipped) */
  plugins: (ScoreCell | undefined)[];
  /** Σ extender score x weight x (MaxNodeScore / MaxExtenderPriority) */
  extender: number;
  total: number;
}

export interface PreemptionRecord {
  nominatedNode?: string;
  victims: string[];
  /** the PostFilter message (empty when preemption found a node) */
  message: string;
}

export interface AttemptRecord {
  attempt: number;
  timeMs: number;
  podUid: string;
  profile: string;
  numAllNodes: number;
  numNodesToFind: number;
  startIndex: number;
  /** every node in filter order at the time (nodes without a verdict were not evaluated) */
  nodeNames: readonly string[];
  preFilter: { plugin: string; code: StatusCode; reasons: readonly string[] }[];
  /** the pod's status.nominatedNodeName, evaluated before all other nodes */
  nominatedNode?: string;
  filters: FilterVerdict[];
  /**
   * the verdict of every node a PreFilterResult left out (never filtered): `filters` lists these nodes too, built
   * on first read so a 5,000-node cycle pinned to one node does not allocate 5,000 verdicts
   */
  absent?: { plugin?: string; code: StatusCode; reasons: readonly string[] };
  scorePlugins: { name: string; weight: number; skipped: boolean }[];
  extenders: { name: string; weight: number }[];
  scores: ScoreRow[];
  /** why scoring did not run ('only one feasible node', 'nominated node fits') */
  scoringSkipped?: string;
  winner?: string;
  /** nodes that shared the top score, when the seeded rng had to pick one (selectHost reservoir sampling) */
  tie?: { candidates: string[]; chosen: string };
  result: 'Scheduled' | 'Unschedulable' | 'Error';
  message: string;
  preemption?: PreemptionRecord;
  /** filled when the binding finished */
  binding?: { ok: boolean; message: string };
}

/**
 * Sets rec.absent and makes rec.filters also list every node of rec.nodeNames without a verdict of its own, with
 * the absent verdict (as if each had been filtered). Call once the cycle has pushed its last verdict.
 */
export function setAbsentVerdicts(rec: AttemptRecord, absent: NonNullable<AttemptRecord['absent']>): void {
  rec.absent = absent;
  const explicit = rec.filters;
  let all: FilterVerdict[] | undefined;
  Object.defineProperty(rec, 'filters', {
    enumerable: true,
    configurable: true,
    get(): FilterVerdict[] {
      if (all === undefined) {
        const seen = new Set(explicit.map((v) => v.node));
        all = [...explicit];
        for (const node of rec.nodeNames)
          if (!seen.has(node)) all.push({ node, result: 'failed', ...absent });
      }
      return all;
    },
    set(v: FilterVerdict[]) {
      all = v;
    },
  });
}

export const MAX_ATTEMPTS = 5;
export const MAX_PODS = 2000;

export class ExplanationStore {
  private readonly byPod = new Map<string, AttemptRecord[]>();

  add(podKey: string, rec: AttemptRecord): void {
    let list = this.byPod.get(podKey);
    // a pod recreated under the same name starts a fresh history
    if (list && list[0]?.podUid !== rec.podUid) list = undefined;
    this.byPod.delete(podKey);
    list = list ?? [];
    list.push(rec);
    if (list.length > MAX_ATTEMPTS) list.splice(0, list.length - MAX_ATTEMPTS);
    this.byPod.set(podKey, list);
    if (this.byPod.size > MAX_PODS) {
      const oldest = this.byPod.keys().next().value;
      if (oldest !== undefined) this.byPod.delete(oldest);
    }
  }

  get(podKey: string): readonly AttemptRecord[] {
    return this.byPod.get(podKey) ?? [];
  }

  latest(podKey: string): AttemptRecord | undefined {
    const l = this.byPod.get(podKey);
    return l?.[l.length - 1];
  }
}

const stores = new WeakMap<object, ExplanationStore>();

/** the explanation store of one cluster runtime (shared by the scheduler, `sim explain` and the UI) */
export function explanationStoreFor(rt: object): ExplanationStore {
  let s = stores.get(rt);
  if (!s) stores.set(rt, (s = new ExplanationStore()));
  return s;
}

/** explanations of a pod ('namespace/name') in a cluster, oldest attempt first */
export function getExplanations(rt: object, podKey: string): readonly AttemptRecord[] {
  return stores.get(rt)?.get(podKey) ?? [];
}
