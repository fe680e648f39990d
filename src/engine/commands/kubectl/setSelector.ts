// `kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version]`: a Service's selector.
// mirrors k8s.io/kubectl/pkg/cmd/set/set_selector.go: the last argument is a label selector (metav1
// ParseToLabelSelector); only Services take one, and only as match labels; the new selector replaces the old one.
import type { CommandResult, CommandSpec } from '../types';
import type { ParsedArgs } from '../args';
import type { ClusterRuntime } from '../../cluster/types';
import { parseSelector } from '../../labels/selector';
import { resolveTargets, type Target } from './writeTargets';
import { SET_FLAGS, checkLocal, eachTarget, startingObject, writeChanged } from './setSupport';

const EXPRESSION_OPERATOR: Partial<Record<string, string>> = {
  in: 'In',
  notin: 'NotIn',
  '!=': 'NotIn',
  exists: 'Exists',
  '!': 'DoesNotExist',
};

/**
 * metav1.ParseToLabelSelector (=, == and a one-value `in` become match labels; the rest match expressions), then
 * copyOldSelector: a Service takes match labels only
 */
function matchLabels(expr: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const expressions: string[] = [];
  for (const r of parseSelector(expr).requirements) {
    const single =
      r.values.length === 1 && (r.operator === '=' || r.operator === '==' || r.operator === 'in');
    if (single) {
      labels[r.key] = r.values[0] as string;
      continue;
    }
    const op = EXPRESSION_OPERATOR[r.operator];
    if (op === undefined) throw new Error(`"${r.operator}" is not a valid label selector operator`);
    // Go's %v of a LabelSelectorRequirement
    expressions.push(`{${r.key} ${op} [${r.values.join(' ')}]}`);
  }
  if (expressions.length > 0)
    throw new Error(`match expression [${expressions.join(' ')}] not supported on this object`);
  return labels;
}

function setOne(rt: ClusterRuntime, t: Target, labels: Record<string, string>, args: ParsedArgs): string {
  const copy = startingObject(rt, t, args);
  if (copy.kind !== 'Service') throw new Error('setting a selector is only supported for Services');
  (copy.spec as { selector?: Record<string, string> }).selector = { ...labels };
  const rv = args.string('resource-version');
  if (rv) copy.metadata.resourceVersion = rv;
  return writeChanged(rt, t, copy, 'selector updated', args);
}

export const setSelectorCommand: CommandSpec = {
  path: ['set', 'selector'],
  summary: 'Set the selector on a resource',
  flags: [
    ...SET_FLAGS,
    {
      name: 'resource-version',
      type: 'string',
      help: 'If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    },
  ],
  run(args, ctx): CommandResult {
    if (args.positionals.length === 0) throw new Error('one selector is required');
    const resources = args.positionals.slice(0, -1);
    const labels = matchLabels(args.positionals[args.positionals.length - 1] as string);
    checkLocal(args, resources);
    const targets = resolveTargets(ctx.rt, args, {
      stdin: ctx.stdin,
      verb: 'set selector',
      words: resources,
    });
    return eachTarget(targets, (t) => setOne(ctx.rt, t, labels, args));
  },
};
