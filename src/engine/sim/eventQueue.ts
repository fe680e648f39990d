// Pending simulation events: a binary min-heap ordered by (atMs, seq) so equal times run in schedule order.
// Cancellation is lazy (the entry is marked and skipped when it surfaces); the heap is rebuilt when mostly dead.

export interface QueuedEvent {
  /** also the tie-breaking sequence number: ids grow with every schedule */
  readonly id: number;
  readonly atMs: number;
  readonly actor: string;
  readonly label: string;
  readonly background: boolean;
  readonly run: () => void;
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.id < b.id);
}

export class EventQueue {
  private heap: QueuedEvent[] = [];
  /** live (not cancelled, not yet run) events by id */
  private live = new Map<number, QueuedEvent>();
  private foreground = 0;
  private nextId = 1;

  push(e: Omit<QueuedEvent, 'id'>): QueuedEvent {
    const ev: QueuedEvent = { ...e, id: this.nextId++ };
    this.live.set(ev.id, ev);
    if (!ev.background) this.foreground++;
    this.heap.push(ev);
    this.siftUp(this.heap.length - 1);
    return ev;
  }

  /** true when the event was pending and is now cancelled */
  cancel(id: number): boolean {
    const ev = this.live.get(id);
    if (!ev) return false;
    this.live.delete(id);
    if (!ev.background) this.foreground--;
    if (this.heap.length > 64 && this.live.size * 2 < this.heap.length) this.rebuild();
    return true;
  }

  /** the next live event without removing it */
  peek(): QueuedEvent | undefined {
    this.dropDead();
    return this.heap[0];
  }

  /** remove and return the next live event */
  pop(): QueuedEvent | undefined {
    this.dropDead();
    const top = this.heap[0];
    if (!top) return undefined;
    this.removeTop();
    this.live.delete(top.id);
    if (!top.background) this.foreground--;
    return top;
  }

  size(foregroundOnly = false): number {
    return foregroundOnly ? this.foreground : this.live.size;
  }

  /** live foreground events in due order, at most `max` of them */
  pendingForeground(max: number): QueuedEvent[] {
    const out: QueuedEvent[] = [];
    for (const ev of this.live.values()) if (!ev.background) out.push(ev);
    out.sort((a, b) => (before(a, b) ? -1 : 1));
    return out.slice(0, max);
  }

  private dropDead(): void {
    while (this.heap.length > 0 && !this.live.has((this.heap[0] as QueuedEvent).id)) this.removeTop();
  }

  private removeTop(): void {
    const last = this.heap.pop() as QueuedEvent;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
  }

  private rebuild(): void {
    this.heap = this.heap.filter((e) => this.live.has(e.id));
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftUp(index: number): void {
    const h = this.heap;
    const item = h[index] as QueuedEvent;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as QueuedEvent;
      if (!before(item, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = item;
  }

  private siftDown(index: number): void {
    const h = this.heap;
    const n = h.length;
    const item = h[index] as QueuedEvent;
    let i = index;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && before(h[r] as QueuedEvent, h[l] as QueuedEvent)) c = r;
      const child = h[c] as QueuedEvent;
      if (!before(child, item)) break;
      h[i] = child;
      i = c;
    }
    h[i] = item;
  }
}
