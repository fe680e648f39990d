// PreScore -> Score -> NormalizeScore -> weight -> Σ (+ extenders) -> selectHost, with every number recorded.
// mirrors pkg/scheduler/schedule_one.go prioritizeNodes / selectHost and framework/runtime RunScorePlugins.
import type { Rng } from '../../sim/types';
import type { CycleState, NodeInfo, NodeScore } from './types';
import type { AttemptRecord, ScoreCell, ScoreRow } from '../explanations';
import type { ScorePluginEntry } from '../profile';
import type { CycleInput } from './runner';
import { extenderContribution } from '../extenders';

const nameOf = (ni: NodeInfo): string => ni.node.metadata?.name ?? '';

/** scores feasible nodes into rec.scores and returns the selected host */
export function scoreFeasibleNodes(
  input: CycleInput,
  state: CycleState,
  feasible: readonly NodeInfo[],
  rec: AttemptRecord,
): string {
  const { profile, pod, ctx } = input;
  let skipScore: Set<string> | undefined;
  for (const p of profile.preScore) {
    const st = p.preScore(state, pod, feasible, ctx);
    if (st.code === 'Skip') (skipScore ??= new Set<string>()).add(p.name);
  }
  // plain loops: this runs for every feasible node (hundreds) of every pod
  const n = feasible.length;
  const rows: ScoreRow[] = new Array<ScoreRow>(n);
  // one NodeScore per node, reused by every plugin (plugins only see them during their own Score/Normalize)
  const scores: NodeScore[] = new Array<NodeScore>(n);
  const numPlugins = profile.score.length;
  for (let i = 0; i < n; i++) {
    const name = nameOf(feasible[i] as NodeInfo);
    rows[i] = { node: name, plugins: new Array<ScoreCell | undefined>(numPlugins), extender: 0, total: 0 };
    scores[i] = { name, score: 0 };
  }
  const raw: number[] = new Array<number>(n);
  for (let j = 0; j < numPlugins; j++) {
    const { plugin, weight } = profile.score[j] as ScorePluginEntry;
    const skipped = skipScore !== undefined && skipScore.has(plugin.name);
    rec.scorePlugins.push({ name: plugin.name, weight, skipped });
    if (skipped) {
      for (let i = 0; i < n; i++) (rows[i] as ScoreRow).plugins[j] = undefined;
      continue;
    }
    for (let i = 0; i < n; i++) {
      const score = plugin.score(state, pod, feasible[i] as NodeInfo, ctx);
      raw[i] = score;
      (scores[i] as NodeScore).score = score;
    }
    if (plugin.normalizeScore !== undefined) plugin.normalizeScore(state, pod, scores, ctx);
    // cells are read-only records: a node whose numbers equal the previous node's shares its cell
    let prev: ScoreCell | undefined;
    for (let i = 0; i < n; i++) {
      const normalized = (scores[i] as NodeScore).score;
      const weighted = normalized * weight;
      const r = raw[i] as number;
      if (
        prev === undefined ||
        prev.raw !== r ||
        prev.normalized !== normalized ||
        prev.weighted !== weighted
      )
        prev = { raw: r, normalized, weighted };
      const row = rows[i] as ScoreRow;
      row.plugins[j] = prev;
      row.total += weighted;
    }
  }
  for (const ext of profile.extenders) {
    for (let i = 0; i < n; i++) {
      const c = extenderContribution(ext, (feasible[i] as NodeInfo).node);
      const row = rows[i] as ScoreRow;
      row.extender += c;
      row.total += c;
    }
  }
  rec.scores = rows;
  return selectHost(rows, input.rng, rec);
}

/** highest total wins; ties are broken by reservoir sampling with the seeded rng (selectHost) */
export function selectHost(
  rows: readonly { node: string; total: number }[],
  rng: Rng,
  rec?: AttemptRecord,
): string {
  let best = rows[0];
  if (!best) throw new Error('empty priority list');
  let selected = best.node;
  let count = 1;
  const tied: string[] = [best.node];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i] as { node: string; total: number };
    if (r.total > best.total) {
      best = r;
      selected = r.node;
      count = 1;
      tied.length = 0;
      tied.push(r.node);
    } else if (r.total === best.total) {
      count++;
      tied.push(r.node);
      if (rng.int(0, count - 1) === 0) selected = r.node;
    }
  }
  if (rec) {
    rec.winner = selected;
    if (tied.length > 1) rec.tie = { candidates: [...tied], chosen: selected };
  }
  return selected;
}
