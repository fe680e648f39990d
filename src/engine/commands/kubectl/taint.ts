// `kubectl taint nodes NAME key=value:Effect ... [key:Effect-] [--overwrite] [-l sel | --all]`.
// mirrors k8s.io/kubectl/pkg/cmd/taint/taint.go (Complete, Validate, RunTaint, updateTaints).
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandResult, CommandSpec } from '../types';
import type { Taint } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { StatusError } from '../../apiserver/types';
import { kubectlCtx, namespaceFlag, selectNodes, selectorFlag, updateNode, usageError } from './nodeTargets';
import { existingTaintKeys, parseTaints, reorganizeTaints, TaintSpecError } from './taintSpec';

const err = (message: string): CommandResult => ({ code: 1, stdout: '', stderr: `error: ${message}\n` });

/** split positionals into resources and taint changes as kubectl's Complete does */
function splitArgs(args: readonly string[]): { resources: string[]; taintArgs: string[] } | string {
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const s of args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taintArgs.push(s);
    else if (taintArgs.length > 0) return `all resources must be specified before taint changes: ${s}`;
    else resources.push(s);
  }
  return { resources, taintArgs };
}

function resourceIsNode(rt: ClusterRuntime, type: string): boolean | string {
  try {
    return rt.api.resolve(type.toLowerCase()).kind === 'Node';
  } catch (e) {
    if (e instanceof StatusError) return `the server doesn't have a resource type "${type}"`;
    throw e;
  }
}

function taintNode(
  rt: ClusterRuntime,
  node: Readonly<KubeObject>,
  overwrite: boolean,
  add: Taint[],
  remove: Taint[],
): string {
  const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
  const name = node.metadata.name ?? '';
  if (!overwrite) {
    const exists = existingTaintKeys(old, add);
    if (exists)
      throw new TaintSpecError(
        `node ${name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`,
      );
  }
  const { operation, taints, errors } = reorganizeTaints(old, overwrite, add, remove);
  if (errors.length > 0)
    throw new TaintSpecError(errors.length === 1 ? (errors[0] as string) : `[${errors.join(', ')}]`);
  updateNode(
    rt,
    node,
    (copy) => {
      const spec = (copy.spec ?? {}) as { taints?: Taint[] };
      if (taints.length > 0) spec.taints = taints;
      else delete spec.taints;
      copy.spec = spec;
    },
    kubectlCtx('taint'),
  );
  return `node/${name} ${operation}\n`;
}

export const taintCommand: CommandSpec = {
  path: ['taint'],
  summary: 'Update the taints on one or more nodes',
  flags: [namespaceFlag, selectorFlag, { name: 'overwrite', type: 'bool' }, { name: 'all', type: 'bool' }],
  run(args, { rt }) {
    const split = splitArgs(args.positionals);
    if (typeof split === 'string') return err(split);
    const { resources, taintArgs } = split;
    if (resources.length < 1) return err('one or more resources must be specified as <resource> <name>');
    if (taintArgs.length < 1) return err('at least one taint update is required');
    let changes: { add: Taint[]; remove: Taint[] };
    try {
      changes = parseTaints(taintArgs);
    } catch (e) {
      if (e instanceof TaintSpecError) return usageError('taint', e.message);
      throw e;
    }
    const isNode = resourceIsNode(rt, resources[0] as string);
    if (typeof isNode === 'string') return err(isNode);
    if (!isNode)
      return err(
        `invalid resource type ${(resources[0] as string).toLowerCase()}, only node types are supported`,
      );
    const conflicts = changes.add.flatMap((a) =>
      changes.remove
        .filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect))
        .map((r) => `${r.key}=${r.effect}`),
    );
    if (conflicts.length > 0) {
      return err(
        `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
      );
    }
    const selector = args.string('selector');
    const all = args.bool('all');
    if (all && selector) return err("setting 'all' parameter with a non empty selector is prohibited");
    if (!all && !selector && resources.length < 2) {
      return err("at least one resource name must be specified since 'all' parameter is not set");
    }
    const nodes = all ? rt.api.list('nodes', undefined).items : selectNodes(rt, resources.slice(1), selector);
    let stdout = '';
    for (const node of nodes) {
      try {
        stdout += taintNode(rt, node, args.bool('overwrite'), changes.add, changes.remove);
      } catch (e) {
        if (e instanceof TaintSpecError) return { code: 1, stdout, stderr: `error: ${e.message}\n` };
        throw e;
      }
    }
    return { code: 0, stdout, stderr: '' };
  },
};
