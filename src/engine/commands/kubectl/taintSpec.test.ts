import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existingTaintKeys, parseTaint, parseTaints, reorganizeTaints, taintToString } from './taintSpec';
import type { Taint } from '../../cluster/types';

describe('parseTaints (kubectl taint utils_test.go TestParseTaints)', () => {
  const rows: Array<{ name: string; input: string[]; add?: Taint[]; remove?: Taint[]; error?: string }> = [
    {
      name: 'key=value:effect',
      input: ['foo=abc:NoSchedule'],
      add: [{ key: 'foo', value: 'abc', effect: 'NoSchedule' }],
      remove: [],
    },
    {
      name: 'key:effect',
      input: ['foo:NoSchedule'],
      add: [{ key: 'foo', effect: 'NoSchedule' }],
      remove: [],
    },
    {
      name: 'removal by key and effect',
      input: ['foo:NoSchedule-'],
      add: [],
      remove: [{ key: 'foo', effect: 'NoSchedule' }],
    },
    { name: 'removal by key only', input: ['foo-'], add: [], remove: [{ key: 'foo', effect: '' }] },
    { name: 'missing effect', input: ['foo=abc'], error: 'invalid taint spec: foo=abc' },
    {
      name: 'bad effect',
      input: ['foo=abc:Sometimes'],
      error: 'invalid taint effect: Sometimes, unsupported taint effect',
    },
    {
      name: 'two equals',
      input: ['foo=abc=x:NoSchedule'],
      error: 'invalid taint spec: foo=abc=x:NoSchedule',
    },
    { name: 'too many colons', input: ['a:b:c'], error: 'invalid taint spec: a:b:c' },
    {
      name: 'duplicate key and effect',
      input: ['foo=a:NoSchedule', 'foo=b:NoSchedule'],
      error: 'duplicated taints with the same key and effect: {foo b NoSchedule <nil>}',
    },
    {
      name: 'bad key',
      input: ['-foo:NoSchedule'],
      error: 'invalid taint spec: -foo:NoSchedule, name part must consist of',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      if (row.error) {
        expect(() => parseTaints(row.input)).toThrow(row.error);
      } else {
        expect(parseTaints(row.input)).toEqual({ add: row.add, remove: row.remove });
      }
    });
  }
});

describe('reorganizeTaints', () => {
  const old: Taint[] = [{ key: 'a', value: '1', effect: 'NoSchedule' }];
  it('adds a new taint -> tainted', () => {
    const r = reorganizeTaints(old, false, [{ key: 'b', effect: 'NoExecute' }], []);
    expect(r.operation).toBe('tainted');
    expect(r.taints).toEqual([{ key: 'b', effect: 'NoExecute' }, ...old]);
  });
  it('removes by key -> untainted', () => {
    const r = reorganizeTaints(old, false, [], [{ key: 'a', effect: '' }]);
    expect(r).toEqual({ operation: 'untainted', taints: [], errors: [] });
  });
  it('reports a removal that matched nothing', () => {
    expect(reorganizeTaints(old, false, [], [{ key: 'zz', effect: 'NoSchedule' }]).errors).toEqual([
      'taint "zz:NoSchedule" not found',
    ]);
  });
  it('overwrite replaces the value -> modified', () => {
    const r = reorganizeTaints(old, true, [{ key: 'a', value: '2', effect: 'NoSchedule' }], []);
    expect(r.operation).toBe('modified');
    expect(r.taints).toEqual([{ key: 'a', value: '2', effect: 'NoSchedule' }]);
  });
  it('finds taints that already exist with the same effect', () => {
    expect(existingTaintKeys(old, [{ key: 'a', effect: 'NoSchedule' }])).toBe('a');
    expect(existingTaintKeys(old, [{ key: 'a', effect: 'NoExecute' }])).toBe('');
  });
  it('property: adding then removing by key leaves no taint with that key', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
    const effect = fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute');
    fc.assert(
      fc.property(fc.array(fc.record({ key, effect }), { maxLength: 6 }), key, effect, (existing, k, e) => {
        const added = reorganizeTaints(existing, true, [{ key: k, effect: e }], []).taints;
        const removed = reorganizeTaints(added, false, [], [{ key: k, effect: '' }]).taints;
        return removed.every((t) => t.key !== k) && added.some((t) => t.key === k && t.effect === e);
      }),
    );
  });
  it('taintToString round-trips through parseTaint', () => {
    for (const t of [
      { key: 'a', value: 'b', effect: 'NoSchedule' },
      { key: 'example.com/x', effect: 'NoExecute' },
    ]) {
      expect(parseTaint(taintToString(t))).toEqual(t);
    }
  });
});
