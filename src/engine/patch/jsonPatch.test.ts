// Tests for JSON patch: RFC 6902 Appendix A examples plus evanphx/json-patch error texts.
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../types/json';
import { applyJsonPatch } from './jsonPatch';

const ok: { name: string; doc: JsonValue; ops: JsonValue; expected: JsonValue }[] = [
  {
    name: 'A.1 add object member',
    doc: { foo: 'bar' },
    ops: [{ op: 'add', path: '/baz', value: 'qux' }],
    expected: { baz: 'qux', foo: 'bar' },
  },
  {
    name: 'A.2 add array element',
    doc: { foo: ['bar', 'baz'] },
    ops: [{ op: 'add', path: '/foo/1', value: 'qux' }],
    expected: { foo: ['bar', 'qux', 'baz'] },
  },
  {
    name: 'A.3 remove object member',
    doc: { baz: 'qux', foo: 'bar' },
    ops: [{ op: 'remove', path: '/baz' }],
    expected: { foo: 'bar' },
  },
  {
    name: 'A.4 remove array element',
    doc: { foo: ['bar', 'qux', 'baz'] },
    ops: [{ op: 'remove', path: '/foo/1' }],
    expected: { foo: ['bar', 'baz'] },
  },
  {
    name: 'A.5 replace a value',
    doc: { baz: 'qux', foo: 'bar' },
    ops: [{ op: 'replace', path: '/baz', value: 'boo' }],
    expected: { baz: 'boo', foo: 'bar' },
  },
  {
    name: 'A.6 move a value',
    doc: { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
    ops: [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
    expected: { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
  },
  {
    name: 'A.7 move an array element',
    doc: { foo: ['all', 'grass', 'cows', 'eat'] },
    ops: [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
    expected: { foo: ['all', 'cows', 'eat', 'grass'] },
  },
  {
    name: 'A.8 testing a value: success',
    doc: { baz: 'qux', foo: ['a', 2, 'c'] },
    ops: [
      { op: 'test', path: '/baz', value: 'qux' },
      { op: 'test', path: '/foo/1', value: 2 },
    ],
    expected: { baz: 'qux', foo: ['a', 2, 'c'] },
  },
  {
    name: 'A.10 adding a nested member object',
    doc: { foo: 'bar' },
    ops: [{ op: 'add', path: '/child', value: { grandchild: {} } }],
    expected: { foo: 'bar', child: { grandchild: {} } },
  },
  {
    name: 'A.11 ignoring unrecognized elements',
    doc: { foo: 'bar' },
    ops: [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }],
    expected: { foo: 'bar', baz: 'qux' },
  },
  {
    name: 'A.14 ~ escape ordering',
    doc: { '/': 9, '~1': 10 },
    ops: [{ op: 'test', path: '/~01', value: 10 }],
    expected: { '/': 9, '~1': 10 },
  },
  {
    name: 'A.16 adding an array value',
    doc: { foo: ['bar'] },
    ops: [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
    expected: { foo: ['bar', ['abc', 'def']] },
  },
  {
    name: 'copy',
    doc: { a: { b: 1 } },
    ops: [{ op: 'copy', from: '/a', path: '/c' }],
    expected: { a: { b: 1 }, c: { b: 1 } },
  },
  {
    name: 'replace whole document',
    doc: { a: 1 },
    ops: [{ op: 'replace', path: '', value: { b: 2 } }],
    expected: { b: 2 },
  },
  {
    name: 'kubectl-style label and replicas edit',
    doc: { metadata: { labels: { 'app.kubernetes.io/name': 'web' } }, spec: { replicas: 1 } },
    ops: [
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/metadata/labels/tier', value: 'fe' },
      { op: 'remove', path: '/metadata/labels/app.kubernetes.io~1name' },
    ],
    expected: { metadata: { labels: { tier: 'fe' } }, spec: { replicas: 3 } },
  },
];

const bad: { name: string; doc: JsonValue; ops: JsonValue; error: string }[] = [
  {
    name: 'A.9 testing a value: error',
    doc: { baz: 'qux' },
    ops: [{ op: 'test', path: '/baz', value: 'bar' }],
    error: 'testing value /baz failed: test failed',
  },
  {
    name: 'A.12 adding to a nonexistent target',
    doc: { foo: 'bar' },
    ops: [{ op: 'add', path: '/baz/bat', value: 'qux' }],
    error: 'add operation does not apply: doc is missing path: "/baz/bat": missing value',
  },
  {
    name: 'A.15 comparing strings and numbers',
    doc: { '/': 9, '~1': 10 },
    ops: [{ op: 'test', path: '/~01', value: '10' }],
    error: 'testing value /~01 failed: test failed',
  },
  {
    name: 'remove missing key',
    doc: { spec: {} },
    ops: [{ op: 'remove', path: '/spec/foo' }],
    error: "error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value",
  },
  {
    name: 'replace missing key',
    doc: { spec: {} },
    ops: [{ op: 'replace', path: '/spec/foo', value: 1 }],
    error: 'replace operation does not apply: doc is missing key: /spec/foo: missing value',
  },
  {
    name: 'add past the end',
    doc: { a: [1] },
    ops: [{ op: 'add', path: '/a/5', value: 1 }],
    error: "error in add for path: '/a/5': Unable to access invalid index: 5: invalid index referenced",
  },
  { name: 'unknown op', doc: {}, ops: [{ op: 'frob', path: '/a' }], error: 'Unexpected kind: frob' },
  {
    name: 'move missing from',
    doc: {},
    ops: [{ op: 'move', from: '/x', path: '/a' }],
    error: 'move operation does not apply: doc is missing from path: /x: missing value',
  },
];

describe('applyJsonPatch', () => {
  it.each(ok)('$name', ({ doc, ops, expected }) => {
    const before = JSON.stringify(doc);
    expect(applyJsonPatch(doc, ops)).toEqual(expected);
    expect(JSON.stringify(doc)).toBe(before);
  });
  it.each(bad)('$name', ({ doc, ops, error }) => {
    expect(() => applyJsonPatch(doc, ops)).toThrow(error);
  });
  it('is all-or-nothing: a failing op leaves the input untouched', () => {
    const doc = { a: 1 };
    expect(() =>
      applyJsonPatch(doc, [
        { op: 'replace', path: '/a', value: 2 },
        { op: 'test', path: '/a', value: 1 },
      ]),
    ).toThrow();
    expect(doc).toEqual({ a: 1 });
  });
  it('treats __proto__ as an ordinary key', () => {
    const out = applyJsonPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: 'yes' } }]) as Record<
      string,
      unknown
    >;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(() => applyJsonPatch({}, [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }])).toThrow(
      'doc is missing path',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
