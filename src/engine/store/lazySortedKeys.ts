// A key set that is sorted only when read: the history's keys per plural are written on every new key (each Event
// is one) but read in order only by lists at a past revision, which are rare. Insertion is a Set add; the first
// ordered read after a change sorts once.
import { lowerBound } from './sortedKeySet';

export class LazySortedKeys {
  private readonly keys = new Set<string>();
  private sorted: string[] | undefined;

  get size(): number {
    return this.keys.size;
  }

  add(key: string): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.sorted = undefined;
  }

  delete(key: string): void {
    if (this.keys.delete(key)) this.sorted = undefined;
  }

  /** the keys starting with prefix, in order (code-unit order, as SortedKeySet and etcd) */
  withPrefix(prefix: string): string[] {
    const all = (this.sorted ??= [...this.keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const out: string[] = [];
    for (let i = lowerBound(all, prefix); i < all.length && (all[i] as string).startsWith(prefix); i++)
      out.push(all[i] as string);
    return out;
  }
}
