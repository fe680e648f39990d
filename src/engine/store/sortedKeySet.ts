// A sorted set of strings kept sorted incrementally: an array of small sorted chunks (a flat B-tree), so inserts
// cost O(log n + chunk) and a prefix range costs O(log n + result) instead of scanning or re-sorting every key.

const MAX_CHUNK = 512;

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
  private chunks: string[][] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** adds key; false when it was already there */
  add(key: string): boolean {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      this.count = 1;
      return true;
    }
    const ci = Math.min(this.chunkFor(key), this.chunks.length - 1);
    const chunk = this.chunks[ci] as string[];
    const i = lowerBound(chunk, key);
    if (chunk[i] === key) return false;
    chunk.splice(i, 0, key);
    this.count++;
    if (chunk.length > MAX_CHUNK) this.chunks.splice(ci + 1, 0, chunk.splice(MAX_CHUNK >> 1));
    return true;
  }

  /** removes key; false when it was not there */
  delete(key: string): boolean {
    const ci = this.chunkFor(key);
    const chunk = this.chunks[ci];
    if (!chunk) return false;
    const i = lowerBound(chunk, key);
    if (chunk[i] !== key) return false;
    chunk.splice(i, 1);
    this.count--;
    if (chunk.length === 0) this.chunks.splice(ci, 1);
    return true;
  }

  has(key: string): boolean {
    const chunk = this.chunks[this.chunkFor(key)];
    return chunk !== undefined && chunk[lowerBound(chunk, key)] === key;
  }

  /**
   * Calls visit for each key starting with prefix and greater than `after` (when given), in order,
   * until visit returns false.
   */
  forEachWithPrefix(prefix: string, visit: (key: string) => boolean, after?: string): void {
    const start = after !== undefined && after >= prefix ? after : prefix;
    let ci = this.chunkFor(start);
    let i = ci < this.chunks.length ? lowerBound(this.chunks[ci] as string[], start) : 0;
    for (; ci < this.chunks.length; ci++, i = 0) {
      const chunk = this.chunks[ci] as string[];
      for (; i < chunk.length; i++) {
        const key = chunk[i] as string;
        if (after !== undefined && key <= after) continue;
        if (!key.startsWith(prefix)) return;
        if (!visit(key)) return;
      }
    }
  }

  /** every key, in order */
  keys(): string[] {
    return this.chunks.flat();
  }

  /** index of the first chunk whose last key is >= key (chunks.length when none) */
  private chunkFor(key: string): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid] as string[];
      if ((chunk[chunk.length - 1] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
