// Indexes over the live keys: a sorted key set per resource plural (prefix lists cost O(log n + result)) and a
// label index per directory (one namespace of one plural), so selector lists visit candidates, not every key.
import type { Selector } from '../labels/types';
import { LabelIndex } from './labelIndex';
import { SortedKeySet } from './sortedKeySet';
import { sameLabels } from '../labels/sameLabels';
import { locateKey, scopeOfPrefix } from './keyspace';
import { REGISTRY_ROOT } from './keys';

type Labels = Readonly<Record<string, string>> | undefined;

export class KeyIndex {
  private keysByPlural = new Map<string, SortedKeySet>();
  private labelsByDir = new Map<string, LabelIndex>();
  private dirsByPlural = new Map<string, Set<string>>();

  add(key: string, labels: Labels): void {
    const { plural, dir } = locateKey(key);
    let keys = this.keysByPlural.get(plural);
    if (!keys) this.keysByPlural.set(plural, (keys = new SortedKeySet()));
    keys.add(key);
    let idx = this.labelsByDir.get(dir);
    if (!idx) {
      this.labelsByDir.set(dir, (idx = new LabelIndex()));
      let dirs = this.dirsByPlural.get(plural);
      if (!dirs) this.dirsByPlural.set(plural, (dirs = new Set()));
      dirs.add(dir);
    }
    idx.add(key, labels);
  }

  remove(key: string, labels: Labels): void {
    const { plural, dir } = locateKey(key);
    this.keysByPlural.get(plural)?.delete(key);
    const idx = this.labelsByDir.get(dir);
    if (!idx) return;
    idx.remove(key, labels);
    if (idx.size === 0) {
      this.labelsByDir.delete(dir);
      this.dirsByPlural.get(plural)?.delete(dir);
    }
  }

  relabel(key: string, before: Labels, after: Labels): void {
    if (sameLabels(before, after)) return;
    const idx = this.labelsByDir.get(locateKey(key).dir);
    idx?.remove(key, before);
    idx?.add(key, after);
  }

  /** live keys starting with prefix, sorted, greater than `after`, at most `max` */
  keysWithPrefix(prefix: string, after?: string, max = Infinity): string[] {
    const out: string[] = [];
    const scope = scopeOfPrefix(prefix);
    if (scope.kind !== 'all') {
      this.keysByPlural.get(scope.plural)?.forEachWithPrefix(prefix, (k) => out.push(k) < max, after);
      return out;
    }
    for (const set of this.keysByPlural.values())
      set.forEachWithPrefix(prefix, (k) => out.push(k) > 0, after);
    out.sort();
    return out.length > max ? out.slice(0, max) : out;
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
      const candidates = this.labelsByDir.get(dir)?.candidates(selector);
      if (candidates) {
        for (const set of candidates) for (const key of set) if (accept(key)) out.push(key);
        continue;
      }
      const { plural } = locateKey(dir);
      const pluralLevel = dir === `${REGISTRY_ROOT}${plural}/`;
      const start = prefix.startsWith(dir) ? prefix : dir;
      this.keysByPlural.get(plural)?.forEachWithPrefix(start, (key) => {
        // a plural-level (cluster-scoped) directory must not pick up keys of namespaced directories below it
        if ((!pluralLevel || key.indexOf('/', dir.length) < 0) && accept(key)) out.push(key);
        return true;
      });
    }
    return out.sort();
  }

  countWithPrefix(prefix: string): number {
    const scope = scopeOfPrefix(prefix);
    if (scope.kind === 'plural' && prefix === `${REGISTRY_ROOT}${scope.plural}/`) {
      return this.keysByPlural.get(scope.plural)?.size ?? 0;
    }
    if (scope.kind === 'dir' && prefix === scope.dir) return this.labelsByDir.get(scope.dir)?.size ?? 0;
    return this.keysWithPrefix(prefix).length;
  }

  /** directories that may hold keys starting with prefix */
  private dirsUnder(prefix: string): string[] {
    const scope = scopeOfPrefix(prefix);
    const dirs =
      scope.kind === 'dir'
        ? [scope.dir]
        : scope.kind === 'plural'
          ? [...(this.dirsByPlural.get(scope.plural) ?? [])]
          : [...this.labelsByDir.keys()];
    return dirs.filter((d) => d.startsWith(prefix) || prefix.startsWith(d));
  }
}
