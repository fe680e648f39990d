// `kubectl create poddisruptionbudget|pdb NAME --selector ... --min-available|--max-unavailable` and
// `kubectl create serviceaccount|sa NAME`. mirrors k8s.io/kubectl/pkg/cmd/create/create_pdb.go and
// create_serviceaccount.go (validation messages included).
import type { CommandSpec } from '../types';
import type { KubeObject } from '../../types/object';
import { parseSelector } from '../../labels/selector';
import type { Requirement } from '../../labels/types';
import { common, createGenerated, nameArg } from './createDeployment';

/** metav1.ParseToLabelSelector: `=`/`==` become matchLabels, everything else matchExpressions */
export function parseToLabelSelector(text: string): Record<string, unknown> {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: { key: string; operator: string; values?: string[] }[] = [];
  const OPS: Partial<Record<Requirement['operator'], string>> = {
    in: 'In',
    notin: 'NotIn',
    '!=': 'NotIn',
    exists: 'Exists',
    '!': 'DoesNotExist',
  };
  for (const r of parseSelector(text).requirements) {
    if (r.operator === '=' || r.operator === '==') {
      matchLabels[r.key] = r.values[0] ?? '';
      continue;
    }
    const operator = OPS[r.operator];
    if (!operator) throw new Error(`"${r.operator}" is not a valid label selector operator`);
    matchExpressions.push(
      operator === 'Exists' || operator === 'DoesNotExist'
        ? { key: r.key, operator }
        : { key: r.key, operator, values: [...r.values] },
    );
  }
  const sel: Record<string, unknown> = {};
  if (Object.keys(matchLabels).length > 0) sel.matchLabels = matchLabels;
  if (matchExpressions.length > 0) sel.matchExpressions = matchExpressions;
  return sel;
}

/** intstr.Parse: a number stays a number, anything else (a percentage) a string */
function intOrString(v: string): number | string {
  return /^[0-9]+$/.test(v) ? Number(v) : v;
}

const pdbCmd = (alias: string): CommandSpec => ({
  path: ['create', alias],
  summary: 'Create a pod disruption budget with the specified name',
  flags: [
    ...common,
    { name: 'selector', type: 'string' },
    { name: 'min-available', type: 'string' },
    { name: 'max-unavailable', type: 'string' },
  ],
  run(args, ctx) {
    const name = nameArg(args);
    const selector = args.string('selector') ?? '';
    const min = args.string('min-available') ?? '';
    const max = args.string('max-unavailable') ?? '';
    // create_pdb.go Validate
    if (!selector) throw new Error('a selector must be specified');
    if (!min && !max) throw new Error('one of min-available or max-unavailable must be specified');
    if (min && max) throw new Error('min-available and max-unavailable cannot be both specified');
    const re = /^[0-9]+%?$/;
    if (min && !re.test(min)) throw new Error('invalid format specified for min-available');
    if (max && !re.test(max)) throw new Error('invalid format specified for max-unavailable');
    const spec: Record<string, unknown> = { selector: parseToLabelSelector(selector) };
    if (min) spec.minAvailable = intOrString(min);
    if (max) spec.maxUnavailable = intOrString(max);
    const obj: KubeObject = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name },
      spec,
      status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
    };
    return createGenerated(ctx, args, 'poddisruptionbudgets.policy', obj);
  },
});

const serviceAccountCmd = (alias: string): CommandSpec => ({
  path: ['create', alias],
  summary: 'Create a service account with the specified name',
  flags: common,
  run(args, ctx) {
    const name = nameArg(args);
    const obj: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } };
    return createGenerated(ctx, args, 'serviceaccounts', obj);
  },
});

export const createPolicyCommands: CommandSpec[] = [
  pdbCmd('poddisruptionbudget'),
  pdbCmd('pdb'),
  serviceAccountCmd('serviceaccount'),
  serviceAccountCmd('sa'),
];
