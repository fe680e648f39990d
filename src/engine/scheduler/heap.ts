// A binary heap keyed by string with O(log n) update and delete (mirrors pkg/scheduler/backend/heap).
// Used for the scheduling queue's activeQ (PrioritySort) and backoffQ (by backoff expiry).

/** one heap slot: its position lives on the entry, so sifting moves entries without touching the key index */
interface Entry<T> {
  readonly key: string;
  item: T;
  pos: number;
}

export class KeyedHeap<T> {
  private readonly entries: Entry<T>[] = [];
  private readonly index = new Map<string, Entry<T>>();

  /** less(a, b): a pops before b */
  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get length(): number {
    return this.entries.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  get(key: string): T | undefined {
    return this.index.get(key)?.item;
  }

  /** insert or replace the item under key */
  set(key: string, item: T): void {
    const e = this.index.get(key);
    if (e !== undefined) {
      e.item = item;
      this.fix(e.pos);
      return;
    }
    const added: Entry<T> = { key, item, pos: this.entries.length };
    this.entries.push(added);
    this.index.set(key, added);
    this.up(added.pos);
  }

  peek(): T | undefined {
    return this.entries[0]?.item;
  }

  pop(): T | undefined {
    const top = this.entries[0];
    if (top === undefined) return undefined;
    this.removeAt(0);
    return top.item;
  }

  delete(key: string): T | undefined {
    const e = this.index.get(key);
    if (e === undefined) return undefined;
    this.removeAt(e.pos);
    return e.item;
  }

  /** the items in heap order (a new array) */
  values(): readonly T[] {
    return this.entries.map((e) => e.item);
  }

  private removeAt(i: number): void {
    const entries = this.entries;
    const removed = entries[i] as Entry<T>;
    this.index.delete(removed.key);
    const last = entries.pop() as Entry<T>;
    if (i < entries.length) {
      entries[i] = last;
      last.pos = i;
      this.fix(i);
    }
  }

  private fix(i: number): void {
    if (!this.up(i)) this.down(i);
  }

  /** sifts entry i up (the same moves as swapping with each larger parent); true when it moved */
  private up(i: number): boolean {
    const entries = this.entries;
    const e = entries[i] as Entry<T>;
    const start = i;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = entries[p] as Entry<T>;
      if (!this.less(e.item, parent.item)) break;
      entries[i] = parent;
      parent.pos = i;
      i = p;
    }
    if (i === start) return false;
    entries[i] = e;
    e.pos = i;
    return true;
  }

  /** sifts entry i down (the same moves as swapping with the smaller child) */
  private down(i: number): void {
    const entries = this.entries;
    const n = entries.length;
    const e = entries[i] as Entry<T>;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (r < n && this.less((entries[r] as Entry<T>).item, (entries[l] as Entry<T>).item)) m = r;
      const child = entries[m] as Entry<T>;
      if (!this.less(child.item, e.item)) break;
      entries[i] = child;
      child.pos = i;
      i = m;
    }
    entries[i] = e;
    e.pos = i;
  }
}
