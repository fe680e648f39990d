// Output-format tests: -o parsing, YAML/JSON as kubectl writes them, custom columns, natural sort.
import { describe, expect, it } from 'vitest';
import { parseOutputFormat } from './output';
import { printJson, printYaml } from './jsonOutput';
import { goFmtV, parseCustomColumns, relaxedJsonPath } from './customColumns';
import { naturalLess } from './sortBy';

describe('parseOutputFormat', () => {
  const rows: { o: string | undefined; kind: string }[] = [
    { o: undefined, kind: 'table' },
    { o: 'wide', kind: 'table' },
    { o: 'yaml', kind: 'yaml' },
    { o: 'json', kind: 'json' },
    { o: 'name', kind: 'name' },
    { o: 'jsonpath={.a}', kind: 'jsonpath' },
    { o: 'custom-columns=N:.metadata.name', kind: 'custom-columns' },
  ];
  for (const r of rows)
    it(`${String(r.o)} -> ${r.kind}`, () => expect(parseOutputFormat(r.o).kind).toBe(r.kind));
  it('rejects jsonpath without a template', () => {
    expect(() => parseOutputFormat('jsonpath')).toThrow('template format specified but no template given');
  });
  it('rejects a broken jsonpath', () => {
    expect(() => parseOutputFormat('jsonpath={.a')).toThrow('error parsing jsonpath {.a, unclosed action');
  });
  it('rejects a custom-columns spec without a path', () => {
    expect(() => parseOutputFormat('custom-columns=NAME')).toThrow('expected <header>:<json-path-expr>');
  });
});

describe('printYaml (go-yaml v2 style)', () => {
  it('sorts keys, keeps lists flush and quotes ambiguous strings', () => {
    expect(
      printYaml({
        metadata: { resourceVersion: '12', name: 'x', creationTimestamp: '2025-01-01T00:00:00Z' },
        items: ['on', 'web'],
        e: '',
      }),
    ).toBe(
      'e: ""\nitems:\n- "on"\n- web\nmetadata:\n  creationTimestamp: "2025-01-01T00:00:00Z"\n  name: x\n  resourceVersion: "12"\n',
    );
  });
  it('single-quotes strings that only need quoting for their characters', () => {
    expect(printYaml({ message: 'containers with unready status: [nginx]' })).toBe(
      "message: 'containers with unready status: [nginx]'\n",
    );
  });
});

describe('printJson', () => {
  it('indents by 4, sorts keys and escapes HTML like Go', () => {
    expect(printJson({ b: 1, a: '<x>' })).toBe('{\n    "a": "\\u003cx\\u003e",\n    "b": 1\n}\n');
  });
});

describe('custom columns', () => {
  it('relaxes paths', () => {
    expect(relaxedJsonPath('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{.metadata.name}')).toBe('{.metadata.name}');
  });
  it('parses header:path pairs', () => {
    expect(parseCustomColumns('NAME:.metadata.name,IMG:.spec.containers[*].image')).toEqual([
      { header: 'NAME', path: '{.metadata.name}' },
      { header: 'IMG', path: '{.spec.containers[*].image}' },
    ]);
  });
  it("prints maps like Go's %v", () => expect(goFmtV({ b: '2', a: ['x', 'y'] })).toBe('map[a:[x y] b:2]'));
});

describe('naturalLess', () => {
  const rows: [string, string, boolean][] = [
    ['a9', 'a10', true],
    ['a10', 'a9', false],
    ['pod-2', 'pod-10', true],
    ['abc', 'abd', true],
    ['a', 'a', false],
    ['a', 'ab', true],
  ];
  for (const [a, b, want] of rows) it(`${a} < ${b} = ${want}`, () => expect(naturalLess(a, b)).toBe(want));
});
