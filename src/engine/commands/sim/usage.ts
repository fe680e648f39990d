// `sim usage pod/NAME [--container c] --cpu 300m --memory 200Mi`, `sim usage clear pod/NAME`, `sim usage show`:
// set and inspect the simulated resource usage of running containers (throttling shown here; kubectl top hides it).
import type { Pod } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../types';
import { fail, ok } from '../types';
import { alignColumns } from '../printers/tabwriter';
import { commandNamespace } from '../resourceName';
import { parseQuantity } from '../../quantity/index';
import { usageModelFor, type UsageOverride } from '../../metrics/usageModel';
import { cpuQuantity, memoryQuantity } from '../../metrics/metricsServer';
import { loadCommand } from './load';

const ns = { name: 'namespace', short: 'n', type: 'string' as const };

function podName(arg: string | undefined): string | undefined {
  if (!arg) return undefined;
  const m = /^(pod|pods|po)\/(.+)$/.exec(arg);
  return m ? m[2] : undefined;
}

const setUsage: CommandSpec = {
  path: ['usage'],
  summary:
    'Set the simulated CPU/memory usage of a pod (or one container): sim usage pod/NAME --cpu 300m --memory 200Mi',
  flags: [
    ns,
    { name: 'container', short: 'c', type: 'string' },
    { name: 'cpu', type: 'string' },
    { name: 'memory', type: 'string' },
  ],
  run(args, { rt }) {
    const name = podName(args.positionals[0]);
    if (!name || args.positionals.length !== 1)
      return fail('error: usage: sim usage pod/NAME [-n ns] [--container c] [--cpu 300m] [--memory 200Mi]\n');
    if (!args.has('cpu') && !args.has('memory')) return fail('error: give --cpu and/or --memory\n');
    const namespace = commandNamespace(args.string('namespace'));
    const pod = rt.api.get('pods', namespace, name) as unknown as Pod;
    const container = args.string('container') ?? '';
    if (container && !(pod.spec?.containers ?? []).some((c) => c.name === container))
      return fail(`error: container ${container} is not valid for pod ${name}\n`);
    const o: UsageOverride = {};
    try {
      const cpu = args.string('cpu');
      const mem = args.string('memory');
      if (cpu !== undefined) o.cpuMilli = parseQuantity(cpu).milliValue();
      if (mem !== undefined) o.memoryBytes = parseQuantity(mem).value();
    } catch (e) {
      return fail(`error: ${(e as Error).message}\n`);
    }
    usageModelFor(rt).setPodUsage(namespace, name, container, o);
    const parts = [
      o.cpuMilli !== undefined ? `cpu ${cpuQuantity(o.cpuMilli)}` : '',
      o.memoryBytes !== undefined ? `memory ${memoryQuantity(o.memoryBytes)}` : '',
    ].filter(Boolean);
    return ok(`pod/${name}${container ? ` container ${container}` : ''} usage set: ${parts.join(', ')}\n`);
  },
};

const clearUsage: CommandSpec = {
  path: ['usage', 'clear'],
  summary: 'Return a pod to its modelled usage: sim usage clear pod/NAME',
  flags: [ns],
  run(args, { rt }) {
    const name = podName(args.positionals[0]);
    if (!name) return fail('error: usage: sim usage clear pod/NAME [-n ns]\n');
    usageModelFor(rt).clearPodUsage(commandNamespace(args.string('namespace')), name);
    return ok(`pod/${name} usage cleared\n`);
  },
};

const showUsage: CommandSpec = {
  path: ['usage', 'show'],
  summary: 'Show the simulated usage of running containers, with limits and CPU throttling',
  flags: [ns, { name: 'all-namespaces', short: 'A', type: 'bool' }],
  run(args, { rt }) {
    const all = args.bool('all-namespaces');
    const namespace = commandNamespace(args.string('namespace'));
    const pods = rt.api.list('pods', all ? undefined : namespace).items as unknown as Pod[];
    const usage = usageModelFor(rt).sample(pods, rt.sim.clock.nowMs());
    if (usage.length === 0) return ok('No running containers\n');
    const rows: string[][] = [
      [
        ...(all ? ['NAMESPACE'] : []),
        'POD',
        'CONTAINER',
        'CPU',
        'CPU-LIMIT',
        'THROTTLED',
        'MEMORY',
        'MEMORY-LIMIT',
      ],
    ];
    for (const u of usage)
      for (const c of u.containers)
        rows.push([
          ...(all ? [u.namespace] : []),
          u.name,
          c.name,
          cpuQuantity(c.cpuMilli),
          c.cpuLimitMilli !== undefined ? cpuQuantity(c.cpuLimitMilli) : '<none>',
          c.throttled ? `yes (wants ${cpuQuantity(c.cpuDemandMilli)})` : 'no',
          memoryQuantity(c.memoryBytes),
          c.memoryLimitBytes !== undefined ? memoryQuantity(c.memoryLimitBytes) : '<none>',
        ]);
    return ok(alignColumns(rows));
  },
};

export const usageCommands: CommandSpec[] = [setUsage, clearUsage, showUsage, loadCommand];
