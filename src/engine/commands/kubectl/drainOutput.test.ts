// What `kubectl drain|cordon|uncordon` print: the final CheckErr lines of a failed drain (drain.go RunDrain returns
// utilerrors.NewAggregate(fatal) of the per-node errors) and the --dry-run suffixes (cmdutil.AddDryRunFlag,
// PrintFlagsWithDryRunStrategy; pkg/drain evictPods' "(server dry run)").
import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';

interface PodSpec {
  name: string;
  node: string;
  emptyDir?: boolean;
  finalizer?: boolean;
}

const podYaml = (p: PodSpec) => `apiVersion: v1
kind: Pod
metadata:
  name: ${p.name}
  labels: {drain: test}
${p.finalizer ? '  finalizers: [example.com/hold]\n' : ''}spec:
  nodeName: ${p.node}
  terminationGracePeriodSeconds: 1
${p.emptyDir ? '  volumes: [{name: d, emptyDir: {}}]\n' : ''}  containers: [{name: c, image: nginx${p.emptyDir ? ', volumeMounts: [{name: d, mountPath: /d}]' : ''}}]
`;

function cluster(pods: readonly PodSpec[]): Cluster {
  const c = createCluster({ seed: 3 });
  const r = c.run('kubectl apply -f -', pods.map(podYaml).join('---\n'));
  expect(r.stderr).toBe('');
  c.run('sim settle');
  return c;
}

const UNMANAGED = 'cannot delete Pods that declare no controller (use --force to override)';
const LOCAL = 'cannot delete Pods with local storage (use --delete-emptydir-data to override)';
const unable = (node: string, err: string) =>
  `error: unable to drain node "${node}" due to error: ${err}, continuing command...\n`;
const pending = (...nodes: string[]) =>
  `There are pending nodes to be drained:\n${nodes.map((n) => ` ${n}\n`).join('')}`;

describe('kubectl drain: the final error lines', () => {
  it.each([
    {
      name: 'one filter error: the error alone, no "error: " prefix',
      pods: [{ name: 'bare', node: 'node-1' }],
      cmd: 'kubectl drain node-1 --pod-selector drain=test',
      stderr:
        unable('node-1', `${UNMANAGED}: default/bare`) + pending('node-1') + `${UNMANAGED}: default/bare\n`,
    },
    {
      name: 'several filter errors on one node: one per line',
      pods: [
        { name: 'bare', node: 'node-1' },
        { name: 'withdir', node: 'node-1', emptyDir: true },
      ],
      cmd: 'kubectl drain node-1 --pod-selector drain=test',
      stderr:
        unable('node-1', `[${UNMANAGED}: default/bare, ${LOCAL}: default/withdir]`) +
        pending('node-1') +
        `${UNMANAGED}: default/bare\n${LOCAL}: default/withdir\n`,
    },
    {
      name: 'several nodes: one line per node, a node with several errors as [a, b]',
      pods: [
        { name: 'bare', node: 'node-1' },
        { name: 'withdir', node: 'node-1', emptyDir: true },
        { name: 'bare2', node: 'node-2' },
      ],
      cmd: 'kubectl drain node-1 node-2 --pod-selector drain=test',
      stderr:
        unable('node-1', `[${UNMANAGED}: default/bare, ${LOCAL}: default/withdir]`) +
        unable('node-2', `${UNMANAGED}: default/bare2`) +
        pending('node-1', 'node-2') +
        `[${UNMANAGED}: default/bare, ${LOCAL}: default/withdir]\n${UNMANAGED}: default/bare2\n`,
    },
    {
      name: 'delete (--disable-eviction) that times out: a plain error, with the prefix',
      pods: [{ name: 'held', node: 'node-1', finalizer: true }],
      cmd: 'kubectl drain node-1 --pod-selector drain=test --force --disable-eviction --timeout 5s',
      stderr:
        'Warning: deleting Pods that declare no controller: default/held\n' +
        'There are pending pods in node "node-1" when an error occurred: context deadline exceeded\npod/held\n' +
        unable('node-1', 'context deadline exceeded') +
        pending('node-1') +
        'error: context deadline exceeded\n',
    },
    {
      name: 'eviction that times out waiting: the aggregate of one, without prefix',
      pods: [{ name: 'held', node: 'node-1', finalizer: true }],
      cmd: 'kubectl drain node-1 --pod-selector drain=test --force --timeout 5s',
      stderr: (() => {
        const e =
          'error when waiting for pod "held" in namespace "default" to terminate: context deadline exceeded';
        return (
          'Warning: deleting Pods that declare no controller: default/held\n' +
          `There are pending pods in node "node-1" when an error occurred: ${e}\npod/held\n` +
          unable('node-1', e) +
          pending('node-1') +
          `${e}\n`
        );
      })(),
    },
  ])('$name', ({ pods, cmd, stderr }) => {
    const r = cluster(pods).run(cmd);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(stderr);
  });

  it('eviction blocked by a budget until --timeout: the global timeout line, without prefix', () => {
    const c = createCluster({ seed: 3 });
    c.run('kubectl create deployment web --image=nginx --replicas=1');
    c.run('kubectl create pdb web --selector=app=web --max-unavailable=0');
    c.run('sim settle');
    const pod = c.runtime.api.list('pods', 'default', { labelSelector: 'app=web' }).items[0];
    const node = (pod?.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
    const r = c.run(`kubectl drain ${node} --pod-selector app=web --timeout 12s`);
    expect(r.code).toBe(1);
    const e = `error when evicting pods/"${pod?.metadata.name}" -n "default": global timeout reached: 12s`;
    expect(r.stderr.endsWith(`${unable(node, e)}${pending(node)}${e}\n`)).toBe(true);
  });
});

const unschedulable = (c: Cluster, n: string) =>
  (c.runtime.api.get('nodes', undefined, n) as Node).spec?.unschedulable === true;

describe('--dry-run on cordon, uncordon and drain', () => {
  it.each([
    { cmd: 'kubectl cordon node-1 --dry-run=client', stdout: 'node/node-1 cordoned (dry run)\n' },
    { cmd: 'kubectl cordon node-1 --dry-run=server', stdout: 'node/node-1 cordoned (server dry run)\n' },
    { cmd: 'kubectl cordon node-1 --dry-run=none', stdout: 'node/node-1 cordoned\n', cordoned: true },
    { cmd: 'kubectl uncordon node-1 --dry-run=client', stdout: 'node/node-1 already uncordoned (dry run)\n' },
    {
      cmd: 'kubectl drain node-1 --pod-selector drain=test --force --dry-run=client',
      stdout:
        'node/node-1 cordoned (dry run)\nevicting pod default/a (dry run)\nevicting pod default/b (dry run)\nnode/node-1 drained (dry run)\n',
    },
    {
      cmd: 'kubectl drain node-1 --pod-selector drain=test --force --dry-run=server',
      stdout:
        'node/node-1 cordoned (server dry run)\nevicting pod default/a (server dry run)\nevicting pod default/b (server dry run)\nnode/node-1 drained (server dry run)\n',
    },
    {
      cmd: 'kubectl drain node-1 --pod-selector drain=test --force --disable-eviction --dry-run=server',
      stdout: 'node/node-1 cordoned (server dry run)\nnode/node-1 drained (server dry run)\n',
    },
  ])('$cmd', ({ cmd, stdout, cordoned }) => {
    const c = cluster([
      { name: 'a', node: 'node-1' },
      { name: 'b', node: 'node-1' },
    ]);
    const r = c.run(cmd);
    expect(r.stdout).toBe(stdout);
    expect(r.code).toBe(0);
    expect(unschedulable(c, 'node-1')).toBe(cordoned === true);
    // nothing was evicted or deleted
    const pods = c.runtime.api.list('pods', 'default', { labelSelector: 'drain=test' }).items;
    expect(pods.map((p) => [p.metadata.name, p.metadata.deletionTimestamp])).toEqual([
      ['a', undefined],
      ['b', undefined],
    ]);
  });

  it('rejects an unknown strategy', () => {
    const r = createCluster({ seed: 3 }).run('kubectl cordon node-1 --dry-run=maybe');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    });
  });
});
