// A bounded map that forgets the least recently used entry (the golang-lru cache client-go's EventCorrelator
// uses). A linked list keeps the order, so a hit or an eviction costs O(1): no Map re-insertion per hit and no
// iterator walking past the holes deleted keys leave at the front of a Map's table.

interface Entry<V> {
  key: string;
  value: V;
  /** toward the least recently used end */
  older: Entry<V> | undefined;
  /** toward the most recently used end */
  newer: Entry<V> | undefined;
}

export class Lru<V> {
  private readonly map = new Map<string, Entry<V>>();
  private oldest: Entry<V> | undefined;
  private newest: Entry<V> | undefined;

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.map.size;
  }

  /** the entry, now the most recently used */
  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    this.touch(e);
    return e.value;
  }

  /** add or replace, as the most recently used; the least recently used goes when over the bound */
  set(key: string, value: V): void {
    const e = this.map.get(key);
    if (e !== undefined) {
      e.value = value;
      this.touch(e);
      return;
    }
    const added: Entry<V> = { key, value, older: this.newest, newer: undefined };
    if (this.newest) this.newest.newer = added;
    else this.oldest = added;
    this.newest = added;
    this.map.set(key, added);
    if (this.map.size > this.maxEntries && this.oldest) {
      const gone = this.oldest;
      this.unlink(gone);
      this.map.delete(gone.key);
    }
  }

  /** keys from least to most recently used (for tests) */
  keys(): string[] {
    const out: string[] = [];
    for (let e = this.oldest; e; e = e.newer) out.push(e.key);
    return out;
  }

  private touch(e: Entry<V>): void {
    if (e === this.newest) return;
    this.unlink(e);
    e.older = this.newest;
    e.newer = undefined;
    if (this.newest) this.newest.newer = e;
    else this.oldest = e;
    this.newest = e;
  }

  private unlink(e: Entry<V>): void {
    if (e.older) e.older.newer = e.newer;
    else this.oldest = e.newer;
    if (e.newer) e.newer.older = e.older;
    else this.newest = e.older;
    e.older = undefined;
    e.newer = undefined;
  }
}
