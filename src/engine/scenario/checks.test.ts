// Check evaluation: dotted paths, matchers, list counts and command output, against a fake kubectl.
import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../commands/types';
import { checkCommandLine, evaluateCheck } from './checks';
import { failureOf, lookup } from './matchers';
import type { Check } from './types';

const deploy = {
  kind: 'Deployment',
  metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '2' } },
  spec: { replicas: 3, template: { spec: { containers: [{ image: 'nginx:1.26' }] } } },
  status: { replicas: 3, readyReplicas: 2 },
};
const pods = { items: [{ status: { phase: 'Running' } }, { status: { phase: 'Pending' } }] };

function fakeRunner(seen: string[]): { run(line: string): CommandResult } {
  return {
    run(line) {
      seen.push(line);
      if (line.startsWith('kubectl get deployment/web'))
        return { code: 0, stdout: JSON.stringify(deploy), stderr: '' };
      if (line.startsWith('kubectl get pods')) return { code: 0, stdout: JSON.stringify(pods), stderr: '' };
      if (line === 'kubectl version') return { code: 0, stdout: 'Client Version: v1.31.0\n', stderr: '' };
      return {
        code: 1,
        stdout: '',
        stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      };
    },
  };
}

describe('lookup and matchers', () => {
  const rows: { name: string; path: string; matcher: Parameters<typeof failureOf>[0]; pass: boolean }[] = [
    { name: 'equals a number', path: 'spec.replicas', matcher: { equals: 3 }, pass: true },
    { name: 'equals mismatch', path: 'status.readyReplicas', matcher: { equals: 3 }, pass: false },
    {
      name: 'index segment',
      path: 'spec.template.spec.containers.0.image',
      matcher: { equals: 'nginx:1.26' },
      pass: true,
    },
    {
      name: 'bracket index',
      path: 'spec.template.spec.containers[0].image',
      matcher: { matches: '^nginx:1\\.2' },
      pass: true,
    },
    {
      name: 'quoted key with dots',
      path: 'metadata.annotations["deployment.kubernetes.io/revision"]',
      matcher: { equals: '2' },
      pass: true,
    },
    {
      name: 'absent status count equals 0 (omitempty)',
      path: 'status.availableReplicas',
      matcher: { equals: 0 },
      pass: true,
    },
    {
      name: 'absent counts as 0 for atMost',
      path: 'status.availableReplicas',
      matcher: { atMost: 0 },
      pass: true,
    },
    { name: 'atLeast fails below', path: 'status.readyReplicas', matcher: { atLeast: 3 }, pass: false },
    { name: 'exists true', path: 'metadata.name', matcher: { exists: true }, pass: true },
    { name: 'exists false on present', path: 'metadata.name', matcher: { exists: false }, pass: false },
    { name: 'matches on absent fails', path: 'metadata.uid', matcher: { matches: '.*' }, pass: false },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const found = lookup(deploy, r.path);
      const value = found.many ? found.values : found.value;
      expect(failureOf(r.matcher, value) === undefined).toBe(r.pass);
    });
  }
});

describe('evaluateCheck', () => {
  it('reads state only through kubectl get -o json and reports the failing path', () => {
    const seen: string[] = [];
    const c: Check = {
      kind: 'object',
      describe: 'ready',
      get: 'deployment/web',
      hint: 'scale it',
      expect: { 'status.readyReplicas': { equals: 3 } },
    };
    const r = evaluateCheck(c, fakeRunner(seen));
    expect(seen).toEqual(['kubectl get deployment/web -o json']);
    expect(r).toMatchObject({
      passed: false,
      hint: 'scale it',
      failures: ['status.readyReplicas: expected 3, got 2'],
    });
  });

  it('counts list items and applies a wildcard matcher to every item', () => {
    const seen: string[] = [];
    const count: Check = {
      kind: 'list',
      describe: 'n',
      list: 'pods',
      selector: 'app in (a,b)',
      expect: { count: { equals: 2 } },
    };
    expect(evaluateCheck(count, fakeRunner(seen)).passed).toBe(true);
    expect(seen[0]).toBe("kubectl get pods -l 'app in (a,b)' -o json");
    const all: Check = {
      kind: 'list',
      describe: 'all running',
      list: 'pods',
      expect: { 'items.*.status.phase': { equals: 'Running' } },
    };
    const r = evaluateCheck(all, fakeRunner([]));
    expect(r.passed).toBe(false);
    expect(r.failures[0]).toContain('every value: expected "Running"');
  });

  it('fails with the kubectl error when the object does not exist', () => {
    const c: Check = {
      kind: 'object',
      describe: 'x',
      get: 'deployment/nope',
      expect: { 'spec.replicas': { equals: 1 } },
    };
    const r = evaluateCheck(c, fakeRunner([]));
    expect(r.passed).toBe(false);
    expect(r.actual).toContain('NotFound');
  });

  it('command checks match output and exit code', () => {
    const ok: Check = {
      kind: 'command',
      describe: 'v',
      command: 'kubectl version',
      expectOutput: { contains: ['v1.31'], matches: '^Client' },
    };
    expect(evaluateCheck(ok, fakeRunner([])).passed).toBe(true);
    const bad: Check = {
      kind: 'command',
      describe: 'v',
      command: 'kubectl version',
      expectOutput: { notContains: ['v1.31'], code: 1 },
    };
    expect(evaluateCheck(bad, fakeRunner([])).failures).toEqual([
      'exit code: expected 1, got 0',
      'output contains "v1.31"',
    ]);
  });

  it('builds namespaced list commands', () => {
    expect(
      checkCommandLine({
        kind: 'list',
        describe: '',
        list: 'pods',
        namespace: 'kube-system',
        fieldSelector: 'spec.nodeName=n1',
        expect: {},
      }),
    ).toBe('kubectl get pods --field-selector spec.nodeName=n1 -n kube-system -o json');
  });
});
