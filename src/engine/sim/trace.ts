// Trace of what the simulation did: a bounded ring of records with growing seq numbers, plus subscribers.
import type { Trace, TraceRecord } from './types';

export const DEFAULT_TRACE_CAPACITY = 200_000;

export class RingTrace implements Trace {
  private readonly ring: (TraceRecord | undefined)[];
  /** seq of the next record; records seq in [nextSeq - size, nextSeq) are held */
  private nextSeq = 1;
  private size = 0;
  private subscribers = new Set<(r: TraceRecord) => void>();

  constructor(
    private readonly nowMs: () => number,
    private readonly capacity = DEFAULT_TRACE_CAPACITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`trace capacity must be >= 1, got ${capacity}`);
    this.ring = new Array<TraceRecord | undefined>(capacity);
  }

  record(r: Omit<TraceRecord, 'seq' | 'timeMs'>): TraceRecord {
    const rec: TraceRecord = { seq: this.nextSeq, timeMs: this.nowMs(), ...r };
    this.ring[this.nextSeq % this.capacity] = rec;
    this.nextSeq++;
    if (this.size < this.capacity) this.size++;
    if (this.subscribers.size > 0) for (const fn of [...this.subscribers]) fn(rec);
    return rec;
  }

  all(): readonly TraceRecord[] {
    return this.since(0);
  }

  since(seq: number): readonly TraceRecord[] {
    const first = Math.max(Math.floor(seq) + 1, this.nextSeq - this.size);
    const out: TraceRecord[] = [];
    for (let s = first; s < this.nextSeq; s++) out.push(this.ring[s % this.capacity] as TraceRecord);
    return out;
  }

  subscribe(fn: (r: TraceRecord) => void): () => void {
    this.subscribers.add(fn);
    return () => {
      this.subscribers.delete(fn);
    };
  }
}
