// `sim cloud instances|routes|delete-instance|shutdown-instance|start-instance`: look at and act on the simulated
// cloud the cluster's machines run in, as a cloud console would (the CCM notices the changes on its own).
import type { ClusterRuntime } from '../../cluster/types';
import type { CloudInstance } from '../../cloud/types';
import { cloudOf } from '../../cloud/registry';
import type { CommandResult, CommandSpec } from '../types';
import { fail, ok } from '../types';
import { alignColumns } from '../printers/tabwriter';
import { setMachinePower } from '../../kubelet/machinePower';

/** the instance named by the one positional argument, or the error to print */
function instanceArg(
  rt: ClusterRuntime,
  verb: string,
  positionals: readonly string[],
): CloudInstance | CommandResult {
  if (positionals.length !== 1) return fail(`error: sim cloud ${verb} needs exactly one NODE\n`);
  const name = positionals[0] as string;
  const instance = cloudOf(rt).instance(name);
  if (!instance) return fail(`error: instance "${name}" not found in the cloud\n`);
  return instance;
}

function setMachine(rt: ClusterRuntime, name: string, up: boolean, action: string): void {
  // a start is a new boot, as for `sim node recover`
  setMachinePower(rt, name, up);
  rt.sim.trace.record({ actor: 'sim', action, target: `nodes/${name}`, cause: `sim cloud ${action}` });
}

const instancesCommand: CommandSpec = {
  path: ['cloud', 'instances'],
  summary: "List the cloud's instances (one VM per node)",
  flags: [],
  run(args, { rt }) {
    if (args.positionals.length > 0) return fail('error: sim cloud instances takes no arguments\n');
    const rows = cloudOf(rt)
      .listInstances()
      .map((i) => [i.name, i.providerID, i.zone, i.instanceType, i.state, i.internalIP]);
    if (rows.length === 0) return ok('No instances found.\n');
    return ok(alignColumns([['NAME', 'PROVIDER-ID', 'ZONE', 'TYPE', 'STATE', 'INTERNAL-IP'], ...rows]));
  },
};

const routesCommand: CommandSpec = {
  path: ['cloud', 'routes'],
  summary: "List the cloud's routes (each node's pod CIDR to its instance), kept by the route controller",
  flags: [],
  run(args, { rt }) {
    if (args.positionals.length > 0) return fail('error: sim cloud routes takes no arguments\n');
    const rows = cloudOf(rt)
      .listRoutes()
      .map((r) => [r.name, r.destinationCIDR, r.targetNode]);
    if (rows.length === 0) return ok('No routes found.\n');
    return ok(alignColumns([['NAME', 'DESTINATION', 'TARGET'], ...rows]));
  },
};

const deleteInstanceCommand: CommandSpec = {
  path: ['cloud', 'delete-instance'],
  summary:
    "Delete a node's VM: its kubelet goes silent, and once the node is NotReady the CCM deletes the Node",
  flags: [],
  run(args, { rt }) {
    const instance = instanceArg(rt, 'delete-instance', args.positionals);
    if ('code' in instance) return instance;
    cloudOf(rt).deleteInstance(instance.name);
    setMachine(rt, instance.name, false, 'delete-instance');
    return ok(
      `instance/${instance.name} deleted: its kubelet stops posting status; once the node is NotReady the cloud node lifecycle controller deletes the Node\n`,
    );
  },
};

const shutdownInstanceCommand: CommandSpec = {
  path: ['cloud', 'shutdown-instance'],
  summary: "Shut a node's VM down: its kubelet goes silent and the CCM taints the NotReady node as shut down",
  flags: [],
  run(args, { rt }) {
    const instance = instanceArg(rt, 'shutdown-instance', args.positionals);
    if ('code' in instance) return instance;
    if (instance.state === 'stopped') return fail(`error: instance "${instance.name}" is already stopped\n`);
    instance.state = 'stopped';
    setMachine(rt, instance.name, false, 'shutdown-instance');
    return ok(
      `instance/${instance.name} stopped: its kubelet stops posting status; once the node is NotReady the cloud node lifecycle controller taints it node.cloudprovider.kubernetes.io/shutdown:NoSchedule\n`,
    );
  },
};

const startInstanceCommand: CommandSpec = {
  path: ['cloud', 'start-instance'],
  summary:
    'Start a stopped VM again: its kubelet resumes and the shutdown taint comes off once the node is Ready',
  flags: [],
  run(args, { rt }) {
    const instance = instanceArg(rt, 'start-instance', args.positionals);
    if ('code' in instance) return instance;
    if (instance.state === 'running') return fail(`error: instance "${instance.name}" is already running\n`);
    instance.state = 'running';
    setMachine(rt, instance.name, true, 'start-instance');
    return ok(
      `instance/${instance.name} started: the kubelet posts status again within 10s; the shutdown taint is removed once the node is Ready\n`,
    );
  },
};

export const cloudCommands: CommandSpec[] = [
  instancesCommand,
  routesCommand,
  deleteInstanceCommand,
  shutdownInstanceCommand,
  startInstanceCommand,
];
