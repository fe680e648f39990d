// Indexes over the live keys, per directory (one namespace of one plural, or a cluster-scoped plural): a key set sorted
// when read (a list sorts only its own directories' new keys) and a label index, so selector lists visit candidates,
// not every key. A list over several directories merges their sorted keys.
import type { Selector } from '../labels/types';
import { LabelIndex } from './labelIndex';
import { SortedKeySet, lowerBound } from './sortedKeySet';
import { sameLabels } from '../labels/sameLabels';
import { locateKey, scopeOfPrefix } from './keyspace';
import { REGISTRY_ROOT } from './keys';

type Labels = Readonly<Record<string, string>> | undefined;

/** one directory's keys: in key order when read, and by label */
interface DirIndex {
  readonly keys: SortedKeySet;
  readonly labels: LabelIndex;
}

/** a directory's keys from a start index on, for the merge of several directories */
interface Cursor {
  readonly keys: readonly string[];
  i: number;
}

export class KeyIndex {
  private dirs = new Map<string, DirIndex>();
  private dirsByPlural = new Map<string, Set<string>>();

  add(key: string, labels: Labels): void {
    const { plural, dir } = locateKey(key);
    let d = this.dirs.get(dir);
    if (!d) {
      this.dirs.set(dir, (d = { keys: new SortedKeySet(), labels: new LabelIndex() }));
      let dirs = this.dirsByPlural.get(plural);
      if (!dirs) this.dirsByPlural.set(plural, (dirs = new Set()));
      dirs.add(dir);
    }
    d.keys.add(key);
    d.labels.add(key, labels);
  }

  remove(key: string, labels: Labels): void {
    const { plural, dir } = locateKey(key);
    const d = this.dirs.get(dir);
    if (!d) return;
    d.keys.delete(key);
    d.labels.remove(key, labels);
    if (d.labels.size === 0) {
      this.dirs.delete(dir);
      this.dirsByPlural.get(plural)?.delete(dir);
    }
  }

  relabel(key: string, before: Labels, after: Labels): void {
    if (sameLabels(before, after)) return;
    const idx = this.dirs.get(locateKey(key).dir)?.labels;
    idx?.remove(key, before);
    idx?.add(key, after);
  }

  /** live keys starting with prefix, sorted, greater than `after`, at most `max` */
  keysWithPrefix(prefix: string, after?: string, max = Infinity): string[] {
    const out: string[] = [];
    if (max <= 0) return out;
    const start = after !== undefined && after >= prefix ? after : prefix;
    const cursors: Cursor[] = [];
    for (const dir of this.dirsUnder(prefix)) {
      const keys = (this.dirs.get(dir) as DirIndex).keys.keys();
      let i = lowerBound(keys, start);
      if (after !== undefined && keys[i] === after) i++;
      if (i < keys.length && (keys[i] as string).startsWith(prefix)) cursors.push({ keys, i });
    }
    // each directory's matching keys are one run from its cursor on: merge the runs in key order
    while (cursors.length > 0) {
      let min = 0;
      for (let c = 1; c < cursors.length; c++) {
        const a = cursors[c] as Cursor;
        const b = cursors[min] as Cursor;
        if ((a.keys[a.i] as string) < (b.keys[b.i] as string)) min = c;
      }
      const cur = cursors[min] as Cursor;
      if (out.push(cur.keys[cur.i++] as string) >= max) break;
      if (cur.i >= cur.keys.length || !(cur.keys[cur.i] as string).startsWith(prefix)) cursors.splice(min, 1);
    }
    return out;
  }

  /** live keys under prefix (greater than `after`) whose labels the selector matches, sorted */
  keysMatching(
    prefix: string,
    selector: Selector,
    labelsOf: (key: string) => Labels,
    after?: string,
  ): string[] {
    const out: string[] = [];
    const accept = (key: string): boolean =>
      key.startsWith(prefix) && (after === undefined || key > after) && selector.matches(labelsOf(key));
    for (const dir of this.dirsUnder(prefix)) {
      const d = this.dirs.get(dir) as DirIndex;
      const candidates = d.labels.candidates(selector);
      if (candidates) {
        for (const set of candidates) for (const key of set) if (accept(key)) out.push(key);
        continue;
      }
      d.keys.forEachWithPrefix(prefix.startsWith(dir) ? prefix : dir, (key) => {
        if (accept(key)) out.push(key);
        return true;
      });
    }
    return out.sort();
  }

  countWithPrefix(prefix: string): number {
    const scope = scopeOfPrefix(prefix);
    if (scope.kind === 'plural' && prefix === `${REGISTRY_ROOT}${scope.plural}/`) {
      let n = 0;
      for (const dir of this.dirsByPlural.get(scope.plural) ?? [])
        n += (this.dirs.get(dir) as DirIndex).keys.size;
      return n;
    }
    if (scope.kind === 'dir' && prefix === scope.dir) return this.dirs.get(scope.dir)?.keys.size ?? 0;
    return this.keysWithPrefix(prefix).length;
  }

  /** existing directories that may hold keys starting with prefix */
  private dirsUnder(prefix: string): string[] {
    const scope = scopeOfPrefix(prefix);
    const dirs =
      scope.kind === 'dir'
        ? [scope.dir]
        : scope.kind === 'plural'
          ? [...(this.dirsByPlural.get(scope.plural) ?? [])]
          : [...this.dirs.keys()];
    return dirs.filter((d) => this.dirs.has(d) && (d.startsWith(prefix) || prefix.startsWith(d)));
  }
}
