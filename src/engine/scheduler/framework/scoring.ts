// PreScore -> Score -> NormalizeScore -> weight -> Σ (+ extenders) -> selectHost, with every number recorded.
// mirrors pkg/scheduler/schedule_one.go prioritizeNodes / selectHost and framework/runtime RunScorePlugins.
import type { Rng } from '../../sim/types';
import type { CycleState, NodeInfo, NodeScore } from './types';
import type { AttemptRecord } from '../explanations';
import type { ScorePluginEntry } from '../profile';
import type { CycleInput } from './runner';
import { extenderContribution } from '../extenders';
import { recordScoreTable } from '../scoreTable';

const nameOf = (ni: NodeInfo): string => ni.node.metadata?.name ?? '';

/**
 * one NodeScore per node, reused by every plugin of every cycle: plugins only see them during their own
 * Score/NormalizeScore call, and scoring never runs inside another scoring
 */
let scratch: NodeScore[] = [];
function nodeScores(feasible: readonly NodeInfo[]): NodeScore[] {
  const n = feasible.length;
  if (scratch.length !== n) {
    const next = scratch.slice(0, n);
    for (let i = next.length; i < n; i++) next.push({ name: '', score: 0 });
    scratch = next;
  }
  for (let i = 0; i < n; i++) (scratch[i] as NodeScore).name = nameOf(feasible[i] as NodeInfo);
  return scratch;
}

/**
 * n zeros in one allocation, written by a plain loop (growing by push, Array.prototype.fill on a fresh array, or a
 * typed array's off-heap buffer all cost more per cycle)
 */
function zeros(n: number): number[] {
  const a = new Array<number>(n);
  for (let i = 0; i < n; i++) a[i] = 0;
  return a;
}

/** runs PreScore; the names of the plugins that returned Skip (undefined when none did) */
function runPreScore(
  input: CycleInput,
  state: CycleState,
  feasible: readonly NodeInfo[],
): Set<string> | undefined {
  let skipScore: Set<string> | undefined;
  for (const p of input.profile.preScore) {
    const st = p.preScore(state, input.pod, feasible, input.ctx);
    if (st.code === 'Skip') (skipScore ??= new Set<string>()).add(p.name);
  }
  return skipScore;
}

/** scores feasible nodes into rec.scores and returns the selected host */
export function scoreFeasibleNodes(
  input: CycleInput,
  state: CycleState,
  feasible: readonly NodeInfo[],
  rec: AttemptRecord,
): string {
  const { profile, pod, ctx } = input;
  const skipScore = runPreScore(input, state, feasible);
  // plain loops over numbers: this runs for every feasible node (hundreds) of every pod; the rows `sim explain`
  // shows are built from these arrays only when read
  const n = feasible.length;
  const scores = nodeScores(feasible);
  const names: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) names[i] = (scores[i] as NodeScore).name;
  const numPlugins = profile.score.length;
  const raw = zeros(numPlugins * n);
  const normalized = zeros(numPlugins * n);
  const totals = zeros(n);
  const ran: boolean[] = new Array<boolean>(numPlugins);
  for (let j = 0; j < numPlugins; j++) {
    const { plugin, weight } = profile.score[j] as ScorePluginEntry;
    const skipped = skipScore !== undefined && skipScore.has(plugin.name);
    rec.scorePlugins.push({ name: plugin.name, weight, skipped });
    ran[j] = !skipped;
    if (skipped) continue;
    const base = j * n;
    for (let i = 0; i < n; i++) {
      const score = plugin.score(state, pod, feasible[i] as NodeInfo, ctx);
      raw[base + i] = score;
      (scores[i] as NodeScore).score = score;
    }
    if (plugin.normalizeScore !== undefined) plugin.normalizeScore(state, pod, scores, ctx);
    for (let i = 0; i < n; i++) {
      const s = (scores[i] as NodeScore).score;
      normalized[base + i] = s;
      totals[i] = (totals[i] as number) + s * weight;
    }
  }
  let extender: number[] | undefined;
  if (profile.extenders.length > 0) {
    extender = zeros(n);
    for (const ext of profile.extenders) {
      for (let i = 0; i < n; i++) {
        const c = extenderContribution(ext, (feasible[i] as NodeInfo).node);
        extender[i] = (extender[i] as number) + c;
        totals[i] = (totals[i] as number) + c;
      }
    }
  }
  recordScoreTable(rec, { names, ran, raw, normalized, totals, extender });
  return selectFrom(names, totals, input.rng, rec);
}

/** highest total wins; ties are broken by reservoir sampling with the seeded rng (selectHost) */
export function selectHost(
  rows: readonly { node: string; total: number }[],
  rng: Rng,
  rec?: AttemptRecord,
): string {
  return selectFrom(
    rows.map((r) => r.node),
    rows.map((r) => r.total),
    rng,
    rec,
  );
}

function selectFrom(
  names: readonly string[],
  totals: ArrayLike<number>,
  rng: Rng,
  rec: AttemptRecord | undefined,
): string {
  const n = names.length;
  if (n === 0) throw new Error('empty priority list');
  let best = totals[0] as number;
  let selected = 0;
  let count = 1;
  let firstTied = 0;
  for (let i = 1; i < n; i++) {
    const t = totals[i] as number;
    if (t > best) {
      best = t;
      selected = i;
      count = 1;
      firstTied = i;
    } else if (t === best) {
      count++;
      if (rng.int(0, count - 1) === 0) selected = i;
    }
  }
  const winner = names[selected] as string;
  if (rec) {
    rec.winner = winner;
    if (count > 1) {
      // the nodes tied at the top are those from the last new maximum on that equal it
      const candidates: string[] = [];
      for (let i = firstTied; i < n; i++) if (totals[i] === best) candidates.push(names[i] as string);
      rec.tie = { candidates, chosen: winner };
    }
  }
  return winner;
}
