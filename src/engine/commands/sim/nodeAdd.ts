// `sim node add NAME [--cpu] [--memory] [--pods] [--zone] [--label k=v]... [--taint k=v:Effect]...`: a new machine joins.
import type { CommandSpec } from '../types';
import type { NodeSpec } from '../../cluster/types';
import { fail, ok } from '../types';
import { addNode } from '../../cluster/addNode';
import { isQualifiedName, isValidLabelValue } from '../../labels/validation';
import { parseTaint, TaintSpecError } from '../kubectl/taintSpec';
import { StatusError } from '../../apiserver/types';

/** k8s.io/apimachinery/pkg/api/resource quantity grammar (decimal SI, binary SI or exponent suffix) */
const QUANTITY = /^[+]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;
const QUANTITY_ERR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** build the node spec from flags; a string is the error to print */
export function nodeSpecFromArgs(
  name: string,
  flags: { cpu?: string; memory?: string; pods?: number; zone?: string; labels: string[]; taints: string[] },
): NodeSpec | string {
  for (const [flag, v] of [
    ['cpu', flags.cpu],
    ['memory', flags.memory],
  ] as const) {
    if (v !== undefined && !QUANTITY.test(v)) return `invalid --${flag} "${v}": ${QUANTITY_ERR}`;
    if (v !== undefined && Number.parseFloat(v) <= 0)
      return `invalid --${flag} "${v}": must be greater than 0`;
  }
  if (flags.pods !== undefined && flags.pods <= 0)
    return `invalid --pods ${flags.pods}: must be greater than 0`;
  const labels: Record<string, string> = {};
  for (const l of flags.labels) {
    const eq = l.indexOf('=');
    if (eq < 0) return `invalid --label "${l}": expected key=value`;
    const key = l.slice(0, eq);
    const value = l.slice(eq + 1);
    const errs = [...isQualifiedName(key), ...isValidLabelValue(value)];
    if (errs.length > 0) return `invalid --label "${l}": ${errs.join('; ')}`;
    labels[key] = value;
  }
  const taints = [];
  for (const t of flags.taints) {
    try {
      const taint = parseTaint(t);
      if (!taint.effect) return `invalid --taint "${t}": expected key[=value]:Effect`;
      taints.push(taint);
    } catch (e) {
      if (e instanceof TaintSpecError) return `invalid --taint "${t}": ${e.message}`;
      throw e;
    }
  }
  return {
    name,
    cpu: flags.cpu ?? '4',
    memory: flags.memory ?? '16Gi',
    pods: flags.pods ?? 110,
    ...(flags.zone ? { zone: flags.zone } : {}),
    labels,
    taints,
  };
}

export const nodeAddCommand: CommandSpec = {
  path: ['node', 'add'],
  summary: 'Add a worker node (a new machine whose kubelet registers it)',
  flags: [
    { name: 'cpu', type: 'string', default: '4', help: 'CPU capacity (quantity)' },
    { name: 'memory', type: 'string', default: '16Gi', help: 'memory capacity (quantity)' },
    { name: 'pods', type: 'int', default: 110, help: 'max pods' },
    { name: 'zone', type: 'string', help: 'topology.kubernetes.io/zone label' },
    { name: 'label', type: 'stringArray', help: 'extra node label k=v (repeatable)' },
    { name: 'taint', type: 'stringArray', help: 'taint k=v:Effect (repeatable)' },
  ],
  run(args, { rt }) {
    if (args.positionals.length !== 1) return fail('error: sim node add needs exactly one NAME\n');
    const name = args.positionals[0] as string;
    const spec = nodeSpecFromArgs(name, {
      cpu: args.string('cpu'),
      memory: args.string('memory'),
      pods: args.int('pods'),
      zone: args.string('zone'),
      labels: args.strings('label'),
      taints: args.strings('taint'),
    });
    if (typeof spec === 'string') return fail(`error: ${spec}\n`);
    if (rt.machines.has(name)) return fail(`error: node "${name}" already exists\n`);
    try {
      addNode(rt, spec);
    } catch (e) {
      if (e instanceof StatusError && e.status.reason === 'AlreadyExists') {
        return fail(`error: node "${name}" already exists\n`);
      }
      throw e;
    }
    return ok(`node/${name} added\n`);
  },
};
