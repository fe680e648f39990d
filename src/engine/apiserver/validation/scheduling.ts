// Pod scheduling constraints: tolerations, taint effects, node and pod (anti-)affinity.
// mirrors pkg/apis/core/validation/validation.go ValidateTolerations / validateAffinity / ValidateNodeSelector.
import type {
  Affinity,
  NodeSelector,
  NodeSelectorRequirement,
  PodAffinityTerm,
  Toleration,
  WeightedPodAffinityTerm,
} from 'kubernetes-types/core/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { goToleration } from './goFormat';
import { validateLabelName, validateLabelSelector } from './meta';
import { isValidLabelValue } from './names';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect */
export function validateTaintEffect(
  effect: string | undefined,
  allowEmpty: boolean,
  path: string,
): FieldError[] {
  if (!effect) return allowEmpty ? [] : [fieldError.required(path, '')];
  return TAINT_EFFECTS.includes(effect) ? [] : [fieldError.notSupported(path, effect, TAINT_EFFECTS)];
}

/** ValidateTolerations */
export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.key) errs.push(...validateLabelName(t.key, `${p}.key`));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(
        fieldError.invalid(
          `${p}.operator`,
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(
        fieldError.invalid(
          `${p}.effect`,
          t.effect ?? '',
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    if (!t.operator || t.operator === 'Equal') {
      const msgs = isValidLabelValue(t.value ?? '');
      if (msgs.length) errs.push(fieldError.invalid(`${p}.operator`, t.value ?? '', msgs.join(';')));
    } else if (t.operator === 'Exists') {
      if (t.value)
        errs.push(
          fieldError.invalid(
            `${p}.operator`,
            goToleration(t),
            "value must be empty when `operator` is 'Exists'",
          ),
        );
    } else {
      errs.push(fieldError.notSupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    }
    errs.push(...validateTaintEffect(t.effect, true, `${p}.effect`));
  });
  return errs;
}

/** ValidateNodeSelectorRequirement */
function validateNodeSelectorRequirement(r: NodeSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const n = (r.values ?? []).length;
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (n === 0)
        errs.push(
          fieldError.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"),
        );
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (n > 0)
        errs.push(
          fieldError.forbidden(
            `${path}.values`,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      break;
    case 'Gt':
    case 'Lt':
      if (n !== 1)
        errs.push(
          fieldError.required(
            `${path}.values`,
            "must be specified single value when `operator` is 'Lt' or 'Gt'",
          ),
        );
      break;
    default:
      errs.push(fieldError.invalid(`${path}.operator`, r.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(r.key ?? '', `${path}.key`));
  return errs;
}

function validateNodeSelectorTerm(
  term: { matchExpressions?: NodeSelectorRequirement[] },
  path: string,
): FieldError[] {
  return (term.matchExpressions ?? []).flatMap((r, j) =>
    validateNodeSelectorRequirement(r, `${path}.matchExpressions[${j}]`),
  );
}

/** ValidateNodeSelector */
function validateNodeSelector(sel: NodeSelector, path: string): FieldError[] {
  const terms = sel.nodeSelectorTerms ?? [];
  if (terms.length === 0)
    return [fieldError.required(`${path}.nodeSelectorTerms`, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(t, `${path}.nodeSelectorTerms[${i}]`));
}

function validateWeight(weight: number | undefined, path: string): FieldError[] {
  const w = weight ?? 0;
  return w <= 0 || w > 100 ? [fieldError.invalid(path, w, 'must be in the range 1-100')] : [];
}

/** validatePodAffinityTerm */
function validatePodAffinityTerm(term: PodAffinityTerm, path: string): FieldError[] {
  const errs = validateLabelSelector(term.labelSelector, `${path}.labelSelector`);
  if (!term.topologyKey) errs.push(fieldError.required(`${path}.topologyKey`, 'can not be empty'));
  else errs.push(...validateLabelName(term.topologyKey, `${path}.topologyKey`));
  return errs;
}

function validatePodAffinity(
  a: {
    requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
    preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
  },
  path: string,
): FieldError[] {
  const req = `${path}.requiredDuringSchedulingIgnoredDuringExecution`;
  const pref = `${path}.preferredDuringSchedulingIgnoredDuringExecution`;
  return [
    ...(a.requiredDuringSchedulingIgnoredDuringExecution ?? []).flatMap((t, i) =>
      validatePodAffinityTerm(t, `${req}[${i}]`),
    ),
    ...(a.preferredDuringSchedulingIgnoredDuringExecution ?? []).flatMap((t, i) => [
      ...validateWeight(t.weight, `${pref}[${i}].weight`),
      ...validatePodAffinityTerm(
        t.podAffinityTerm ?? ({} as PodAffinityTerm),
        `${pref}[${i}].podAffinityTerm`,
      ),
    ]),
  ];
}

/** validateAffinity */
export function validateAffinity(affinity: Affinity | undefined, path: string): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na?.requiredDuringSchedulingIgnoredDuringExecution) {
    errs.push(
      ...validateNodeSelector(
        na.requiredDuringSchedulingIgnoredDuringExecution,
        `${path}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`,
      ),
    );
  }
  (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
    const p = `${path}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    errs.push(...validateWeight(t.weight, `${p}.weight`));
    errs.push(...validateNodeSelectorTerm(t.preference ?? {}, `${p}.preference`));
  });
  if (affinity.podAffinity) errs.push(...validatePodAffinity(affinity.podAffinity, `${path}.podAffinity`));
  if (affinity.podAntiAffinity)
    errs.push(...validatePodAffinity(affinity.podAntiAffinity, `${path}.podAntiAffinity`));
  return errs;
}
