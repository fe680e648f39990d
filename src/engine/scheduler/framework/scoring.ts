// PreScore -> Score -> NormalizeScore -> weight -> Σ (+ extenders) -> selectHost, with every number recorded.
// mirrors pkg/scheduler/schedule_one.go prioritizeNodes / selectHost and framework/runtime RunScorePlugins.
import type { Rng } from '../../sim/types';
import type { CycleState, NodeInfo, NodeScore } from './types';
import type { AttemptRecord, ScoreCell, ScoreRow } from '../explanations';
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
  const skipScore = new Set<string>();
  for (const p of profile.preScore) {
    const st = p.preScore(state, pod, feasible, ctx);
    if (st.code === 'Skip') skipScore.add(p.name);
  }
  // plain loops: this runs for every feasible node (hundreds) of every pod
  const n = feasible.length;
  const rows: ScoreRow[] = new Array<ScoreRow>(n);
  const names: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const name = nameOf(feasible[i] as NodeInfo);
    names[i] = name;
    rows[i] = { node: name, plugins: [], extender: 0, total: 0 };
  }
  const raw: number[] = new Array<number>(n);
  for (const { plugin, weight } of profile.score) {
    const skipped = skipScore.has(plugin.name);
    rec.scorePlugins.push({ name: plugin.name, weight, skipped });
    if (skipped) {
      for (let i = 0; i < n; i++) (rows[i] as ScoreRow).plugins.push(undefined);
      continue;
    }
    const scores: NodeScore[] = new Array<NodeScore>(n);
    for (let i = 0; i < n; i++) {
      const score = plugin.score(state, pod, feasible[i] as NodeInfo, ctx);
      raw[i] = score;
      scores[i] = { name: names[i] as string, score };
    }
    plugin.normalizeScore?.(state, pod, scores, ctx);
    for (let i = 0; i < n; i++) {
      const normalized = (scores[i] as NodeScore).score;
      const cell: ScoreCell = { raw: raw[i] as number, normalized, weighted: normalized * weight };
      const row = rows[i] as ScoreRow;
      row.plugins.push(cell);
      row.total += cell.weighted;
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
