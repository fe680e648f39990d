// Manifest reading: good inputs, a corpus of broken YAML (each error with line and column), hostile inputs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ManifestError, parseManifests } from './parseManifests';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
const HINT = '; if you choose to ignore these errors, turn validation off with --validate=false';
const YAML_ERR = 'error parsing STDIN: error converting YAML to JSON: yaml: ';

function messageOf(text: string): string {
  try {
    parseManifests(text, 'STDIN');
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return (e as Error).message;
  }
  throw new Error('expected a ManifestError');
}

describe('parseManifests: good input', () => {
  const rows: { name: string; input: string; expected: unknown[] }[] = [
    {
      name: 'one object',
      input: POD,
      expected: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } }],
    },
    {
      name: 'multi-document with empty and comment-only documents skipped',
      input: `---\n${POD}---\n# just a comment\n---\n\n---\n${POD.replace('web', 'db')}...\n`,
      expected: [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db' } },
      ],
    },
    {
      name: 'kind: List expands its items',
      input: `apiVersion: v1\nkind: List\nitems:\n- ${POD.trim().split('\n').join('\n  ')}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: svc}\n`,
      expected: [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' } },
      ],
    },
    {
      name: 'JSON input',
      input: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}}',
      expected: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' } }],
    },
    {
      name: 'YAML 1.1 scalars like sigs.k8s.io/yaml: 0644 is octal, on/yes are true, timestamps stay strings',
      input: `${POD}  annotations: {when: 2001-12-14}\nspec:\n  mode: 0644\n  a: on\n  b: yes\n  c: NO\n  d: "0644"\n`,
      expected: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'web', annotations: { when: '2001-12-14' } },
          spec: { mode: 420, a: true, b: true, c: false, d: '0644' },
        },
      ],
    },
    {
      name: 'missing metadata becomes an empty map',
      input: 'apiVersion: v1\nkind: Namespace\n',
      expected: [{ apiVersion: 'v1', kind: 'Namespace', metadata: {} }],
    },
    {
      name: 'merge keys',
      input: `${POD}base: &b {p: 1, q: 2}\nspec:\n  <<: *b\n  q: 3\n`,
      expected: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'web' },
          base: { p: 1, q: 2 },
          spec: { p: 1, q: 3 },
        },
      ],
    },
  ];
  it.each(rows)('$name', ({ input, expected }) => {
    expect(parseManifests(input, 'STDIN').objects).toEqual(expected);
  });

  it('gives every alias use its own copy', () => {
    const { objects } = parseManifests(`${POD}  labels: &l {app: web}\nspec:\n  selector: *l\n`, 'STDIN');
    const obj = objects[0] as unknown as {
      metadata: { labels: object };
      spec: { selector: { app: string } };
    };
    expect(obj.spec.selector).toEqual({ app: 'web' });
    expect(obj.spec.selector).not.toBe(obj.metadata.labels);
  });
});

describe('parseManifests: broken YAML reports line and column', () => {
  const rows: { name: string; input: string; expected: string }[] = [
    {
      name: 'tab indentation',
      input: `${POD}spec:\n\tx: 1\n`,
      expected: 'line 6, column 1: found character that cannot start any token',
    },
    {
      name: 'mapping value in a compact mapping',
      input: `${POD}  labels: app: web\n`,
      expected: 'line 5, column 11: mapping values are not allowed in this context',
    },
    {
      name: 'plain scalar continued with a colon',
      input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x:\n    y\n',
      expected: 'line 4, column 9: mapping values are not allowed in this context',
    },
    {
      name: 'bad indentation',
      input: `${POD} namespace: y\n`,
      expected: 'line 5, column 1: did not find expected key',
    },
    {
      name: 'unclosed double quote',
      input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n',
      expected: 'line 5, column 1: found unexpected end of stream',
    },
    {
      name: 'unclosed single quote',
      input: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'web\n",
      expected: 'line 5, column 1: found unexpected end of stream',
    },
    {
      name: 'duplicate key',
      input: `${POD}  name: db\n`,
      expected: 'line 5, column 3: key "name" already set in map',
    },
    {
      name: 'duplicate key after YAML 1.1 boolean folding (on == true)',
      input: `${POD}spec:\n  on: 1\n  true: 2\n`,
      expected: 'line 7, column 3: key "true" already set in map',
    },
    {
      name: 'unclosed flow map',
      input: `${POD}spec: {a: 1\n`,
      expected: "line 6, column 1: did not find expected ',' or '}'",
    },
    {
      name: 'unclosed flow sequence',
      input: `${POD}spec: [a\n`,
      expected: "line 6, column 1: did not find expected ',' or ']'",
    },
    {
      name: 'sequence entry inside a mapping',
      input: 'apiVersion: v1\nkind: Pod\n- a\n',
      expected: "line 3, column 1: could not find expected ':'",
    },
    {
      name: 'unknown anchor',
      input: `${POD}spec:\n  a: 1\n  b: *nope\n`,
      expected: "line 7, column 6: unknown anchor 'nope' referenced",
    },
    {
      name: 'broken JSON falls back to YAML positions',
      input: '{"apiVersion": "v1",\n"kind": "Pod"',
      expected: "line 2, column 14: did not find expected ',' or '}'",
    },
  ];
  it.each(rows)('$name', ({ input, expected }) => {
    expect(messageOf(input)).toBe(YAML_ERR + expected);
  });

  it('reports the document the error is in, counting lines across documents', () => {
    expect(messageOf(`${POD}---\n${POD}  name: again\n`)).toBe(
      `${YAML_ERR}line 10, column 3: key "name" already set in map`,
    );
  });
});

describe('parseManifests: validation in kubectl words', () => {
  it.each([
    { name: 'no kind', input: 'apiVersion: v1\nmetadata: {name: x}\n', expected: 'kind not set' },
    { name: 'no apiVersion', input: 'kind: Pod\nmetadata: {name: x}\n', expected: 'apiVersion not set' },
    { name: 'neither', input: 'metadata: {name: x}\n', expected: '[apiVersion not set, kind not set]' },
    { name: 'a scalar document', input: 'hello\n', expected: 'invalid object to validate' },
    {
      name: 'metadata not a map',
      input: 'apiVersion: v1\nkind: Pod\nmetadata: web\n',
      expected:
        'ValidationError(Pod.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "string", expected "map"',
    },
    {
      name: 'an item of a List',
      input: 'apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n',
      expected: 'apiVersion not set',
    },
  ])('$name', ({ input, expected }) => {
    expect(messageOf(input)).toBe(`error validating "STDIN": error validating data: ${expected}${HINT}`);
  });

  it('with --validate=false a missing kind is a decode error', () => {
    expect(() => parseManifests('apiVersion: v1\n', 'STDIN', { validate: false })).toThrow(
      `unable to decode "STDIN": Object 'Kind' is missing in '{"apiVersion":"v1"}'`,
    );
  });
});

describe('parseManifests: hostile input', () => {
  const lol = (n: number, ref: string) => `[${Array(9).fill(ref).join(',')}]`.replace(/\*x/g, `*l${n - 1}`);
  const laughs = ['a: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    .concat(Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} ${lol(i + 1, '*x')}`))
    .join('\n');

  it('rejects a billion laughs quickly, with a position', () => {
    expect(laughs.length).toBeLessThan(500);
    expect(messageOf(laughs)).toBe(`${YAML_ERR}line 2, column 10: document contains excessive aliasing`);
  });

  it('never writes through __proto__ or constructor', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const input = `${POD}  __proto__: {polluted: yes}\n  labels: {constructor: x, __proto__: z}\nspec:\n  __proto__:\n    polluted: 1\n  prototype: {polluted: 1}\n`;
    const { objects } = parseManifests(input, 'STDIN');
    const json = JSON.parse(JSON.stringify(objects[0])) as Record<string, Record<string, unknown>>;
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(json.spec?.['__proto__']).toEqual({ polluted: 1 });
    expect(Object.getPrototypeOf(objects[0]?.metadata)).toBe(Object.prototype);
    expect(objects[0]?.metadata.labels).toEqual(JSON.parse('{"constructor":"x","__proto__":"z"}'));
  });

  it('rejects deep nesting with a position instead of overflowing the stack', () => {
    expect(messageOf(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`)).toMatch(
      /^error parsing STDIN: .*yaml: line 1, column \d+: exceeded max depth/,
    );
  });

  it('caps the input size and the keys per map', () => {
    expect(() =>
      parseManifests('a'.repeat(11), 'STDIN', {
        limits: { maxBytes: 10, maxDepth: 100, maxKeysPerMap: 5, maxNodes: 100 },
      }),
    ).toThrow('error parsing STDIN: input is 11 bytes, more than the 10 allowed');
    const keys = Array.from({ length: 6 }, (_, i) => `k${i}: ${i}`).join('\n');
    expect(() =>
      parseManifests(`${POD}spec:\n  ${keys.split('\n').join('\n  ')}\n`, 'STDIN', {
        limits: { maxBytes: 1000, maxDepth: 100, maxKeysPerMap: 5, maxNodes: 100 },
      }),
    ).toThrow(`${YAML_ERR}line 6, column 3: map has 6 keys, more than the 5 allowed`);
  });

  it('.inf cannot become JSON', () => {
    expect(messageOf(`${POD}spec: {x: .inf}\n`)).toBe(
      'error parsing STDIN: error converting YAML to JSON: json: unsupported value: +Inf',
    );
  });

  it('only ever throws ManifestError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseManifests(s, 'STDIN');
        } catch (e) {
          expect(e).toBeInstanceOf(ManifestError);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('round-trips any JSON object with apiVersion and kind', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), (extra) => {
        const obj = { ...extra, apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } };
        expect(parseManifests(JSON.stringify(obj), 'STDIN').objects).toEqual([
          JSON.parse(JSON.stringify(obj)),
        ]);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
