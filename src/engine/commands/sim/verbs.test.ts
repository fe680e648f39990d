import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { createCluster } from '../../index';
describe('sim verbs', () => {
  const rows: Array<{
    name: string;
    cmds: string[];
    code: number;
    stdout?: string | RegExp;
    stderr?: string | RegExp;
  }> = [
    { name: 'time at start', cmds: ['sim time'], code: 0, stdout: '2025-01-01T00:00:00Z (+0s)\n' },
    {
      name: 'advance prints the new time',
      cmds: ['sim advance 1m30s'],
      code: 0,
      stdout: '2025-01-01T00:01:30Z (+1m30s)\n',
    },
    {
      name: 'advance accumulates',
      cmds: ['sim advance 500ms', 'sim advance 30s', 'sim time'],
      code: 0,
      stdout: '2025-01-01T00:00:30Z (+30.5s)\n',
    },
    {
      name: 'advance without a duration',
      cmds: ['sim advance'],
      code: 1,
      stderr: /needs exactly one duration/,
    },
    {
      name: 'advance with a bad duration',
      cmds: ['sim advance soon'],
      code: 1,
      stderr: 'error: invalid duration "soon": time: invalid duration "soon"\n',
    },
    { name: 'advance backwards', cmds: ['sim advance -5s'], code: 1, stderr: /time cannot go backwards/ },
    {
      // the first settle lets kube-system start up; once up, the control plane is quiet
      name: 'settle on a quiet cluster',
      cmds: ['sim settle', 'sim settle'],
      code: 0,
      stdout: 'settled after 0s of virtual time\n',
    },
    {
      name: 'settle with a bad timeout',
      cmds: ['sim settle --timeout x'],
      code: 1,
      stderr: /invalid argument "x" for "--timeout" flag/,
    },
    { name: 'seed', cmds: ['sim seed'], code: 0, stdout: '1\n' },
    {
      name: 'node add',
      cmds: [
        'sim node add node-7 --cpu 8 --memory 32Gi --zone zone-b --label tier=gpu --taint gpu=yes:NoSchedule',
      ],
      code: 0,
      stdout: 'node/node-7 added\n',
    },
    {
      name: 'node add twice',
      cmds: ['sim node add node-1'],
      code: 1,
      stderr: 'error: node "node-1" already exists\n',
    },
    {
      name: 'node add bad cpu',
      cmds: ['sim node add n --cpu lots'],
      code: 1,
      stderr: /invalid --cpu "lots": quantities must match/,
    },
    {
      name: 'node add bad taint',
      cmds: ['sim node add n --taint a=b:Never'],
      code: 1,
      stderr: 'error: invalid --taint "a=b:Never": invalid taint effect: Never, unsupported taint effect\n',
    },
    {
      name: 'node add bad label',
      cmds: ['sim node add n --label novalue'],
      code: 1,
      stderr: /invalid --label "novalue": expected key=value/,
    },
    { name: 'node add no name', cmds: ['sim node add'], code: 1, stderr: /needs exactly one NAME/ },
    {
      name: 'node fail',
      cmds: ['sim node fail node-2'],
      code: 0,
      stdout:
        'node/node-2 failed: the kubelet stops posting status; the node controller marks it NotReady after the grace period\n',
    },
    { name: 'node fail unknown', cmds: ['sim node fail x'], code: 1, stderr: 'error: node "x" not found\n' },
    {
      name: 'node fail twice',
      cmds: ['sim node fail node-2', 'sim node fail node-2'],
      code: 1,
      stderr: /already failed/,
    },
    {
      name: 'node recover',
      cmds: ['sim node fail node-2', 'sim node recover node-2'],
      code: 0,
      stdout: /^node\/node-2 recovered/,
    },
    {
      name: 'node recover a running node',
      cmds: ['sim node recover node-2'],
      code: 1,
      stderr: 'error: node "node-2" is not failed\n',
    },
    {
      name: 'unknown verb',
      cmds: ['sim frobnicate'],
      code: 1,
      stderr: /unknown command "frobnicate" for "sim"/,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const c = createCluster();
      let last = c.run(row.cmds[0] as string);
      for (const cmd of row.cmds.slice(1)) last = c.run(cmd);
      expect(last.code).toBe(row.code);
      if (row.stdout !== undefined)
        expect(last.stdout).toMatch(
          row.stdout instanceof RegExp ? row.stdout : new RegExp(`^${escape(row.stdout)}$`),
        );
      if (row.stderr !== undefined)
        expect(last.stderr).toMatch(
          row.stderr instanceof RegExp ? row.stderr : new RegExp(`^${escape(row.stderr)}$`),
        );
    });
  }

  it('help lists every verb with a summary', () => {
    const out = createCluster().run('sim help').stdout;
    for (const verb of [
      'sim help',
      'sim time',
      'sim advance',
      'sim settle',
      'sim node add',
      'sim node fail',
      'sim node recover',
      'sim seed',
    ]) {
      expect(out).toContain(verb);
    }
    expect(createCluster().run('sim').stdout).toBe(out);
  });

  it('node add registers a Node the cluster can see, with the flags applied', () => {
    const c = createCluster();
    c.run(
      'sim node add big --cpu 32 --memory 128Gi --pods 250 --zone zone-c --label tier=db --taint dedicated=db:NoExecute',
    );
    const registered = c.runtime.api.get('nodes', undefined, 'big') as Node;
    // the kubelet registers under the cloud-controller-manager's uninitialized taint ...
    expect(registered.spec?.taints).toEqual([
      { key: 'dedicated', value: 'db', effect: 'NoExecute' },
      { key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' },
    ]);
    // ... and the cloud node controller labels the node with its instance's zone and lifts the taint
    c.run('sim settle');
    const n = c.runtime.api.get('nodes', undefined, 'big') as Node;
    expect(n.status?.capacity).toMatchObject({ cpu: '32', memory: '128Gi', pods: '250' });
    expect(n.metadata?.labels).toMatchObject({ tier: 'db', 'topology.kubernetes.io/zone': 'zone-c' });
    expect(n.spec?.taints).toEqual([{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]);
    expect(c.runtime.machines.get('big')).toEqual({ up: true });
  });

  it('node fail takes the machine down', () => {
    const c = createCluster();
    c.run('sim node fail node-1');
    expect(c.runtime.machines.get('node-1')).toEqual({ up: false });
  });

  it('settle reports what is still pending when it gives up', () => {
    const c = createCluster();
    c.run('sim settle'); // kube-system starts up first
    const loop = () =>
      c.runtime.sim.schedule({ delayMs: 1000, actor: 'test', label: 'test-loop', run: loop });
    loop();
    const r = c.run('sim settle --timeout 5s');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: did not settle within 5s; still pending: test-loop\n');
  });

  it('settle reports the virtual time it took', () => {
    const c = createCluster();
    c.run('sim settle'); // kube-system starts up first
    c.runtime.sim.schedule({ delayMs: 2500, actor: 'test', label: 'one-shot', run: () => undefined });
    expect(c.run('sim settle').stdout).toBe('settled after 2.5s of virtual time\n');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
