// Label index of one key directory (one namespace of one resource): label key -> value -> keys. A selector's most
// selective equality/`in` requirement picks the candidates; selector.matches() still decides.
import type { Selector } from '../labels/types';

type Labels = Readonly<Record<string, string>> | undefined;

export class LabelIndex {
  private byLabel = new Map<string, Map<string, Set<string>>>();
  /** keys in this directory (labelled or not) */
  size = 0;

  add(key: string, labels: Labels): void {
    this.size++;
    if (!labels) return;
    for (const k in labels) {
      const v = labels[k] as string;
      let values = this.byLabel.get(k);
      if (!values) this.byLabel.set(k, (values = new Map()));
      let keys = values.get(v);
      if (!keys) values.set(v, (keys = new Set()));
      keys.add(key);
    }
  }

  remove(key: string, labels: Labels): void {
    this.size--;
    if (!labels) return;
    for (const k in labels) {
      const v = labels[k] as string;
      const values = this.byLabel.get(k);
      const keys = values?.get(v);
      if (!values || !keys) continue;
      keys.delete(key);
      if (keys.size === 0) values.delete(v);
      if (values.size === 0) this.byLabel.delete(k);
    }
  }

  /**
   * Candidate key sets (disjoint) for the selector's most selective `=`, `==` or `in` requirement, or undefined
   * when no requirement can use the index or the best one is no better than a scan of the directory.
   */
  candidates(selector: Selector): Set<string>[] | undefined {
    let best: Set<string>[] | undefined;
    let bestSize = Infinity;
    for (const r of selector.requirements) {
      if (r.operator !== '=' && r.operator !== '==' && r.operator !== 'in') continue;
      const values = this.byLabel.get(r.key);
      const sets: Set<string>[] = [];
      let total = 0;
      for (const v of r.values) {
        const keys = values?.get(v);
        if (keys) {
          sets.push(keys);
          total += keys.size;
        }
      }
      if (total < bestSize) {
        best = sets;
        bestSize = total;
      }
    }
    if (best === undefined || (bestSize >= this.size && this.size > 0)) return undefined;
    return best;
  }
}
