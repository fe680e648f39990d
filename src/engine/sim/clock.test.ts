// Clock formatting and parsing: metav1.Time-style RFC 3339 from virtual ms, round trips, leap years.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VirtualClock, fromRfc3339, toRfc3339 } from './clock';

const DAY = 86_400_000;

describe('toRfc3339', () => {
  const cases: { name: string; ms: number; expected: string }[] = [
    { name: 'epoch', ms: 0, expected: '2025-01-01T00:00:00Z' },
    { name: 'five seconds', ms: 5_000, expected: '2025-01-01T00:00:05Z' },
    { name: 'sub-second truncated', ms: 5_999, expected: '2025-01-01T00:00:05Z' },
    { name: 'end of first day', ms: DAY - 1, expected: '2025-01-01T23:59:59Z' },
    { name: 'end of january', ms: 31 * DAY, expected: '2025-02-01T00:00:00Z' },
    { name: '2025 is not leap', ms: 59 * DAY, expected: '2025-03-01T00:00:00Z' },
    { name: 'one year of 365 days', ms: DAY * 365, expected: '2026-01-01T00:00:00Z' },
    { name: 'leap day 2028', ms: (365 * 3 + 31 + 28) * DAY + 3_723_000, expected: '2028-02-29T01:02:03Z' },
    { name: 'after leap day 2028', ms: (365 * 3 + 31 + 29) * DAY, expected: '2028-03-01T00:00:00Z' },
    { name: 'century non-leap 2100', ms: (75 * 365 + 18 + 31 + 28) * DAY, expected: '2100-03-01T00:00:00Z' },
    { name: 'before epoch', ms: -1_000, expected: '2024-12-31T23:59:59Z' },
    {
      name: 'leap day 2024 before epoch',
      ms: -(31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 1) * DAY,
      expected: '2024-02-29T00:00:00Z',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(toRfc3339(c.ms)).toBe(c.expected));
  }
});

describe('fromRfc3339', () => {
  const cases: { name: string; input: string; expected: number }[] = [
    { name: 'epoch', input: '2025-01-01T00:00:00Z', expected: 0 },
    { name: 'fraction', input: '2025-01-01T00:00:05.25Z', expected: 5_250 },
    { name: 'positive offset', input: '2025-01-01T02:00:00+02:00', expected: 0 },
    { name: 'negative offset', input: '2024-12-31T19:00:00-05:00', expected: 0 },
    { name: 'leap day', input: '2028-02-29T00:00:00Z', expected: (365 * 3 + 31 + 28) * DAY },
  ];
  for (const c of cases) {
    it(c.name, () => expect(fromRfc3339(c.input)).toBe(c.expected));
  }

  it.each([
    '2025-02-29T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-01-01 00:00',
    'yesterday',
    '2025-01-01T24:00:00Z',
  ])('rejects %s', (input) => expect(() => fromRfc3339(input)).toThrow(RangeError));

  it('round-trips whole seconds over +-300 years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_000_000_000, max: 9_000_000_000 }), (seconds) => {
        expect(fromRfc3339(toRfc3339(seconds * 1000))).toBe(seconds * 1000);
      }),
    );
  });
});

describe('VirtualClock', () => {
  it('starts at the epoch and never goes backwards', () => {
    const c = new VirtualClock();
    expect(c.nowRfc3339()).toBe('2025-01-01T00:00:00Z');
    c.setNowMs(65_000);
    c.setNowMs(10);
    expect(c.nowMs()).toBe(65_000);
    expect(c.nowRfc3339()).toBe('2025-01-01T00:01:05Z');
  });
});
