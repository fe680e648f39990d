// PodDisruptionBudget spec validation. mirrors pkg/apis/policy/validation/validation.go
// ValidatePodDisruptionBudgetSpec (policy/v1 has no defaulting: an unset field stays unset).
import type { PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';
import { GoLiteral, fieldError, type FieldError } from '../fieldErrors';
import { validateLabelSelector } from './meta';
import { validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './workloadCommon';

/** sets.List() order of the supported policies */
export const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** the internal spec struct as field.Invalid prints it with %#v (pointers as a fixed placeholder address) */
function goPdbSpec(spec: PodDisruptionBudgetSpec): GoLiteral {
  const ptr = (type: string, set: boolean) => `(*${type})(${set ? '0xc000000000' : 'nil'})`;
  return new GoLiteral(
    `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr('intstr.IntOrString', spec.minAvailable !== undefined)}, ` +
      `Selector:${ptr('v1.LabelSelector', spec.selector !== undefined)}, ` +
      `MaxUnavailable:${ptr('intstr.IntOrString', spec.maxUnavailable !== undefined)}, ` +
      `UnhealthyPodEvictionPolicy:${ptr('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy !== undefined)}}`,
  );
}

/** ValidatePodDisruptionBudgetSpec */
export function validatePodDisruptionBudgetSpec(
  spec: PodDisruptionBudgetSpec | undefined,
  path = 'spec',
): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  if (s.minAvailable !== undefined && s.maxUnavailable !== undefined)
    errs.push(fieldError.invalid(path, goPdbSpec(s), 'minAvailable and maxUnavailable cannot be both set'));
  if (s.minAvailable !== undefined) {
    errs.push(...validatePositiveIntOrPercent(s.minAvailable, `${path}.minAvailable`));
    errs.push(...validateNotMoreThan100Percent(s.minAvailable, `${path}.minAvailable`));
  }
  if (s.maxUnavailable !== undefined) {
    errs.push(...validatePositiveIntOrPercent(s.maxUnavailable, `${path}.maxUnavailable`));
    errs.push(...validateNotMoreThan100Percent(s.maxUnavailable, `${path}.maxUnavailable`));
  }
  errs.push(...validateLabelSelector(s.selector, `${path}.selector`));
  const policy = s.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !UNHEALTHY_POD_EVICTION_POLICIES.includes(policy))
    errs.push(
      fieldError.notSupported(`${path}.unhealthyPodEvictionPolicy`, policy, UNHEALTHY_POD_EVICTION_POLICIES),
    );
  return errs;
}
