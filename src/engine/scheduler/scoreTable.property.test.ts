// Property test: the score rows built lazily from a ScoreTable, and the host picked from its totals, equal what
// building every row eagerly (the former per-cycle computation) and selecting over those rows give.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AttemptRecord, ScoreCell, ScoreRow } from './explanations';
import { createRng } from '../sim/rng';
import { LazyScoresRecord, recordScoreTable, type ScoreTable } from './scoreTable';
import { selectHost } from './framework/scoring';

/** the eager rows: one cell per (node, plugin), equal neighbours sharing nothing (content is what matters) */
function eagerRows(t: ScoreTable, weights: number[]): ScoreRow[] {
  const n = t.names.length;
  return t.names.map((node, i) => {
    let total = 0;
    const plugins: (ScoreCell | undefined)[] = t.ran.map((ran, j) => {
      if (!ran) return undefined;
      const normalized = t.normalized[j * n + i] as number;
      const weighted = normalized * (weights[j] as number);
      total += weighted;
      return { raw: t.raw[j * n + i] as number, normalized, weighted };
    });
    const extender = t.extender?.[i] ?? 0;
    return { node, plugins, extender, total: total + extender };
  });
}

/** selectHost as written over rows, before totals were kept in arrays */
function eagerSelect(rows: ScoreRow[], seed: number): { winner: string; tied: string[] } {
  const rng = createRng(seed);
  let best = rows[0] as ScoreRow;
  let selected = best.node;
  let count = 1;
  const tied = [best.node];
  for (const r of rows.slice(1)) {
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
  return { winner: selected, tied };
}

const tableArb = fc
  .record({ n: fc.integer({ min: 1, max: 8 }), plugins: fc.integer({ min: 0, max: 4 }), ext: fc.boolean() })
  .chain(({ n, plugins, ext }) =>
    fc.record({
      names: fc.constant(Array.from({ length: n }, (_, i) => `node-${i}`)),
      ran: fc.array(fc.boolean(), { minLength: plugins, maxLength: plugins }),
      weights: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: plugins, maxLength: plugins }),
      raw: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n * plugins, maxLength: n * plugins }),
      normalized: fc.array(fc.integer({ min: 0, max: 3 }), {
        minLength: n * plugins,
        maxLength: n * plugins,
      }),
      extender: ext
        ? fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n })
        : fc.constant(undefined),
      seed: fc.integer({ min: 0, max: 1000 }),
    }),
  );

describe('ScoreTable', () => {
  it('lazy rows and the selected host equal the eager computation', () => {
    fc.assert(
      fc.property(tableArb, (g) => {
        const n = g.names.length;
        const totals = new Float64Array(n);
        g.names.forEach((_, i) => {
          g.ran.forEach((ran, j) => {
            if (ran)
              totals[i] =
                (totals[i] as number) + (g.normalized[j * n + i] as number) * (g.weights[j] as number);
          });
          totals[i] = (totals[i] as number) + (g.extender?.[i] ?? 0);
        });
        const t: ScoreTable = {
          names: g.names,
          ran: g.ran,
          raw: Float64Array.from(g.raw),
          normalized: Float64Array.from(g.normalized),
          totals,
          extender: g.extender ? Float64Array.from(g.extender) : undefined,
        };
        const rec = new LazyScoresRecord() as LazyScoresRecord & AttemptRecord;
        rec.scorePlugins = g.ran.map((ran, j) => ({
          name: `p${j}`,
          weight: g.weights[j] as number,
          skipped: !ran,
        }));
        recordScoreTable(rec, t);
        const want = eagerRows(t, g.weights);
        expect(rec.scores).toEqual(want);
        const eager = eagerSelect(want, g.seed);
        const picked = selectHost(
          g.names.map((node, i) => ({ node, total: totals[i] as number })),
          createRng(g.seed),
          rec,
        );
        expect(picked).toBe(eager.winner);
        expect(rec.tie?.candidates ?? [eager.winner]).toEqual(eager.tied);
      }),
      { numRuns: 300 },
    );
  });
});
