// kubectl label / annotate: pair parsing, overwrite rules and the lines kubectl prints.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { parsePairs, resourcesAndPairs } from './label';

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.run('kubectl apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web, labels: {app: web}}\n');
  return c;
}
const labels = (c: Cluster) => c.runtime.api.get('configmaps', 'default', 'web').metadata.labels;

describe('kubectl label', () => {
  it.each([
    {
      name: 'add',
      cmd: 'kubectl label cm web tier=fe',
      stdout: 'configmap/web labeled\n',
      stderr: '',
      code: 0,
      after: { app: 'web', tier: 'fe' },
    },
    {
      name: 'remove',
      cmd: 'kubectl label cm/web app-',
      stdout: 'configmap/web labeled\n',
      stderr: '',
      code: 0,
      after: {},
    },
    {
      name: 'same value is no change',
      cmd: 'kubectl label cm web app=web',
      stdout: 'configmap/web not labeled\n',
      stderr: '',
      code: 0,
      after: { app: 'web' },
    },
    {
      name: 'change without --overwrite',
      cmd: 'kubectl label cm web app=db',
      stdout: '',
      stderr: "error: 'app' already has a value (web), and --overwrite is false\n",
      code: 1,
      after: { app: 'web' },
    },
    {
      name: 'change with --overwrite',
      cmd: 'kubectl label cm web app=db --overwrite',
      stdout: 'configmap/web labeled\n',
      stderr: '',
      code: 0,
      after: { app: 'db' },
    },
    {
      name: 'removing a missing label',
      cmd: 'kubectl label cm web nope-',
      stdout: 'label "nope" not found.\nconfigmap/web not labeled\n',
      stderr: '',
      code: 0,
      after: { app: 'web' },
    },
    {
      name: 'selector',
      cmd: 'kubectl label cm -l app=web x=y',
      stdout: 'configmap/web labeled\n',
      stderr: '',
      code: 0,
      after: { app: 'web', x: 'y' },
    },
    {
      name: 'invalid value',
      cmd: 'kubectl label cm web a=-x',
      stdout: '',
      stderr: /^error: invalid label value: "a=-x": /,
      code: 1,
      after: { app: 'web' },
    },
    {
      name: 'dry run',
      cmd: 'kubectl label cm web x=y --dry-run=client',
      stdout: 'configmap/web labeled (dry run)\n',
      stderr: '',
      code: 0,
      after: { app: 'web' },
    },
  ])('$name', ({ cmd, stdout, stderr, code, after }) => {
    const c = cluster();
    const r = c.run(cmd);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe(stdout);
    if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
    // an emptied map is omitted when encoded (omitempty), so {} and absent are the same
    expect(labels(c) ?? {}).toEqual(after);
  });

  it('--list prints key=value lines', () => {
    expect(cluster().run('kubectl label cm web --list').stdout).toBe('app=web\n');
  });
});

describe('kubectl annotate', () => {
  it('keeps `=` inside values and always says annotated', () => {
    const c = cluster();
    expect(c.run('kubectl annotate cm web note=a=b').stdout).toBe('configmap/web annotated\n');
    expect(c.runtime.api.get('configmaps', 'default', 'web').metadata.annotations?.note).toBe('a=b');
    expect(c.run('kubectl annotate cm web note=c').stderr).toBe(
      "error: 'note' already has a value (a=b), and --overwrite is false\n",
    );
    expect(c.run('kubectl annotate cm web note-').stdout).toBe('configmap/web annotated\n');
  });
});

describe('pair parsing', () => {
  it('splits resources from pairs like cmdutil.GetResourcesAndPairs', () => {
    expect(resourcesAndPairs(['pods', 'web', 'a=b', 'c-'], 'label')).toEqual({
      resources: ['pods', 'web'],
      pairs: ['a=b', 'c-'],
    });
    expect(() => resourcesAndPairs(['pods', 'a=b', 'web'], 'label')).toThrow(
      'all resources must be specified before label changes: web',
    );
  });
  it.each([
    { input: ['a=b=c'], field: 'labels' as const, error: 'invalid label spec: a=b=c' },
    { input: ['a'], field: 'labels' as const, error: 'unknown label spec: a' },
    {
      input: ['a=b', 'a-'],
      field: 'labels' as const,
      error: 'can not both modify and remove the following label(s) in the same command: a',
    },
  ])('rejects $input', ({ input, field, error }) => {
    expect(() => parsePairs(input, field)).toThrow(error);
  });
});
