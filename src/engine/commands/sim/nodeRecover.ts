// `sim node recover NAME`: the machine comes back; its kubelet resumes renewing the Lease and posts status at once.
import type { CommandSpec } from '../types';
import { fail, ok } from '../types';
import { machineOf } from './nodeFail';

export const nodeRecoverCommand: CommandSpec = {
  path: ['node', 'recover'],
  summary: "Power a failed node's machine back on: its kubelet resumes heartbeating",
  flags: [],
  run(args, { rt }) {
    const machine = machineOf(rt, 'recover', args.positionals);
    if ('code' in machine) return machine;
    const name = args.positionals[0] as string;
    if (machine.up) return fail(`error: node "${name}" is not failed\n`);
    machine.up = true;
    rt.sim.trace.record({
      actor: 'sim',
      action: 'recover',
      target: `nodes/${name}`,
      cause: 'sim node recover',
    });
    return ok(
      `node/${name} recovered: the kubelet posts status again within 10s and the node controller marks it Ready\n`,
    );
  },
};
