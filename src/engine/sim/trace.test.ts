// Trace ring: seq numbering, bounded capacity, since(), subscribers.
import { describe, expect, it } from 'vitest';
import { RingTrace } from './trace';

describe('RingTrace', () => {
  it('numbers records, stamps virtual time and keeps only the newest `capacity`', () => {
    let now = 0;
    const t = new RingTrace(() => now, 3);
    for (let i = 0; i < 5; i++) {
      now = i * 10;
      t.record({ actor: 'a', action: 'create', target: `pods/default/p${i}` });
    }
    expect(t.all().map((r) => [r.seq, r.timeMs, r.target])).toEqual([
      [3, 20, 'pods/default/p2'],
      [4, 30, 'pods/default/p3'],
      [5, 40, 'pods/default/p4'],
    ]);
    expect(t.since(4).map((r) => r.seq)).toEqual([5]);
    expect(t.since(0).map((r) => r.seq)).toEqual([3, 4, 5]);
    expect(t.since(5)).toEqual([]);
  });

  it('notifies subscribers until they unsubscribe', () => {
    const t = new RingTrace(() => 0);
    const seen: number[] = [];
    const off = t.subscribe((r) => seen.push(r.seq));
    t.record({ actor: 'a', action: 'x', target: 't' });
    off();
    t.record({ actor: 'a', action: 'x', target: 't' });
    expect(seen).toEqual([1]);
  });
});
