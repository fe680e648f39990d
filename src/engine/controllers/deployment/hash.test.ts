// Tests for the pod-template-hash: FNV-32a vectors, SafeEncodeString alphabet, stability and collision salting.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, computeHash, fnv32a, safeEncodeString } from './hash';

const bytes = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('hash', () => {
  it('fnv32a matches the FNV-1a test vectors', () => {
    expect(fnv32a([])).toBe(0x811c9dc5);
    expect(fnv32a(bytes('a'))).toBe(0xe40c292c);
    expect(fnv32a(bytes('foobar'))).toBe(0xbf9cf968);
  });
  it('SafeEncodeString maps decimal digits onto 4-9 and b,c,d,f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
  it('is independent of key order and changes with the template or collisionCount', () => {
    const t1 = {
      metadata: { labels: { app: 'web', tier: 'fe' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1' }] },
    };
    const t2 = {
      spec: { containers: [{ image: 'nginx:1', name: 'c' }] },
      metadata: { labels: { tier: 'fe', app: 'web' } },
    };
    expect(computeHash(t1)).toBe(computeHash(t2));
    expect(computeHash(t1)).not.toBe(
      computeHash({ ...t1, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } }),
    );
    expect(computeHash(t1, 1)).not.toBe(computeHash(t1));
    expect(computeHash(t1, 1)).not.toBe(computeHash(t1, 2));
  });
  it('always yields 1-10 characters of the safe alphabet', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.nat(1000), { nil: undefined }), (v, cc) => {
        const h = computeHash({ metadata: { annotations: { x: canonicalJson(v) } } }, cc);
        expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
      }),
    );
  });
});
