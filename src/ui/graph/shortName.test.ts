import { describe, expect, it } from 'vitest';
import { shortName } from './shortName';

describe('shortName', () => {
  it.each([
    { name: 'hello', max: 18, expected: 'hello' },
    { name: 'web-7c5b9d6f4-x8k2p', max: 18, expected: 'web-7c5b…6f4-x8k2p' },
    { name: 'coredns-5d78c9869d-abcde', max: 18, expected: 'coredns-…69d-abcde' },
  ])('$name -> $expected', ({ name, max, expected }) => {
    const got = shortName(name, max);
    expect(got).toBe(expected);
    expect(got.length).toBeLessThanOrEqual(max);
  });
});
