// Tests for label selector parsing/matching, ported from apimachinery's labels/selector_test.go tables.
import { describe, expect, it } from 'vitest';
import { parseSelector, selectorFromLabelSelector, selectorFromSet, everything, nothing } from './selector';
import { newRequirement, selectorFromRequirements } from './requirement';
import type { Requirement } from './types';

describe('parseSelector (TestSelectorParse)', () => {
  const testGoodStrings = [
    'x=a,y=b,z=c',
    '',
    'x!=a,y=b',
    'x=',
    'x= ',
    'x=,z= ',
    'x= ,z= ',
    '!x',
    'x>1',
    'x>1,z<5',
  ];
  it.each(testGoodStrings)('parses %j and re-strings without spaces', (s) => {
    expect(parseSelector(s).toString()).toBe(s.replaceAll(' ', ''));
  });
  const testBadStrings = ['x=a||y=b', 'x==a==b', '!x=a', 'x<a'];
  it.each(testBadStrings)('rejects %j', (s) => {
    expect(() => parseSelector(s)).toThrow();
  });
  it('is deterministic (TestDeterministicParse)', () => {
    expect(parseSelector('x=a,a=x').toString()).toBe(parseSelector('a=x,x=a').toString());
    expect(parseSelector('x=a,a=x').toString()).toBe('a=x,x=a');
  });
});

describe('matching (TestSelectorMatches)', () => {
  const rows: { sel: string; labels: Record<string, string>; match: boolean }[] = [
    { sel: '', labels: { x: 'y' }, match: true },
    { sel: 'x=y', labels: { x: 'y' }, match: true },
    { sel: 'x=y,z=w', labels: { x: 'y', z: 'w' }, match: true },
    { sel: 'x!=y,z!=w', labels: { x: 'z', z: 'a' }, match: true },
    { sel: 'notin=in', labels: { notin: 'in' }, match: true },
    { sel: 'x', labels: { x: 'z' }, match: true },
    { sel: '!x', labels: { y: 'z' }, match: true },
    { sel: 'x>1', labels: { x: '2' }, match: true },
    { sel: 'x<1', labels: { x: '0' }, match: true },
    { sel: 'x=z', labels: {}, match: false },
    { sel: 'x=y', labels: { x: 'z' }, match: false },
    { sel: 'x=y,z=w', labels: { x: 'w', z: 'w' }, match: false },
    { sel: 'x!=y,z!=w', labels: { x: 'z', z: 'w' }, match: false },
    { sel: 'x', labels: { y: 'z' }, match: false },
    { sel: '!x', labels: { x: 'z' }, match: false },
    { sel: 'x>1', labels: { x: '0' }, match: false },
    { sel: 'x<1', labels: { x: '2' }, match: false },
    { sel: 'foo=bar', labels: { foo: 'bar', baz: 'blah' }, match: true },
    { sel: 'baz=blah', labels: { foo: 'bar', baz: 'blah' }, match: true },
    { sel: 'foo=bar,baz=blah', labels: { foo: 'bar', baz: 'blah' }, match: true },
    { sel: 'foo=blah', labels: { foo: 'bar', baz: 'blah' }, match: false },
    { sel: 'baz=bar', labels: { foo: 'bar', baz: 'blah' }, match: false },
    { sel: 'foo=bar,foobar=bar,baz=blah', labels: { foo: 'bar', baz: 'blah' }, match: false },
    // extra: set-based and numeric edge cases
    { sel: 'env in (prod,staging)', labels: { env: 'staging' }, match: true },
    { sel: 'env notin (prod)', labels: {}, match: true },
    { sel: 'env in (a,b,c,d,e,f)', labels: { env: 'f' }, match: true },
    { sel: 'env in (a,b,c,d,e,f)', labels: { env: 'g' }, match: false },
    { sel: 'x>1', labels: { x: 'v2' }, match: false },
    { sel: 'x>9007199254740993', labels: { x: '9007199254740994' }, match: true },
    { sel: 'x<5', labels: { x: '-6' }, match: true },
    { sel: 'toString', labels: {}, match: false },
    { sel: '!constructor', labels: {}, match: true },
  ];
  it.each(rows)('$sel on $labels -> $match', ({ sel, labels, match }) => {
    expect(parseSelector(sel).matches(labels)).toBe(match);
  });
  it('undefined labels behave like an empty set', () => {
    expect(parseSelector('!x').matches(undefined)).toBe(true);
    expect(parseSelector('x').matches(undefined)).toBe(false);
  });
});

describe('TestSetSelectorParser', () => {
  const req = (key: string, operator: Requirement['operator'], values: string[] = []): Requirement =>
    newRequirement(key, operator, values);
  const rows: { in: string; out?: Requirement[]; valid: boolean }[] = [
    { in: '', out: [], valid: true },
    { in: '\rx', out: [req('x', 'exists')], valid: true },
    {
      in: 'this-is-a-dns.domain.com/key-with-dash',
      out: [req('this-is-a-dns.domain.com/key-with-dash', 'exists')],
      valid: true,
    },
    {
      in: 'this-is-another-dns.domain.com/key-with-dash in (so,what)',
      out: [req('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])],
      valid: true,
    },
    {
      in: '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)',
      out: [req('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])],
      valid: true,
    },
    { in: 'foo  in\t (abc)', out: [req('foo', 'in', ['abc'])], valid: true },
    { in: 'x notin\n (abc)', out: [req('x', 'notin', ['abc'])], valid: true },
    { in: 'x  notin\t\t\t(abc,def)', out: [req('x', 'notin', ['abc', 'def'])], valid: true },
    { in: 'x in (abc,def)', out: [req('x', 'in', ['abc', 'def'])], valid: true },
    { in: 'x in (abc,)', out: [req('x', 'in', ['abc', ''])], valid: true },
    { in: 'x in ()', out: [req('x', 'in', [''])], valid: true },
    {
      in: 'x notin (abc,,def),bar,z in (),w',
      out: [
        req('bar', 'exists'),
        req('w', 'exists'),
        req('x', 'notin', ['abc', '', 'def']),
        req('z', 'in', ['']),
      ],
      valid: true,
    },
    { in: 'x,y in (a)', out: [req('x', 'exists'), req('y', 'in', ['a'])], valid: true },
    { in: 'x=a', out: [req('x', '=', ['a'])], valid: true },
    { in: 'x>1', out: [req('x', 'gt', ['1'])], valid: true },
    { in: 'x<7', out: [req('x', 'lt', ['7'])], valid: true },
    { in: 'x=a,y!=b', out: [req('x', '=', ['a']), req('y', '!=', ['b'])], valid: true },
    {
      in: 'x=a,y!=b,z in (h,i,j)',
      out: [req('x', '=', ['a']), req('y', '!=', ['b']), req('z', 'in', ['h', 'i', 'j'])],
      valid: true,
    },
    { in: 'x=a||y=b', valid: false },
    { in: 'x,,y', valid: false },
    { in: ',x,y', valid: false },
    { in: 'x nott in (y)', valid: false },
    { in: 'x notin ( )', out: [req('x', 'notin', [''])], valid: true },
    { in: 'x notin (, a)', out: [req('x', 'notin', ['', 'a'])], valid: true },
    { in: 'a in (xyz),', valid: false },
    { in: 'a in (xyz)b notin ()', valid: false },
    { in: 'a ', out: [req('a', 'exists')], valid: true },
    { in: 'a in (x,y,notin, z,in)', out: [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])], valid: true },
    { in: 'a in (xyz abc)', valid: false },
    { in: 'a notin(', valid: false },
    { in: 'a (', valid: false },
    { in: '(', valid: false },
  ];
  it.each(rows)('$in (valid: $valid)', (row) => {
    if (!row.valid) {
      expect(() => parseSelector(row.in)).toThrow();
      return;
    }
    expect(parseSelector(row.in).requirements).toEqual(row.out);
  });
});

describe('error messages (as kubectl prints them)', () => {
  const rows: { in: string; msg: string }[] = [
    { in: '(', msg: "found '(', expected: !, identifier, or 'end of string'" },
    { in: 'x,,y', msg: "found ',', expected: identifier after ','" },
    { in: 'a in (xyz)b notin ()', msg: "found 'b', expected: ',' or 'end of string'" },
    {
      in: 'x nott in (y)',
      msg: "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt",
    },
    { in: 'a in (xyz abc)', msg: "unable to parse requirement: found 'abc', expected: ',' or ')'" },
    { in: 'a notin(', msg: "unable to parse requirement: found '', expected: ',', ')' or identifier" },
    {
      in: 'x<a',
      msg: `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    },
    {
      in: '-x=a',
      msg:
        'unable to parse requirement: <nil>: Invalid value: "-x": name part must consist of alphanumeric characters, ' +
        "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or " +
        "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    },
    {
      in: 'x<-5',
      msg: 'unable to parse requirement: values[0][x]: Invalid value: "-5": a valid label must be an empty string',
    },
    {
      in: 'app=a b',
      msg: "found 'b', expected: ',' or 'end of string'",
    },
    {
      in: 'app=-bad',
      msg:
        'unable to parse requirement: values[0][app]: Invalid value: "-bad": a valid label must be an empty string or ' +
        "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    },
  ];
  it.each(rows)('$in', ({ in: s, msg }) => {
    expect(() => parseSelector(s)).toThrow(msg);
  });
});

describe('TestToString', () => {
  it('prints requirements as Go does', () => {
    const sel = selectorFromRequirements([
      newRequirement('x', 'in', ['def', 'abc']),
      newRequirement('y', 'notin', ['jkl']),
      newRequirement('z', 'exists', []),
    ]);
    expect(sel.toString()).toBe('x in (abc,def),y notin (jkl),z');
    const sel2 = selectorFromRequirements([
      newRequirement('x', 'notin', ['abc']),
      newRequirement('y', 'in', ['jkl', 'mno']),
      newRequirement('z', 'notin', ['']),
    ]);
    expect(sel2.toString()).toBe('x notin (abc),y in (jkl,mno),z notin ()');
    expect(parseSelector('x=abc,y==jkl,z!=a,!w').toString()).toBe('!w,x=abc,y==jkl,z!=a');
    expect(parseSelector('x>2,y<8,z').toString()).toBe('x>2,y<8,z');
  });
});

describe('TestRequirementConstructor', () => {
  const rows: { key: string; op: Requirement['operator']; vals: string[]; ok: boolean }[] = [
    { key: 'x', op: 'in', vals: [], ok: false },
    { key: 'x', op: 'notin', vals: [], ok: false },
    { key: 'x', op: 'in', vals: ['foo'], ok: true },
    { key: 'x', op: 'notin', vals: ['foo'], ok: true },
    { key: 'x', op: 'exists', vals: [], ok: true },
    { key: 'x', op: '!', vals: [], ok: true },
    { key: '1foo', op: 'in', vals: ['bar'], ok: true },
    { key: '1234', op: 'in', vals: ['bar'], ok: true },
    { key: 'y', op: 'gt', vals: ['1'], ok: true },
    { key: 'z', op: 'lt', vals: ['6'], ok: true },
    { key: 'foo', op: 'gt', vals: ['bar'], ok: false },
    { key: 'barz', op: 'lt', vals: ['blah'], ok: false },
    { key: 'a'.repeat(254), op: 'exists', vals: [], ok: false },
  ];
  it.each(rows)('$key $op $vals', ({ key, op, vals, ok }) => {
    if (ok) expect(() => newRequirement(key, op, vals)).not.toThrow();
    else expect(() => newRequirement(key, op, vals)).toThrow();
  });
});

describe('selectorFromSet and selectorFromLabelSelector', () => {
  it('SelectorFromSet matches exactly the set (TestSetMatches)', () => {
    const labelset = { foo: 'bar', baz: 'blah' };
    const sets: Record<string, string>[] = [{}, { foo: 'bar' }, { baz: 'blah' }, { foo: 'bar', baz: 'blah' }];
    for (const s of sets) {
      expect(selectorFromSet(s).matches(labelset)).toBe(true);
    }
    expect(selectorFromSet({ foo: 'other' }).matches(labelset)).toBe(false);
    expect(selectorFromSet({}).empty()).toBe(true);
    expect(selectorFromSet(undefined).empty()).toBe(true);
    expect(selectorFromSet({ b: '2', a: '1' }).toString()).toBe('a=1,b=2');
  });
  it('nil LabelSelector matches nothing, empty matches everything', () => {
    expect(selectorFromLabelSelector(null).matches({ a: 'b' })).toBe(false);
    expect(selectorFromLabelSelector(null).empty()).toBe(false);
    expect(selectorFromLabelSelector(undefined)).toBe(nothing());
    expect(selectorFromLabelSelector({})).toBe(everything());
    expect(selectorFromLabelSelector({ matchLabels: {}, matchExpressions: [] }).matches({})).toBe(true);
  });
  it('combines matchLabels and matchExpressions', () => {
    const sel = selectorFromLabelSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['fe', 'be'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'zone', operator: 'Exists' },
      ],
    });
    expect(sel.toString()).toBe('app=web,!canary,env notin (dev),tier in (be,fe),zone');
    expect(sel.matches({ app: 'web', tier: 'fe', zone: 'a' })).toBe(true);
    expect(sel.matches({ app: 'web', tier: 'fe', zone: 'a', canary: 'y' })).toBe(false);
    expect(sel.matches({ app: 'web', tier: 'fe' })).toBe(false);
  });
  it('rejects bad operators and empty In values with apimachinery text', () => {
    expect(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Equals' }] })).toThrow(
      '"Equals" is not a valid label selector operator',
    );
    expect(() =>
      selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }),
    ).toThrow("values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
    expect(() => selectorFromLabelSelector({ matchLabels: { 'a/b/c': 'x' } })).toThrow(
      /^key: Invalid value: "a\/b\/c"/,
    );
  });
});
