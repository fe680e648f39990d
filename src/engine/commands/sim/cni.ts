// `sim cni`, `sim cni compare`, `sim cni flows`: the cluster's CNI plugin model, a comparison of all five generated
// from the plugin objects, and Cilium's Hubble-style flow log.
import { alignColumns } from '../printers/tabwriter';
import type { Node } from 'kubernetes-types/core/v1';
import { ALL_CNI, cniForCluster, createPlugin } from '../../network/cni/index';
import { formatFlow } from '../../network/cni/flows';
import type { CniPlugin } from '../../network/cni/types';
import { simCurlCommand } from './curl';
import { simTraceCommand } from './trace';
import type { CommandSpec } from '../types';

export function compareRows(plugins: readonly CniPlugin[]): string[][] {
  return [
    ['PLUGIN', 'NETWORKING', 'IPAM', 'POLICY', 'ENCRYPTION', 'OBSERVABILITY'],
    ...plugins.map((p) => [
      p.name,
      p.networking,
      p.ipam.summary,
      p.policyLevel,
      p.encryption,
      p.observability,
    ]),
  ];
}

const cniShow: CommandSpec = {
  path: ['cni'],
  summary: "Show the cluster's CNI plugin and each node's pod address range",
  flags: [],
  run(_args, { rt }) {
    const { plugin } = cniForCluster(rt);
    const nodes = rt.api.list('nodes', undefined).items;
    const lines = [
      `cni: ${plugin.name}`,
      `networking: ${plugin.networking}`,
      `ipam: ${plugin.ipam.summary}`,
      `policy: ${plugin.policyLevel}${plugin.enforcesPolicy ? '' : ' (NetworkPolicies are stored but NOT enforced)'}`,
      `encryption: ${plugin.encryption}`,
      `observability: ${plugin.observability}`,
      '',
      alignColumns([
        ['NODE', 'POD RANGE'],
        ...nodes.map((n) => [n.metadata.name ?? '', plugin.ipam.rangeOf(n as unknown as Node)]),
      ]).trimEnd(),
    ];
    return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
  },
};

const cniCompare: CommandSpec = {
  path: ['cni', 'compare'],
  summary: 'Compare the five CNI plugin models',
  flags: [],
  run() {
    return { code: 0, stdout: alignColumns(compareRows(ALL_CNI.map((n) => createPlugin(n)))), stderr: '' };
  },
};

const cniFlows: CommandSpec = {
  path: ['cni', 'flows'],
  summary: 'Print the Hubble flow log (cilium only)',
  flags: [{ name: 'last', type: 'int', default: 50 }],
  run(args, { rt }) {
    const c = cniForCluster(rt);
    if (c.plugin.name !== 'cilium')
      return {
        code: 1,
        stdout: '',
        stderr: `error: flow logs come from Hubble, which needs cilium; this cluster runs ${c.plugin.name}\n`,
      };
    const flows = c.flows.all().slice(-(args.int('last') ?? 50));
    if (flows.length === 0)
      return { code: 0, stdout: 'no flows recorded yet (try kubectl exec POD -- curl ...)\n', stderr: '' };
    return {
      code: 0,
      stdout: flows.map((f) => formatFlow(f, (ms) => rt.sim.clock.toRfc3339(ms))).join('\n') + '\n',
      stderr: '',
    };
  },
};

export const networkSimCommands: CommandSpec[] = [
  cniShow,
  cniCompare,
  cniFlows,
  simTraceCommand,
  simCurlCommand,
];
