// EventQueue: (time, seq) ordering, lazy cancellation, foreground counting, scale.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue, QueuedEvent } from './eventQueue';

const noop = (): void => undefined;

function push(q: EventQueue, atMs: number, label: string, background = false): QueuedEvent {
  return q.push({ atMs, actor: 'test', label, background, run: noop });
}

function drain(q: EventQueue): string[] {
  const out: string[] = [];
  for (let e = q.pop(); e; e = q.pop()) out.push(e.label);
  return out;
}

describe('EventQueue', () => {
  it('orders by time, ties by schedule order', () => {
    const q = new EventQueue();
    push(q, 10, 'a');
    push(q, 5, 'b');
    push(q, 10, 'c');
    push(q, 5, 'd');
    push(q, 0, 'e');
    expect(drain(q)).toEqual(['e', 'b', 'd', 'a', 'c']);
  });

  it('cancelled events never surface and do not count', () => {
    const q = new EventQueue();
    const a = push(q, 1, 'a');
    push(q, 2, 'b', true);
    push(q, 3, 'c');
    expect(q.cancel(a)).toBe(true);
    expect(q.cancel(a)).toBe(false);
    expect(q.size()).toBe(2);
    expect(q.size(true)).toBe(1);
    expect(q.peek()?.label).toBe('b');
    expect(drain(q)).toEqual(['b', 'c']);
    expect(q.size()).toBe(0);
  });

  it('ignores handles it did not hand out, or that already ran', () => {
    const q = new EventQueue();
    const other = new EventQueue();
    const a = push(q, 1, 'a');
    const foreign = push(other, 1, 'f');
    expect(q.cancel(foreign)).toBe(false);
    expect(q.cancel({ id: a.id })).toBe(false);
    expect(q.pop()?.label).toBe('a');
    expect(q.cancel(a)).toBe(false);
    expect(q.size()).toBe(0);
  });

  it('pops in the same order as a stable sort, with random cancels', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.boolean()), { maxLength: 300 }), (specs) => {
        const q = new EventQueue();
        const evs = specs.map(([t], i) => push(q, t, String(i)));
        const cancelled = new Set<number>();
        specs.forEach(([, cancel], i) => {
          if (cancel) {
            q.cancel(evs[i] as QueuedEvent);
            cancelled.add(i);
          }
        });
        const expected = specs
          .map(([t], i) => ({ t, i }))
          .filter((e) => !cancelled.has(e.i))
          .sort((x, y) => x.t - y.t || x.i - y.i)
          .map((e) => String(e.i));
        expect(drain(q)).toEqual(expected);
      }),
    );
  });

  it('handles a million events', () => {
    const q = new EventQueue();
    const n = 1_000_000;
    for (let i = 0; i < n; i++) push(q, (i * 7919) % 100_000, 'x');
    let last = -1;
    let count = 0;
    let outOfOrder = 0;
    for (let e = q.pop(); e; e = q.pop()) {
      if (e.atMs < last) outOfOrder++;
      last = e.atMs;
      count++;
    }
    expect(count).toBe(n);
    expect(outOfOrder).toBe(0);
  });
});
