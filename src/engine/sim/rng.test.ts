// Seeded Rng: determinism, fork independence, distribution bounds, uuid shape, save/restore.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, rngFromState } from './rng';
import type { Rng } from './types';

function draw(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.int(0, 1_000_000));
}

describe('Rng', () => {
  it('same seed gives the same sequence; a different seed a different one', () => {
    expect(draw(createRng(42), 20)).toEqual(draw(createRng(42), 20));
    expect(draw(createRng(42), 20)).not.toEqual(draw(createRng(43), 20));
  });

  it('fork(label) depends only on (seed, label), not on what was drawn before', () => {
    const a = createRng(7);
    const b = createRng(7);
    draw(b, 100);
    expect(draw(a.fork('kubelet'), 10)).toEqual(draw(b.fork('kubelet'), 10));
    expect(draw(a.fork('kubelet'), 10)).not.toEqual(draw(a.fork('scheduler'), 10));
  });

  it('drawing from one fork does not change another', () => {
    const root = createRng(1);
    const sched = root.fork('scheduler');
    const expected = draw(createRng(1).fork('kubelet'), 10);
    draw(sched, 1000);
    expect(draw(root.fork('kubelet'), 10)).toEqual(expected);
  });

  it('int stays within bounds (both included) and float within [0,1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, from, span) => {
        const rng = createRng(seed);
        const v = rng.int(from, from + span);
        const f = rng.float();
        return v >= from && v <= from + span && f >= 0 && f < 1;
      }),
    );
  });

  it('shuffle returns a permutation of a copy', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(3).shuffle(items);
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('string draws from the alphabet', () => {
    const s = createRng(5).string(200, 'bcdfghjklmnpqrstvwxz2456789');
    expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{200}$/);
  });

  it('uuid is v4-shaped and differs between draws', () => {
    const rng = createRng(9);
    const ids = new Set(Array.from({ length: 100 }, () => rng.uuid()));
    expect(ids.size).toBe(100);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('getState/rngFromState resumes the same stream', () => {
    const rng = createRng(11);
    draw(rng, 5);
    const restored = rngFromState(rng.getState());
    expect(draw(restored, 10)).toEqual(draw(rng, 10));
  });

  it('rejects empty picks and inverted ranges', () => {
    const rng = createRng(1);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.int(5, 1)).toThrow(RangeError);
  });
});
