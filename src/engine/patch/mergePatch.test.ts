// Tests for JSON merge patch: RFC 7386 Appendix A, createMergePatch round trips, no mutation, no pollution.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../types/json';
import { applyMergePatch, createMergePatch } from './mergePatch';

const rfc7386: { name: string; original: JsonValue; patch: JsonValue; expected: JsonValue }[] = [
  { name: 'replace value', original: { a: 'b' }, patch: { a: 'c' }, expected: { a: 'c' } },
  { name: 'add key', original: { a: 'b' }, patch: { b: 'c' }, expected: { a: 'b', b: 'c' } },
  { name: 'null deletes', original: { a: 'b' }, patch: { a: null }, expected: {} },
  { name: 'null deletes one', original: { a: 'b', b: 'c' }, patch: { a: null }, expected: { b: 'c' } },
  { name: 'array replaced by scalar', original: { a: ['b'] }, patch: { a: 'c' }, expected: { a: 'c' } },
  { name: 'scalar replaced by array', original: { a: 'c' }, patch: { a: ['b'] }, expected: { a: ['b'] } },
  {
    name: 'nested merge',
    original: { a: { b: 'c' } },
    patch: { a: { b: 'd', c: null } },
    expected: { a: { b: 'd' } },
  },
  { name: 'arrays replaced', original: { a: [{ b: 'c' }] }, patch: { a: [1] }, expected: { a: [1] } },
  { name: 'top-level arrays', original: ['a', 'b'], patch: ['c', 'd'], expected: ['c', 'd'] },
  { name: 'object to array', original: { a: 'b' }, patch: ['c'], expected: ['c'] },
  { name: 'null patch', original: { a: 'foo' }, patch: null, expected: null },
  { name: 'string patch', original: { a: 'foo' }, patch: 'bar', expected: 'bar' },
  { name: 'existing nulls kept', original: { e: null }, patch: { a: 1 }, expected: { e: null, a: 1 } },
  { name: 'array target', original: [1, 2], patch: { a: 'b', c: null }, expected: { a: 'b' } },
  {
    name: 'nested nulls stripped',
    original: {},
    patch: { a: { bb: { ccc: null } } },
    expected: { a: { bb: {} } },
  },
];

describe('applyMergePatch (RFC 7386 Appendix A)', () => {
  it.each(rfc7386)('$name', ({ original, patch, expected }) => {
    const before = JSON.stringify(original);
    expect(applyMergePatch(original, patch)).toEqual(expected);
    expect(JSON.stringify(original)).toBe(before);
  });
  it('does not share structure with the patch', () => {
    const patch = { a: { list: [1, 2] } };
    const out = applyMergePatch({}, patch) as { a: { list: number[] } };
    out.a.list.push(3);
    expect(patch.a.list).toEqual([1, 2]);
  });
});

describe('createMergePatch', () => {
  it('emits nulls for removed keys and only changed leaves', () => {
    expect(
      createMergePatch(
        { metadata: { labels: { a: '1', b: '2' } }, spec: { replicas: 1, x: [1] } },
        { metadata: { labels: { a: '1', c: '3' } }, spec: { replicas: 3, x: [1] } },
      ),
    ).toEqual({ metadata: { labels: { b: null, c: '3' } }, spec: { replicas: 3 } });
    expect(createMergePatch({ a: 1 }, { a: 1 })).toEqual({});
  });
  const jsonNoNull = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.array(tie('value'), { maxLength: 3 }),
      tie('object'),
    ),
    object: fc.dictionary(fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor'), tie('value'), {
      maxKeys: 4,
    }),
  }));
  it('applyMergePatch(a, createMergePatch(a, b)) equals b for null-free objects', () => {
    fc.assert(
      fc.property(jsonNoNull.object, jsonNoNull.object, (a, b) => {
        const pa = a as JsonValue;
        const pb = b as JsonValue;
        expect(applyMergePatch(pa, createMergePatch(pa, pb))).toEqual(pb);
      }),
    );
  });
});

describe('hostile keys', () => {
  it('never pollutes Object.prototype', () => {
    const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "a": {"__proto__": {"polluted": 1}}}',
    ) as JsonValue;
    const out = applyMergePatch({ a: {} }, hostile) as Record<string, unknown>;
    applyMergePatch(hostile, hostile);
    createMergePatch({}, hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
  });
});
