// Cached milliValue/value helpers agree with the full parser and accept YAML numbers.
import { describe, expect, it } from 'vitest';
import { canonicalQuantity, milliValue, value } from './cache';

describe('cached helpers', () => {
  it.each([
    ['250m', 250, 1],
    ['2', 2000, 2],
    ['128Mi', 128 * 1024 * 1024 * 1000, 128 * 1024 * 1024],
  ])('%s', (s, milli, v) => {
    expect(milliValue(s)).toBe(milli);
    expect(milliValue(s)).toBe(milli); // second call served from the cache
    expect(value(s)).toBe(v);
  });

  it('treats undefined as zero and numbers as quantities', () => {
    expect(milliValue(undefined)).toBe(0);
    expect(milliValue(0.5)).toBe(500);
    expect(value(3)).toBe(3);
  });

  it('canonicalises', () => {
    expect(canonicalQuantity('1000m')).toBe('1');
    expect(canonicalQuantity(1)).toBe('1');
  });

  it('throws on bad input', () => {
    expect(() => milliValue('lots')).toThrow(/quantities must match/);
  });
});
