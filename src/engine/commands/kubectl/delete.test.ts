// kubectl delete: output lines, errors, flags (cascade, grace period, force, wait) in kubectl's words.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { IMMEDIATE_DELETION_WARNING, parseCascade } from './delete';

const cm = (name: string, labels = '{app: web}') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: ${labels}}\ndata: {k: v}\n`;

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  expect(c.run('kubectl apply -f -', `${cm('a')}---\n${cm('b')}---\n${cm('c', '{app: db}')}`).code).toBe(0);
  return c;
}

describe('kubectl delete', () => {
  it.each([
    {
      name: 'TYPE NAME',
      cmd: 'kubectl delete configmap a',
      stdout: 'configmap "a" deleted\n',
      stderr: '',
      code: 0,
    },
    {
      name: 'TYPE/NAME',
      cmd: 'kubectl delete cm/a cm/b',
      stdout: 'configmap "a" deleted\nconfigmap "b" deleted\n',
      stderr: '',
      code: 0,
    },
    {
      name: 'selector',
      cmd: 'kubectl delete cm -l app=web',
      stdout: 'configmap "a" deleted\nconfigmap "b" deleted\n',
      stderr: '',
      code: 0,
    },
    {
      name: 'selector without matches',
      cmd: 'kubectl delete cm -l app=none',
      stdout: 'No resources found\n',
      stderr: '',
      code: 0,
    },
    {
      name: 'not found continues with the rest',
      cmd: 'kubectl delete cm nope a',
      stdout: 'configmap "a" deleted\n',
      stderr: 'Error from server (NotFound): configmaps "nope" not found\n',
      code: 1,
    },
    {
      name: '--ignore-not-found',
      cmd: 'kubectl delete cm nope --ignore-not-found',
      stdout: '',
      stderr: '',
      code: 0,
    },
    {
      name: 'dry run',
      cmd: 'kubectl delete cm a --dry-run=client',
      stdout: 'configmap "a" deleted (dry run)\n',
      stderr: '',
      code: 0,
    },
    { name: '-o name', cmd: 'kubectl delete cm a -o name', stdout: 'configmap/a\n', stderr: '', code: 0 },
    {
      name: '--force --grace-period=0',
      cmd: 'kubectl delete cm a --force --grace-period=0',
      stdout: 'configmap "a" force deleted\n',
      stderr: IMMEDIATE_DELETION_WARNING,
      code: 0,
    },
    {
      name: '--force with a positive grace period',
      cmd: 'kubectl delete cm a --force --grace-period=5',
      stdout: '',
      stderr: 'error: --force and --grace-period greater than 0 cannot be specified together\n',
      code: 1,
    },
    {
      name: 'a type without names',
      cmd: 'kubectl delete cm',
      stdout: '',
      stderr: 'error: resource(s) were provided, but no name was specified\n',
      code: 1,
    },
    {
      name: 'unknown type',
      cmd: 'kubectl delete foo a',
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
      code: 1,
    },
  ])('$name', ({ cmd, stdout, stderr, code }) => {
    const c = cluster();
    expect(c.run(cmd)).toEqual({ code, stdout, stderr });
  });

  it('deletes what a manifest names with -f -', () => {
    const c = cluster();
    expect(c.run('kubectl delete -f -', cm('a')).stdout).toBe('configmap "a" deleted\n');
    expect(() => c.runtime.api.get('configmaps', 'default', 'a')).toThrow('configmaps "a" not found');
  });

  it('--all deletes only in the namespace, and the dry run keeps everything', () => {
    const c = cluster();
    expect(c.run('kubectl delete cm --all --dry-run=server').stdout).toMatch(/\(server dry run\)/);
    expect(c.runtime.api.list('configmaps', 'default').items.length).toBeGreaterThanOrEqual(3);
    c.run('kubectl delete cm --all');
    expect(c.runtime.api.list('configmaps', 'default').items).toEqual([]);
  });

  it('does not advance virtual time when the object goes away at once', () => {
    const c = cluster();
    const t = c.nowMs();
    c.run('kubectl delete cm a');
    expect(c.nowMs()).toBe(t);
  });
});

describe('parseCascade', () => {
  it.each([
    ['background', 'Background'],
    ['true', 'Background'],
    ['foreground', 'Foreground'],
    ['orphan', 'Orphan'],
    ['false', 'Orphan'],
  ])('%s -> %s', (input, expected) => expect(parseCascade(input)).toBe(expected));
  it('rejects other values', () => {
    expect(() => parseCascade('x')).toThrow(
      'invalid cascade value (x). Must be "background", "foreground", or "orphan".',
    );
  });
});
