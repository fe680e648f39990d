// The numbers of one scoring run kept as flat arrays; AttemptRecord.scores (the rows `sim explain` prints) is built
// from them on first read, so the thousands of cycles nobody explains allocate no per-node rows.
import type { AttemptRecord, ScoreCell, ScoreRow } from './explanations';

export interface ScoreTable {
  /** feasible node names, in scoring order */
  names: readonly string[];
  /** per score plugin (AttemptRecord.scorePlugins order): false when its PreScore returned Skip */
  ran: readonly boolean[];
  /** [plugin * names.length + node]: the plugin's raw Score and its normalized score */
  raw: ArrayLike<number>;
  normalized: ArrayLike<number>;
  /** Σ weighted scores + extender contributions, per node */
  totals: ArrayLike<number>;
  /** Σ extender contributions per node (undefined when the profile has no extenders) */
  extender: ArrayLike<number> | undefined;
}

/** the rows of a score table; a node whose numbers equal the previous node's shares its (read-only) cell */
export function scoreRows(t: ScoreTable, weights: readonly number[]): ScoreRow[] {
  const n = t.names.length;
  const numPlugins = t.ran.length;
  const rows: ScoreRow[] = new Array<ScoreRow>(n);
  for (let i = 0; i < n; i++) {
    rows[i] = {
      node: t.names[i] as string,
      plugins: new Array<ScoreCell | undefined>(numPlugins),
      extender: t.extender === undefined ? 0 : (t.extender[i] as number),
      total: t.totals[i] as number,
    };
  }
  for (let j = 0; j < numPlugins; j++) {
    const ran = t.ran[j] === true;
    const weight = weights[j] as number;
    let prev: ScoreCell | undefined;
    for (let i = 0; i < n; i++) {
      const row = rows[i] as ScoreRow;
      if (!ran) {
        row.plugins[j] = undefined;
        continue;
      }
      const r = t.raw[j * n + i] as number;
      const normalized = t.normalized[j * n + i] as number;
      const weighted = normalized * weight;
      if (
        prev === undefined ||
        prev.raw !== r ||
        prev.normalized !== normalized ||
        prev.weighted !== weighted
      )
        prev = { raw: r, normalized, weighted };
      row.plugins[j] = prev;
    }
  }
  return rows;
}

/**
 * an AttemptRecord whose `scores` rows are built from a ScoreTable on first read (a prototype accessor: the record
 * stays a fast object, unlike one given an own accessor property per cycle)
 */
export class LazyScoresRecord {
  private table: ScoreTable | undefined;
  private rows: ScoreRow[] = [];
  scorePlugins: AttemptRecord['scorePlugins'] = [];

  get scores(): ScoreRow[] {
    const t = this.table;
    if (t !== undefined) {
      this.table = undefined;
      this.rows = scoreRows(
        t,
        this.scorePlugins.map((p) => p.weight),
      );
    }
    return this.rows;
  }

  set scores(rows: ScoreRow[]) {
    this.table = undefined;
    this.rows = rows;
  }

  /** the rows of `t` become `scores` (scorePlugins must list the plugins by then) */
  setScoreTable(t: ScoreTable): void {
    this.table = t;
  }
}

/** rec.scores become the rows of `t`: built on first read for a LazyScoresRecord, now for any other record */
export function recordScoreTable(rec: AttemptRecord, t: ScoreTable): void {
  if (rec instanceof LazyScoresRecord) rec.setScoreTable(t);
  else
    rec.scores = scoreRows(
      t,
      rec.scorePlugins.map((p) => p.weight),
    );
}
