// `kubectl cordon|uncordon NODE`: set or clear spec.unschedulable.
// mirrors k8s.io/kubectl/pkg/cmd/drain/drain.go RunCordonOrUncordon and pkg/drain/cordon.go CordonHelper.
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandSpec } from '../types';
import type { KubeObject } from '../../types/object';
import { kubectlCtx, namespaceFlag, selectNodes, selectorFlag, updateNode, usageError } from './nodeTargets';
import { dryRunFlag, dryRunOf, dryRunSuffix, type DryRun } from './writeSupport';

/**
 * cordon (desired=true) or uncordon each node; returns the lines kubectl prints. --dry-run=client sends nothing,
 * --dry-run=server sends the change as a dry run; both add the printer's dry-run suffix to every line.
 */
export function cordonNodes(
  rt: ClusterRuntime,
  nodes: readonly KubeObject[],
  desired: boolean,
  dry: DryRun = 'none',
): string {
  const verb = desired ? 'cordon' : 'uncordon';
  const suffix = dryRunSuffix(dry);
  let out = '';
  for (const node of nodes) {
    const unschedulable = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
    const name = node.metadata.name ?? '';
    if (unschedulable === desired) {
      out += `node/${name} already ${verb}ed${suffix}\n`;
      continue;
    }
    const ctx = kubectlCtx(verb);
    if (dry === 'server') ctx.dryRun = true;
    if (dry !== 'client')
      updateNode(
        rt,
        node,
        (copy) => {
          const spec = (copy.spec ?? {}) as { unschedulable?: boolean };
          // an uncordoned node has no unschedulable field at all (omitempty), as kubectl's patch leaves it
          if (desired) spec.unschedulable = true;
          else delete spec.unschedulable;
          copy.spec = spec;
        },
        ctx,
      );
    out += `node/${name} ${verb}ed${suffix}\n`;
  }
  return out;
}

function cordonCommand(desired: boolean): CommandSpec {
  const verb = desired ? 'cordon' : 'uncordon';
  return {
    path: [verb],
    summary: desired ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    flags: [namespaceFlag, selectorFlag, dryRunFlag],
    run(args, { rt }) {
      const selector = args.string('selector');
      if (args.positionals.length === 0 && !args.has('selector'))
        return usageError(verb, `USAGE: ${verb} NODE [flags]`);
      if (args.positionals.length > 0 && selector) {
        return usageError(verb, 'error: cannot specify both a node name and a --selector option');
      }
      const dry = dryRunOf(args);
      const nodes = selectNodes(rt, args.positionals, selector);
      return { code: 0, stdout: cordonNodes(rt, nodes, desired, dry), stderr: '' };
    },
  };
}

export const cordonCommands: CommandSpec[] = [cordonCommand(true), cordonCommand(false)];
