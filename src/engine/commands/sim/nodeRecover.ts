// `sim node recover NAME`: the machine is powered back on and boots: its kubelet starts again (a new boot ID, a
// Rebooted event), resumes the Lease and status at once, and re-creates the sandboxes of the pods still bound to it.
import type { CommandSpec } from '../types';
import { fail, ok } from '../types';
import { machineOf } from './nodeFail';
import { setMachinePower } from '../../kubelet/machinePower';

export const nodeRecoverCommand: CommandSpec = {
  path: ['node', 'recover'],
  summary:
    "Power a failed node's machine back on: it reboots and its kubelet restarts the pods still bound to it",
  flags: [],
  run(args, { rt }) {
    const machine = machineOf(rt, 'recover', args.positionals);
    if ('code' in machine) return machine;
    const name = args.positionals[0] as string;
    if (machine.up) return fail(`error: node "${name}" is not failed\n`);
    setMachinePower(rt, name, true);
    rt.sim.trace.record({
      actor: 'sim',
      action: 'recover',
      target: `nodes/${name}`,
      cause: 'sim node recover',
    });
    return ok(
      `node/${name} recovered: the machine reboots; within 10s its kubelet posts status again (new boot ID) and restarts the pods still bound to it, and the node controller marks it Ready\n`,
    );
  },
};
