// Table tests for parseDuration / formatDuration, rows taken from Go's src/time/time_test.go parseDurationTests.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  const good: { input: string; expected: number }[] = [
    { input: '0', expected: 0 },
    { input: '-0', expected: 0 },
    { input: '+0', expected: 0 },
    { input: '5s', expected: 5000 },
    { input: '30s', expected: 30_000 },
    { input: '1478s', expected: 1_478_000 },
    { input: '-5s', expected: -5000 },
    { input: '+5s', expected: 5000 },
    { input: '5.0s', expected: 5000 },
    { input: '5.6s', expected: 5600 },
    { input: '5.s', expected: 5000 },
    { input: '.5s', expected: 500 },
    { input: '1.004s', expected: 1004 },
    { input: '100.00100s', expected: 100_001 },
    { input: '500ms', expected: 500 },
    { input: '10ns', expected: 0.00001 },
    { input: '11us', expected: 0.011 },
    { input: '12µs', expected: 0.012 },
    { input: '12μs', expected: 0.012 },
    { input: '5m', expected: 300_000 },
    { input: '1h', expected: 3_600_000 },
    { input: '1h30m', expected: 5_400_000 },
    { input: '3h30m', expected: 12_600_000 },
    { input: '10.5s4m', expected: 250_500 },
    { input: '-2m3.4s', expected: -123_400 },
    { input: '1h2m3s4ms', expected: 3_723_004 },
    { input: '39h9m14.425s', expected: 140_954_425 },
  ];
  it.each(good)('$input -> $expected ms', ({ input, expected }) => {
    expect(parseDuration(input)).toBeCloseTo(expected, 9);
  });

  const bad: { input: string; message: string }[] = [
    { input: '', message: 'time: invalid duration ""' },
    { input: '3', message: 'time: missing unit in duration "3"' },
    { input: '-', message: 'time: invalid duration "-"' },
    { input: 's', message: 'time: invalid duration "s"' },
    { input: '.', message: 'time: invalid duration "."' },
    { input: '-.', message: 'time: invalid duration "-."' },
    { input: '.s', message: 'time: invalid duration ".s"' },
    { input: '+.s', message: 'time: invalid duration "+.s"' },
    { input: '1d', message: 'time: unknown unit "d" in duration "1d"' },
    { input: '5 s', message: 'time: unknown unit " s" in duration "5 s"' },
    { input: '1h-5m', message: 'time: unknown unit "h-" in duration "1h-5m"' },
    { input: '3000000h', message: 'time: invalid duration "3000000h"' },
    { input: 'abc', message: 'time: invalid duration "abc"' },
  ];
  it.each(bad)('rejects $input', ({ input, message }) => {
    expect(() => parseDuration(input)).toThrow(message);
  });

  it('round-trips whole-millisecond durations through formatDuration', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBeCloseTo(ms, 6);
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    { ms: 0, expected: '0s' },
    { ms: 500, expected: '500ms' },
    { ms: 1000, expected: '1s' },
    { ms: 90_000, expected: '1m30s' },
    { ms: 3_600_000, expected: '1h0m0s' },
    { ms: 5_400_500, expected: '1h30m0.5s' },
    { ms: -61_000, expected: '-1m1s' },
  ])('$ms -> $expected', ({ ms, expected }) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
