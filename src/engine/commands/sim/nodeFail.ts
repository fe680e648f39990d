// `sim node fail NAME`: the machine loses power; its kubelet stops renewing the Lease and posting status, and
// everything on it stops running (until `sim node recover` boots it again).
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandResult, CommandSpec } from '../types';
import { fail } from '../types';
import { setMachinePower } from '../../kubelet/machinePower';

/** the machine of an existing node, or the error to print */
export function machineOf(
  rt: ClusterRuntime,
  verb: string,
  positionals: readonly string[],
): { up: boolean } | CommandResult {
  if (positionals.length !== 1) return fail(`error: sim node ${verb} needs exactly one NAME\n`);
  const name = positionals[0] as string;
  const machine = rt.machines.get(name);
  if (!machine) return fail(`error: node "${name}" not found\n`);
  return machine;
}

export const nodeFailCommand: CommandSpec = {
  path: ['node', 'fail'],
  summary: "Power a node's machine off: its kubelet stops heartbeating and its containers stop",
  flags: [],
  run(args, { rt }) {
    const machine = machineOf(rt, 'fail', args.positionals);
    if ('code' in machine) return machine;
    const name = args.positionals[0] as string;
    if (!machine.up) return fail(`error: node "${name}" has already failed\n`);
    setMachinePower(rt, name, false);
    rt.sim.trace.record({ actor: 'sim', action: 'fail', target: `nodes/${name}`, cause: 'sim node fail' });
    return {
      code: 0,
      stdout: `node/${name} failed: the kubelet stops posting status; the node controller marks it NotReady after the grace period\n`,
      stderr: '',
    };
  },
};
