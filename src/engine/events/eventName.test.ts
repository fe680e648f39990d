// Event names: the same `<name>.<hex nanos>` as the BigInt formula for any sequence of clock readings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventNamer } from './eventName';
import { EPOCH_UNIX_DAYS } from '../sim/clock';

/** the recorder's original computation: one BigInt per name */
function referenceNamer(): (objName: string, nowMs: number) => string {
  let lastNanos = 0n;
  const epochMs = BigInt(EPOCH_UNIX_DAYS) * 86_400_000n;
  return (objName, nowMs) => {
    let nanos = (epochMs + BigInt(nowMs)) * 1_000_000n;
    if (nanos <= lastNanos) nanos = lastNanos + 1n;
    lastNanos = nanos;
    return `${objName}.${nanos.toString(16)}`;
  };
}

describe('EventNamer', () => {
  it.each([
    { name: 'at the epoch', times: [0], expected: ['web.1816687ec0570000'] },
    {
      name: 'same instant twice: one nanosecond apart',
      times: [3000, 3000],
      expected: ['web.1816687f73275e00', 'web.1816687f73275e01'],
    },
    {
      name: 'clock read earlier than the last name: still increasing',
      times: [5000, 4000],
      expected: ['web.1816687fea5cf200', 'web.1816687fea5cf201'],
    },
  ])('$name', ({ times, expected }) => {
    const n = new EventNamer();
    expect(times.map((t) => n.next('web', t))).toEqual(expected);
  });

  it('gives the same names as the BigInt computation for any sequence of clock readings', () => {
    const ms = fc.oneof(
      fc.integer({ min: 0, max: 100_000 }),
      fc.integer({ min: -9_100_000_000, max: 9_100_000_000 }),
      fc.constantFrom(4_294_967_295, 4_294, 8_999_999_999, 9_000_000_000, 9_000_000_001, 2 ** 40),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(ms, fc.nat(3)), { maxLength: 60 }), (steps) => {
        const fast = new EventNamer();
        const ref = referenceNamer();
        for (const [t, repeat] of steps)
          for (let i = 0; i <= repeat; i++) expect(fast.next('o', t)).toBe(ref('o', t));
      }),
      { numRuns: 300 },
    );
  });

  it('throws on a fractional clock reading, as BigInt does', () => {
    expect(() => new EventNamer().next('o', 1.5)).toThrow(RangeError);
  });
});
