// Pending simulation events: a binary min-heap ordered by (atMs, seq) so equal times run in schedule order.
// Cancellation is lazy (the entry is flagged and skipped when it surfaces); the heap is rebuilt when mostly dead.

/** one scheduled event; it doubles as the TimerHandle handed back to the scheduler */
export class QueuedEvent {
  /** cancelled, or already popped: either way no longer pending */
  cancelled = false;
  constructor(
    readonly owner: object,
    /** also the tie-breaking sequence number: ids grow with every schedule */
    readonly id: number,
    readonly atMs: number,
    readonly actor: string,
    readonly label: string,
    readonly background: boolean,
    readonly run: () => void,
  ) {}
}

export interface NewEvent {
  atMs: number;
  actor: string;
  label: string;
  background: boolean;
  run: () => void;
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.id < b.id);
}

/**
 * The heap keeps its sort keys in typed arrays beside the event objects, so sifting compares contiguous numbers
 * instead of chasing a pointer per comparison (a million-event heap is otherwise bound by cache misses).
 */
export class EventQueue {
  private times = new Float64Array(1024);
  private ids = new Float64Array(1024);
  private items: QueuedEvent[] = [];
  private n = 0;
  private liveCount = 0;
  private foreground = 0;
  private nextId = 1;

  push(e: NewEvent): QueuedEvent {
    const ev = new QueuedEvent(this, this.nextId++, e.atMs, e.actor, e.label, e.background, e.run);
    this.liveCount++;
    if (!ev.background) this.foreground++;
    if (this.n === this.times.length) this.grow();
    this.items.push(ev);
    this.times[this.n] = ev.atMs;
    this.ids[this.n] = ev.id;
    this.n++;
    this.siftUp(this.n - 1);
    return ev;
  }

  /** true when the event was pending and is now cancelled; accepts only events this queue handed out */
  cancel(handle: { id: number }): boolean {
    if (!(handle instanceof QueuedEvent) || handle.owner !== this || handle.cancelled) return false;
    handle.cancelled = true;
    this.liveCount--;
    if (!handle.background) this.foreground--;
    if (this.n > 64 && this.liveCount * 2 < this.n) this.rebuild();
    return true;
  }

  /** the next live event without removing it */
  peek(): QueuedEvent | undefined {
    this.dropDead();
    return this.n > 0 ? this.items[0] : undefined;
  }

  /** remove and return the next live event */
  pop(): QueuedEvent | undefined {
    this.dropDead();
    if (this.n === 0) return undefined;
    const top = this.items[0] as QueuedEvent;
    this.removeTop();
    top.cancelled = true; // no longer pending: a later cancel() is a no-op
    this.liveCount--;
    if (!top.background) this.foreground--;
    return top;
  }

  size(foregroundOnly = false): number {
    return foregroundOnly ? this.foreground : this.liveCount;
  }

  /** live foreground events in due order, at most `max` of them */
  pendingForeground(max: number): QueuedEvent[] {
    const out = this.items.filter((e) => !e.cancelled && !e.background);
    out.sort((a, b) => (before(a, b) ? -1 : 1));
    return out.slice(0, max);
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const ids = new Float64Array(this.ids.length * 2);
    times.set(this.times);
    ids.set(this.ids);
    this.times = times;
    this.ids = ids;
  }

  private dropDead(): void {
    while (this.n > 0 && (this.items[0] as QueuedEvent).cancelled) this.removeTop();
  }

  private removeTop(): void {
    this.n--;
    const last = this.items.pop() as QueuedEvent;
    if (this.n > 0) this.place(0, last);
    if (this.n > 0) this.siftDown(0);
  }

  private place(i: number, ev: QueuedEvent): void {
    this.items[i] = ev;
    this.times[i] = ev.atMs;
    this.ids[i] = ev.id;
  }

  private rebuild(): void {
    const live = this.items.filter((e) => !e.cancelled);
    this.items = [];
    this.n = 0;
    for (const ev of live) {
      this.items.push(ev);
      this.place(this.n++, ev);
    }
    for (let i = (this.n >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** move the event at index up to its place, shifting parents down into the hole */
  private siftUp(index: number): void {
    const { times, ids, items } = this;
    const ev = items[index] as QueuedEvent;
    const t = ev.atMs;
    const id = ev.id;
    let i = index;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p] as number;
      if (tp < t || (tp === t && (ids[p] as number) < id)) break;
      items[i] = items[p] as QueuedEvent;
      times[i] = tp;
      ids[i] = ids[p] as number;
      i = p;
    }
    this.place(i, ev);
  }

  /** move the event at index down to its place, shifting the smaller child up into the hole */
  private siftDown(index: number): void {
    const { times, ids, items, n } = this;
    const ev = items[index] as QueuedEvent;
    const t = ev.atMs;
    const id = ev.id;
    let i = index;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      let tc = times[l] as number;
      let idc = ids[l] as number;
      const r = l + 1;
      if (r < n) {
        const tr = times[r] as number;
        const idr = ids[r] as number;
        if (tr < tc || (tr === tc && idr < idc)) {
          c = r;
          tc = tr;
          idc = idr;
        }
      }
      if (t < tc || (t === tc && id < idc)) break;
      items[i] = items[c] as QueuedEvent;
      times[i] = tc;
      ids[i] = idc;
      i = c;
    }
    this.place(i, ev);
  }
}
