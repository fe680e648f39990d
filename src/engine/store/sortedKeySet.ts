// The keys of one directory in key order, sorted only when read: every write of a new key (each Event, each pod) adds
// one, but the store is listed rarely (informers list once, then watch), so a write only notes the key in a set and
// the first ordered read after writes sorts the new keys and merges them into the sorted array in one pass.

/** index of the first element >= key in a sorted array */
export function lowerBound(arr: readonly string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SortedKeySet {
  /** keys in order as of the last read (some may since be in `removed`) */
  private sorted: string[] = [];
  /** keys added since the last read, not in `sorted` */
  private readonly added = new Set<string>();
  /** keys of `sorted` deleted since the last read */
  private readonly removed = new Set<string>();

  get size(): number {
    return this.sorted.length - this.removed.size + this.added.size;
  }

  /** adds a key that is not in the set (the store adds a key only when it is created) */
  add(key: string): void {
    if (this.removed.size === 0 || !this.removed.delete(key)) this.added.add(key);
  }

  /** deletes a key that is in the set */
  delete(key: string): void {
    if (this.added.size === 0 || !this.added.delete(key)) this.removed.add(key);
  }

  /**
   * Calls visit for each key starting with prefix and greater than `after` (when given), in order,
   * until visit returns false.
   */
  forEachWithPrefix(prefix: string, visit: (key: string) => boolean, after?: string): void {
    const keys = this.keys();
    const start = after !== undefined && after >= prefix ? after : prefix;
    for (let i = lowerBound(keys, start); i < keys.length; i++) {
      const key = keys[i] as string;
      if (after !== undefined && key <= after) continue;
      if (!key.startsWith(prefix)) return;
      if (!visit(key)) return;
    }
  }

  /** every key, in order (the set's own array: callers must not change it) */
  keys(): readonly string[] {
    if (this.added.size === 0 && this.removed.size === 0) return this.sorted;
    const old = this.removed.size === 0 ? this.sorted : this.sorted.filter((k) => !this.removed.has(k));
    const fresh = [...this.added].sort();
    const merged: string[] = new Array<string>(old.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < fresh.length)
      merged[k++] = (old[i] as string) < (fresh[j] as string) ? (old[i++] as string) : (fresh[j++] as string);
    while (i < old.length) merged[k++] = old[i++] as string;
    while (j < fresh.length) merged[k++] = fresh[j++] as string;
    this.sorted = merged;
    this.added.clear();
    this.removed.clear();
    return merged;
  }
}
