// cloneSharing against the plain deep copy: equal to the input, never aliasing it, and sharing exactly the subtrees
// that equal the stored value's.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cloneSharing } from './cloneSharing';
import { cloneJson } from './json';
import { deepEqual } from '../apiserver/objectUtil';
import { deepFreeze } from '../store/deepFreeze';

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, 1, 'a', 'b'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', '__proto__'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** every object reachable from v */
function objectsOf(v: unknown, out = new Set<object>()): Set<object> {
  if (typeof v === 'object' && v !== null) {
    out.add(v);
    for (const c of Object.values(v)) objectsOf(c, out);
  }
  return out;
}

describe('cloneSharing', () => {
  it('returns a value equal to the input that shares objects only with the stored value', () => {
    fc.assert(
      fc.property(json, json, fc.boolean(), (input, other, derive) => {
        // half the time the stored value is the input itself or a near copy of it
        const stored = deepFreeze(derive ? cloneJson(input) : other);
        const out = cloneSharing(input, stored);
        expect(deepEqual(out, input)).toBe(true);
        const inputObjects = objectsOf(input);
        const storedObjects = objectsOf(stored);
        for (const o of objectsOf(out)) expect(inputObjects.has(o) && !storedObjects.has(o)).toBe(false);
        if (deepEqual(input, stored)) expect(out).toBe(stored);
      }),
      { numRuns: 500 },
    );
  });

  const rows: { name: string; input: unknown; stored: unknown; sharedPaths: string[] }[] = [
    {
      name: 'one changed condition: the others and the IPs are the stored objects',
      input: {
        conditions: [
          { type: 'A', status: 'True' },
          { type: 'B', status: 'True' },
        ],
        podIPs: [{ ip: '1' }],
      },
      stored: {
        conditions: [
          { type: 'A', status: 'True' },
          { type: 'B', status: 'False' },
        ],
        podIPs: [{ ip: '1' }],
      },
      sharedPaths: ['conditions.0', 'podIPs'],
    },
    {
      name: 'an extra stored key makes the parent differ, not its equal children',
      input: { a: { x: 1 } },
      stored: { a: { x: 1 }, b: 2 },
      sharedPaths: ['a'],
    },
    {
      name: 'a changed middle element: the elements around it are shared',
      input: { l: [{ a: 1 }, { b: 2 }, { c: 3 }] },
      stored: { l: [{ a: 1 }, { b: 0 }, { c: 3 }] },
      sharedPaths: ['l.0', 'l.2'],
    },
    {
      name: 'a shorter array is a new array of the shared elements',
      input: { l: [{ a: 1 }] },
      stored: { l: [{ a: 1 }, { b: 2 }] },
      sharedPaths: ['l.0'],
    },
    {
      name: 'undefined-valued input keys count as absent',
      input: { a: 1, b: undefined },
      stored: { a: 1 },
      sharedPaths: [''],
    },
  ];
  for (const row of rows)
    it(row.name, () => {
      const stored = deepFreeze(cloneJson(row.stored));
      const out = cloneSharing(row.input, stored);
      expect(deepEqual(out, row.input)).toBe(true);
      const at = (v: unknown, path: string) =>
        path === '' ? v : path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], v);
      for (const p of row.sharedPaths) expect(at(out, p)).toBe(at(stored, p));
    });
});
