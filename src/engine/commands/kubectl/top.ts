// `kubectl top pod|pods [NAME] [-n ns|-A] [-l sel] [--containers] [--sort-by cpu|memory]` and `kubectl top node|nodes`.
// mirrors k8s.io/kubectl/pkg/cmd/top (top_pod.go, top_node.go) and pkg/metricsutil/metrics_printer.go.
import type { Node } from 'kubernetes-types/core/v1';
import type { CommandResult, CommandSpec } from '../types';
import { fail, ok } from '../types';
import type { ParsedArgs } from '../args';
import type { ClusterRuntime } from '../../cluster/types';
import { alignColumns } from '../printers/tabwriter';
import { parseSelector } from '../../labels/selector';
import { milliValue, value } from '../../quantity/index';
import { commandNamespace } from '../resourceName';
import { metricsServerFor, type NodeMetrics, type PodMetrics } from '../../metrics/metricsServer';

const cpuCell = (q: string) => `${milliValue(q)}m`;
const memCell = (q: string) => `${Math.trunc(value(q) / (1024 * 1024))}Mi`;
const API_UNAVAILABLE = 'error: Metrics API not available\n';
const NOT_YET = 'error: metrics not available yet\n';

const podCpu = (m: PodMetrics) => m.containers.reduce((s, c) => s + milliValue(c.usage.cpu), 0);
const podMem = (m: PodMetrics) => m.containers.reduce((s, c) => s + value(c.usage.memory), 0);

function sortPods(items: PodMetrics[], by: string | undefined): PodMetrics[] {
  if (by === 'cpu') return [...items].sort((a, b) => podCpu(b) - podCpu(a));
  if (by === 'memory') return [...items].sort((a, b) => podMem(b) - podMem(a));
  return items;
}

function podRows(items: PodMetrics[], allNs: boolean, containers: boolean, noHeaders: boolean): string {
  const rows: string[][] = [];
  if (!noHeaders) {
    const h = containers
      ? ['POD', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']
      : ['NAME', 'CPU(cores)', 'MEMORY(bytes)'];
    rows.push(allNs ? ['NAMESPACE', ...h] : h);
  }
  for (const m of items) {
    const ns = allNs ? [m.metadata.namespace] : [];
    if (containers)
      for (const c of m.containers)
        rows.push([...ns, m.metadata.name, c.name, cpuCell(c.usage.cpu), memCell(c.usage.memory)]);
    else rows.push([...ns, m.metadata.name, `${podCpu(m)}m`, `${Math.trunc(podMem(m) / (1024 * 1024))}Mi`]);
  }
  return alignColumns(rows);
}

function topPods(args: ParsedArgs, rt: ClusterRuntime): CommandResult {
  const server = metricsServerFor(rt);
  if (!server) return fail(API_UNAVAILABLE);
  const allNs = args.bool('all-namespaces');
  const ns = commandNamespace(args.string('namespace'));
  const name = args.positionals[0];
  if (name !== undefined) {
    const m = server.getPodMetrics(ns, name);
    if (!m)
      return fail(`Error from server (NotFound): podmetrics.metrics.k8s.io "${ns}/${name}" not found\n`);
    return ok(podRows([m], false, args.bool('containers'), args.bool('no-headers')));
  }
  let sel;
  try {
    sel = parseSelector(args.string('selector') ?? '');
  } catch (e) {
    return fail(`error: ${(e as Error).message}\n`);
  }
  const items = server.listPodMetrics(allNs ? undefined : ns).filter((m) => sel.matches(m.metadata.labels));
  if (items.length === 0) {
    // verifyEmptyMetrics: pods exist but have no metrics yet
    const pods = rt.api.list('pods', allNs ? undefined : ns, {
      labelSelector: args.string('selector') ?? '',
    });
    if (pods.items.length > 0) return fail(NOT_YET);
    return {
      code: 0,
      stdout: '',
      stderr: allNs ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`,
    };
  }
  return ok(
    podRows(sortPods(items, args.string('sort-by')), allNs, args.bool('containers'), args.bool('no-headers')),
  );
}

function nodeRow(node: Readonly<Node>, m: NodeMetrics | undefined): string[] {
  const name = node.metadata?.name ?? '';
  if (!m) return [name, '<unknown>', '<unknown>', '<unknown>', '<unknown>'];
  const alloc = node.status?.allocatable ?? {};
  const pct = (used: number, avail: number) => `${avail > 0 ? Math.trunc((used / avail) * 100) : 0}%`;
  const cpu = milliValue(m.usage.cpu);
  const mem = milliValue(m.usage.memory);
  return [
    name,
    cpuCell(m.usage.cpu),
    pct(cpu, milliValue(alloc.cpu)),
    memCell(m.usage.memory),
    pct(mem, milliValue(alloc.memory)),
  ];
}

function topNodes(args: ParsedArgs, rt: ClusterRuntime): CommandResult {
  const server = metricsServerFor(rt);
  if (!server) return fail(API_UNAVAILABLE);
  const name = args.positionals[0];
  const metrics = server.listNodeMetrics();
  if (name !== undefined && !server.getNodeMetrics(name))
    return fail(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found\n`);
  if (metrics.length === 0) return fail(NOT_YET);
  const nodes = (
    rt.api.list('nodes', undefined, { labelSelector: args.string('selector') ?? '' })
      .items as unknown as Readonly<Node>[]
  ).filter((n) => name === undefined || n.metadata?.name === name);
  let rows = nodes.map((n) => ({ n, m: server.getNodeMetrics(n.metadata?.name ?? '') }));
  const by = args.string('sort-by');
  if (by === 'cpu' || by === 'memory') {
    const key = (m: NodeMetrics | undefined) =>
      m ? milliValue(by === 'cpu' ? m.usage.cpu : m.usage.memory) : -1;
    rows = [...rows].sort((a, b) => key(b.m) - key(a.m));
  }
  const out = rows.map(({ n, m }) => nodeRow(n, m));
  if (!args.bool('no-headers')) out.unshift(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  return ok(alignColumns(out));
}

const common = [
  { name: 'selector', short: 'l', type: 'string' as const },
  { name: 'no-headers', type: 'bool' as const },
  { name: 'sort-by', type: 'string' as const },
];

const podSpec = (word: string): CommandSpec => ({
  path: ['top', word],
  summary: 'Display resource (CPU/memory) usage of pods',
  flags: [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'containers', type: 'bool' },
    ...common,
  ],
  run: (args, { rt }) => topPods(args, rt),
});

const nodeSpec = (word: string): CommandSpec => ({
  path: ['top', word],
  summary: 'Display resource (CPU/memory) usage of nodes',
  flags: [{ name: 'namespace', short: 'n', type: 'string' }, ...common],
  run: (args, { rt }) => topNodes(args, rt),
});

export const topCommands: CommandSpec[] = [
  podSpec('pod'),
  podSpec('pods'),
  podSpec('po'),
  nodeSpec('node'),
  nodeSpec('nodes'),
  nodeSpec('no'),
];
