// Schema errors name the file, the field path and the line/column, and a valid file parses to typed steps.
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioParseError } from './parse';
import type { ScenarioIssue } from './types';

function issuesOf(text: string): ScenarioIssue[] {
  try {
    parseScenario(text, 'x.yaml');
  } catch (e) {
    if (e instanceof ScenarioParseError) return [...e.issues];
    throw e;
  }
  return [];
}

const valid = `title: T
cluster: { seed: 7, nodes: 2 }
steps:
  - title: one
    run:
      - kubectl get pods
      - { command: kubectl apply -f -, stdin: "a: b" }
    advance: 30s
    checks:
      - describe: web ready
        get: deployment/web
        expect:
          status.readyReplicas: 3
          spec.replicas: { atLeast: 1 }
`;

describe('parseScenario', () => {
  it('parses a valid scenario into typed steps and checks', () => {
    const s = parseScenario(valid, 'x.yaml');
    expect(s.cluster).toEqual({ seed: 7, nodes: 2 });
    expect(s.steps[0]?.run).toEqual([
      { command: 'kubectl get pods', expectCode: 0 },
      { command: 'kubectl apply -f -', stdin: 'a: b', expectCode: 0 },
    ]);
    expect(s.steps[0]?.checks[0]).toEqual({
      kind: 'object',
      describe: 'web ready',
      get: 'deployment/web',
      expect: { 'status.readyReplicas': { equals: 3 }, 'spec.replicas': { atLeast: 1 } },
    });
  });

  const cases: { name: string; input: string; expected: Partial<ScenarioIssue> }[] = [
    {
      name: 'unknown field in a check points at the key',
      input: valid.replace('        get: deployment/web', '        gett: x\n        get: deployment/web'),
      expected: {
        path: 'steps[0].checks[0].gett',
        line: 11,
        column: 9,
        message: expect.stringContaining('unknown field "gett"') as string,
      },
    },
    {
      name: 'bad duration in advance',
      input: valid.replace('advance: 30s', 'advance: soon'),
      expected: {
        path: 'steps[0].advance',
        line: 8,
        column: 14,
        message: expect.stringContaining('invalid duration "soon"') as string,
      },
    },
    {
      name: 'missing title of a step',
      input: valid.replace('  - title: one\n', '  - text: hi\n'),
      expected: { path: 'steps[0]', line: 4, message: 'missing required field "title"' },
    },
    {
      name: 'wrong type for nodes',
      input: valid.replace('nodes: 2', 'nodes: lots'),
      expected: { path: 'cluster.nodes', line: 2, message: 'expected a list, got string' },
    },
    {
      name: 'count on a single-object check',
      input: valid.replace('status.readyReplicas: 3', 'count: 3'),
      expected: {
        path: 'steps[0].checks[0].expect.count',
        line: 13,
        message: expect.stringContaining('"count" only applies to list checks') as string,
      },
    },
    {
      name: 'invalid regex in matches',
      input: valid.replace('{ atLeast: 1 }', '{ matches: "(" }'),
      expected: {
        path: 'steps[0].checks[0].expect.spec.replicas.matches',
        message: expect.stringContaining('invalid regular expression') as string,
      },
    },
    {
      name: 'unsupported cni',
      input: valid.replace('nodes: 2', 'nodes: 2, cni: nope'),
      expected: {
        path: 'cluster.cni',
        message: expect.stringContaining('unsupported value "nope"') as string,
      },
    },
    {
      name: 'a check with no get/list/command',
      input: valid.replace('        get: deployment/web\n', ''),
      expected: {
        path: 'steps[0].checks[0]',
        message: expect.stringContaining('a check needs one of') as string,
      },
    },
    {
      name: 'yaml syntax error has a position',
      input: 'title: [unclosed\nsteps: []\n',
      expected: { path: '(yaml)', line: expect.any(Number) as number },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const issues = issuesOf(c.input);
      expect(issues).toContainEqual(expect.objectContaining({ file: 'x.yaml', ...c.expected }));
    });
  }

  it('reports every issue at once, formatted as file:line:col: path: message', () => {
    const bad = valid.replace('advance: 30s', 'advance: soon').replace('nodes: 2', 'nodes: lots');
    const err = (() => {
      try {
        parseScenario(bad, 'x.yaml');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err?.message).toContain('x.yaml:2:');
    expect(err?.message).toContain('cluster.nodes: expected a list, got string');
    expect(err?.message).toContain('x.yaml:8:14: steps[0].advance: invalid duration "soon"');
  });
});
