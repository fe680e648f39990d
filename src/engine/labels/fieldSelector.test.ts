// Tests for field selector parsing, escaping and matching (after apimachinery fields/selector_test.go).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  escapeFieldValue,
  fieldSelectorFromSet,
  matchesFields,
  parseFieldSelector,
  unescapeFieldValue,
} from './fieldSelector';

describe('parseFieldSelector', () => {
  const good: { in: string; out: string }[] = [
    { in: 'x=a,y=b,z=c', out: 'x=a,y=b,z=c' },
    { in: '', out: '' },
    { in: 'x!=a,y=b', out: 'x!=a,y=b' },
    { in: 'y=b,x!=a', out: 'x!=a,y=b' },
    { in: 'x==a', out: 'x=a' },
    { in: 'x=', out: 'x=' },
    { in: 'x=a\\,b', out: 'x=a\\,b' },
    { in: 'x=a\\=b', out: 'x=a\\=b' },
    { in: 'x=a\\\\b', out: 'x=a\\\\b' },
    { in: 'metadata.name=web-0,spec.nodeName=', out: 'metadata.name=web-0,spec.nodeName=' },
  ];
  it.each(good)('parses $in', ({ in: s, out }) => {
    expect(parseFieldSelector(s).toString()).toBe(out);
  });
  const bad: { in: string; msg: string }[] = [
    { in: 'x=a||y=b', msg: 'invalid field selector: unescaped character in value: 61' },
    { in: 'a=b,c', msg: "invalid selector: 'a=b,c'; can't understand 'c'" },
    { in: 'x', msg: "invalid selector: 'x'; can't understand 'x'" },
    { in: 'x=a=b', msg: 'invalid field selector: unescaped character in value: 61' },
    { in: 'x=a\\b', msg: 'invalid field selector: invalid escape sequence: \\b' },
    { in: 'x=a\\', msg: 'invalid field selector: invalid escape sequence: \\' },
  ];
  it.each(bad)('rejects $in', ({ in: s, msg }) => {
    expect(() => parseFieldSelector(s)).toThrow(msg);
  });
  it('empty selector is empty and matches anything', () => {
    const sel = parseFieldSelector('');
    expect(sel.empty()).toBe(true);
    expect(matchesFields(sel, { 'metadata.name': 'x' })).toBe(true);
    expect(parseFieldSelector(',').empty()).toBe(true);
  });
  it('== and = are the same requirement', () => {
    expect(parseFieldSelector('a==b').requirements).toEqual([{ field: 'a', operator: '=', value: 'b' }]);
  });
});

describe('matchesFields', () => {
  const rows: { sel: string; fields: Record<string, string>; match: boolean }[] = [
    { sel: 'metadata.name=web', fields: { 'metadata.name': 'web' }, match: true },
    { sel: 'metadata.name=web', fields: { 'metadata.name': 'db' }, match: false },
    { sel: 'status.phase!=Running', fields: { 'status.phase': 'Pending' }, match: true },
    { sel: 'status.phase!=Running', fields: { 'status.phase': 'Running' }, match: false },
    // a missing field reads as empty
    { sel: 'spec.nodeName=', fields: {}, match: true },
    { sel: 'spec.nodeName!=', fields: {}, match: false },
    {
      sel: 'spec.nodeName!=,status.phase=Running',
      fields: { 'spec.nodeName': 'n1', 'status.phase': 'Running' },
      match: true,
    },
    { sel: 'a=x\\,y', fields: { a: 'x,y' }, match: true },
  ];
  it.each(rows)('$sel on $fields -> $match', ({ sel, fields, match }) => {
    expect(matchesFields(parseFieldSelector(sel), fields)).toBe(match);
  });
  it('fieldSelectorFromSet', () => {
    const sel = fieldSelectorFromSet({ 'metadata.namespace': 'default' });
    expect(matchesFields(sel, { 'metadata.namespace': 'default' })).toBe(true);
    expect(matchesFields(sel, { 'metadata.namespace': 'kube-system' })).toBe(false);
  });
});

describe('escaping', () => {
  it('unescape(escape(s)) === s for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => unescapeFieldValue(escapeFieldValue(s)) === s));
  });
  it('a selector built from any value round-trips through toString', () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        const sel = parseFieldSelector(`f=${escapeFieldValue(v)}`);
        return (
          matchesFields(sel, { f: v }) && parseFieldSelector(sel.toString()).requirements[0]?.value === v
        );
      }),
    );
  });
});
