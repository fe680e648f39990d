// `sim cloud ...` verbs: their tables and their errors.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

describe('sim cloud', () => {
  it('lists instances as a table', () => {
    expect(createCluster({ nodes: 1 }).run('sim cloud instances').stdout).toBe(
      [
        'NAME            PROVIDER-ID                        ZONE     TYPE            STATE     INTERNAL-IP',
        'control-plane   kind://docker/kind/control-plane   zone-a   e2-standard-4   running   172.18.0.2',
        'node-1          kind://docker/kind/node-1          zone-a   e2-standard-4   running   172.18.0.3',
        '',
      ].join('\n'),
    );
  });

  const errors: Array<{ name: string; cmds: string[]; stderr: string }> = [
    {
      name: 'unknown instance',
      cmds: ['sim cloud delete-instance nope'],
      stderr: 'error: instance "nope" not found in the cloud\n',
    },
    {
      name: 'no name',
      cmds: ['sim cloud shutdown-instance'],
      stderr: 'error: sim cloud shutdown-instance needs exactly one NODE\n',
    },
    {
      name: 'start a running instance',
      cmds: ['sim cloud start-instance node-1'],
      stderr: 'error: instance "node-1" is already running\n',
    },
    {
      name: 'stop a stopped instance',
      cmds: ['sim cloud shutdown-instance node-1', 'sim cloud shutdown-instance node-1'],
      stderr: 'error: instance "node-1" is already stopped\n',
    },
    {
      name: 'delete twice',
      cmds: ['sim cloud delete-instance node-1', 'sim cloud delete-instance node-1'],
      stderr: 'error: instance "node-1" not found in the cloud\n',
    },
    {
      name: 'routes takes no arguments',
      cmds: ['sim cloud routes x'],
      stderr: 'error: sim cloud routes takes no arguments\n',
    },
  ];
  for (const e of errors) {
    it(e.name, () => {
      const c = createCluster();
      let last = { code: 0, stdout: '', stderr: '' };
      for (const cmd of e.cmds) last = c.run(cmd);
      expect(last).toEqual({ code: 1, stdout: '', stderr: e.stderr });
    });
  }

  it('shutdown and start power the machine off and on, as sim node fail / recover do', () => {
    const c = createCluster();
    c.run('sim cloud shutdown-instance node-1');
    expect(c.runtime.machines.get('node-1')).toEqual({ up: false });
    c.run('sim cloud start-instance node-1');
    expect(c.runtime.machines.get('node-1')).toEqual({ up: true });
  });
});
