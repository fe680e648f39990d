import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';
import type { KubeObject } from '../../types/object';

const ctx = { actor: 'test' };
const node = (c: Cluster, name: string) => c.runtime.api.get('nodes', undefined, name) as Node;

function pod(
  c: Cluster,
  name: string,
  nodeName: string,
  extra: { owner?: { kind: string; name: string }; emptyDir?: boolean; mirror?: boolean; ns?: string } = {},
) {
  const ns = extra.ns ?? 'default';
  const obj: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      ...(extra.owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: extra.owner.kind,
                name: extra.owner.name,
                uid: `uid-${extra.owner.name}`,
                controller: true,
              },
            ],
          }
        : {}),
      ...(extra.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'abc' } } : {}),
    },
    spec: {
      nodeName,
      containers: [{ name: 'c', image: 'nginx' }],
      ...(extra.emptyDir ? { volumes: [{ name: 'scratch', emptyDir: {} }] } : {}),
    },
  };
  return c.runtime.api.create('pods', ns, obj, ctx);
}

/** a stand-in kubelet: a pod marked for deletion is gone 2s later */
function fakeKubelet(c: Cluster): void {
  const rt = c.runtime;
  rt.api.watch('pods', undefined, {}, (ev) => {
    if (ev.type !== 'MODIFIED' || !ev.object.metadata.deletionTimestamp) return;
    const { namespace, name } = ev.object.metadata;
    rt.sim.schedule({
      delayMs: 2000,
      actor: 'kubelet',
      label: `kill ${name}`,
      run: () => {
        try {
          rt.api.delete('pods', namespace, name ?? '', { gracePeriodSeconds: 0 }, ctx);
        } catch {
          // already gone
        }
      },
    });
  });
}

describe('kubectl cordon / uncordon', () => {
  it('cordons, reports already cordoned, uncordons', () => {
    const c = createCluster();
    expect(c.run('kubectl cordon node-1')).toEqual({ code: 0, stdout: 'node/node-1 cordoned\n', stderr: '' });
    expect(node(c, 'node-1').spec?.unschedulable).toBe(true);
    expect(c.run('kubectl cordon node-1').stdout).toBe('node/node-1 already cordoned\n');
    expect(c.run('kubectl uncordon node-1').stdout).toBe('node/node-1 uncordoned\n');
    expect(node(c, 'node-1').spec?.unschedulable).toBeUndefined();
    expect(c.run('kubectl uncordon node-1').stdout).toBe('node/node-1 already uncordoned\n');
  });
  it('selects by label and errors as kubectl does', () => {
    const c = createCluster();
    expect(c.run('kubectl cordon -l topology.kubernetes.io/zone=zone-a').stdout).toBe(
      'node/control-plane cordoned\nnode/node-1 cordoned\n',
    );
    expect(c.run('kubectl cordon').stderr).toBe(
      "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
    );
    expect(c.run('kubectl cordon nope').stderr).toBe(
      'Error from server (NotFound): nodes "nope" not found\n',
    );
  });
});

describe('kubectl taint', () => {
  const rows: Array<{ name: string; cmds: string[]; code: number; out: string; taints?: unknown }> = [
    {
      name: 'add',
      cmds: ['kubectl taint nodes node-1 dedicated=db:NoSchedule'],
      code: 0,
      out: 'node/node-1 tainted\n',
      taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
    },
    {
      name: 'remove by key:effect',
      cmds: ['kubectl taint nodes node-1 a=b:NoSchedule', 'kubectl taint nodes node-1 a:NoSchedule-'],
      code: 0,
      out: 'node/node-1 untainted\n',
      taints: undefined,
    },
    {
      name: 'remove by key',
      cmds: ['kubectl taint node node-1 a=b:NoExecute', 'kubectl taint node node-1 a-'],
      code: 0,
      out: 'node/node-1 untainted\n',
      taints: undefined,
    },
    {
      name: 'existing without --overwrite',
      cmds: ['kubectl taint nodes node-1 a=b:NoSchedule', 'kubectl taint nodes node-1 a=c:NoSchedule'],
      code: 1,
      out: 'error: node node-1 already has a taint(s) with same effect(s) and --overwrite is false\n',
    },
    {
      name: 'overwrite',
      cmds: [
        'kubectl taint nodes node-1 a=b:NoSchedule',
        'kubectl taint nodes node-1 a=c:NoSchedule --overwrite',
      ],
      code: 0,
      out: 'node/node-1 modified\n',
      taints: [{ key: 'a', value: 'c', effect: 'NoSchedule' }],
    },
    {
      name: 'remove missing',
      cmds: ['kubectl taint nodes node-1 zz:NoSchedule-'],
      code: 1,
      out: 'error: taint "zz:NoSchedule" not found\n',
    },
    {
      name: 'no taint args',
      cmds: ['kubectl taint nodes node-1'],
      code: 1,
      out: 'error: at least one taint update is required\n',
    },
    {
      name: 'not a node',
      cmds: ['kubectl taint pods p a=b:NoSchedule'],
      code: 1,
      out: 'error: invalid resource type pods, only node types are supported\n',
    },
    {
      name: 'bad effect',
      cmds: ['kubectl taint nodes node-1 a=b:Maybe'],
      code: 1,
      out: "error: invalid taint effect: Maybe, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    },
    {
      name: 'resource after taint',
      cmds: ['kubectl taint nodes a=b:NoSchedule node-1'],
      code: 1,
      out: 'error: all resources must be specified before taint changes: node-1\n',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const c = createCluster();
      let r = c.run(row.cmds[0] as string);
      for (const cmd of row.cmds.slice(1)) r = c.run(cmd);
      expect(r.code).toBe(row.code);
      expect(row.code === 0 ? r.stdout : r.stderr).toBe(row.out);
      if ('taints' in row) expect(node(c, 'node-1').spec?.taints).toEqual(row.taints);
    });
  }
  it('--all taints every node', () => {
    const c = createCluster();
    expect(
      c.run('kubectl taint nodes maint=true:NoSchedule --all').stdout.split('\n').filter(Boolean),
    ).toHaveLength(4);
  });
});

/** bare cluster: hand-made pods with stand-in owners and kubelet, which the real GC and kubelet would act on */
const bareCluster = () => createCluster({ controlPlane: false });

describe('kubectl drain', () => {
  it('cordons, evicts controlled pods, waits for them to go, reports drained', () => {
    const c = bareCluster();
    fakeKubelet(c);
    pod(c, 'web-a', 'node-1', { owner: { kind: 'ReplicaSet', name: 'web' } });
    pod(c, 'web-b', 'node-1', { owner: { kind: 'ReplicaSet', name: 'web' } });
    pod(c, 'other', 'node-2', { owner: { kind: 'ReplicaSet', name: 'web' } });
    const start = c.nowMs();
    const r = c.run('kubectl drain node-1');
    expect(r).toEqual({
      code: 0,
      stdout:
        'node/node-1 cordoned\nevicting pod default/web-a\nevicting pod default/web-b\npod/web-a evicted\npod/web-b evicted\nnode/node-1 drained\n',
      stderr: '',
    });
    expect(c.nowMs() - start).toBe(2000);
    expect(c.runtime.api.list('pods', 'default').items.map((p) => p.metadata.name)).toEqual(['other']);
    expect(node(c, 'node-1').spec?.unschedulable).toBe(true);
  });

  it('refuses DaemonSet pods, unmanaged pods and emptyDir pods without the flags, listing them', () => {
    const c = bareCluster();
    c.runtime.api.create(
      'daemonsets',
      'kube-system',
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'kube-proxy', namespace: 'kube-system' },
        spec: {
          selector: { matchLabels: { k: 'p' } },
          template: {
            metadata: { labels: { k: 'p' } },
            spec: { containers: [{ name: 'p', image: 'kube-proxy' }] },
          },
        },
      },
      ctx,
    );
    pod(c, 'kube-proxy-x', 'node-1', { owner: { kind: 'DaemonSet', name: 'kube-proxy' }, ns: 'kube-system' });
    pod(c, 'bare', 'node-1');
    pod(c, 'cache', 'node-1', { owner: { kind: 'ReplicaSet', name: 'cache' }, emptyDir: true });
    const r = c.run('kubectl drain node-1');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('node/node-1 cordoned\n');
    const errs = [
      'cannot delete Pods that declare no controller (use --force to override): default/bare',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-x',
    ];
    // the node's aggregate prints as [a, b, c] in the "unable to drain" line; cmdutil.CheckErr prints the aggregate
    // one error per line, without "error: "
    expect(r.stderr).toBe(
      `error: unable to drain node "node-1" due to error: [${errs.join(', ')}], continuing command...\nThere are pending nodes to be drained:\n node-1\n${errs.map((e) => `${e}\n`).join('')}`,
    );
    const ok = c.run(
      'kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data --force --grace-period=0',
    );
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe(
      'Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x\n',
    );
    expect(ok.stdout).toBe(
      'node/node-1 already cordoned\nevicting pod default/bare\nevicting pod default/cache\npod/bare evicted\npod/cache evicted\nnode/node-1 drained\n',
    );
    expect(c.runtime.api.get('pods', 'kube-system', 'kube-proxy-x').metadata.name).toBe('kube-proxy-x');
  });

  it('skips mirror pods and uses delete with --disable-eviction', () => {
    const c = bareCluster();
    fakeKubelet(c);
    pod(c, 'etcd', 'control-plane', { mirror: true, owner: { kind: 'Node', name: 'control-plane' } });
    pod(c, 'web', 'control-plane', { owner: { kind: 'ReplicaSet', name: 'web' } });
    const r = c.run('kubectl drain control-plane --disable-eviction');
    expect(r.stdout).toBe('node/control-plane cordoned\npod/web deleted\nnode/control-plane drained\n');
  });

  it('gives up after --timeout when pods do not terminate', () => {
    const c = createCluster({ controlPlane: false }); // no kubelet: the pod keeps its deletionTimestamp
    pod(c, 'stuck', 'node-3', { owner: { kind: 'ReplicaSet', name: 'web' } });
    const r = c.run('kubectl drain node-3 --timeout 30s');
    expect(r.code).toBe(1);
    const e =
      'error when waiting for pod "stuck" in namespace "default" to terminate: context deadline exceeded';
    expect(r.stderr).toBe(
      `There are pending pods in node "node-3" when an error occurred: ${e}\npod/stuck\nerror: unable to drain node "node-3" due to error: ${e}, continuing command...\nThere are pending nodes to be drained:\n node-3\n${e}\n`,
    );
  });
});
