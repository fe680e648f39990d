// PodDisruptionBudget validation messages as the API server prints them (pkg/apis/policy/validation).
import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';
import { errorText } from '../fieldErrors';
import { validatePodDisruptionBudgetSpec } from './pdb';

const sel = { matchLabels: { app: 'web' } };

describe('validatePodDisruptionBudgetSpec', () => {
  it.each<{ name: string; spec: PodDisruptionBudgetSpec; expected: string[] }>([
    { name: 'minAvailable int', spec: { minAvailable: 2, selector: sel }, expected: [] },
    { name: 'maxUnavailable percent', spec: { maxUnavailable: '25%', selector: sel }, expected: [] },
    { name: 'no selector is allowed', spec: { minAvailable: 1 }, expected: [] },
    {
      name: 'both set',
      spec: { minAvailable: 2, maxUnavailable: 1, selector: sel },
      expected: [
        'spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000000000), Selector:(*v1.LabelSelector)(0xc000000000), MaxUnavailable:(*intstr.IntOrString)(0xc000000000), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set',
      ],
    },
    {
      name: 'negative minAvailable',
      spec: { minAvailable: -1, selector: sel },
      expected: ['spec.minAvailable: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'percent over 100',
      spec: { maxUnavailable: '150%', selector: sel },
      expected: [
        'spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
      ],
    },
    {
      name: 'string that is not a percent',
      spec: { minAvailable: 'two', selector: sel },
      expected: [
        `spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"two"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
      ],
    },
    {
      name: 'unknown unhealthyPodEvictionPolicy',
      spec: { minAvailable: 1, selector: sel, unhealthyPodEvictionPolicy: 'Sometimes' },
      expected: [
        'spec.unhealthyPodEvictionPolicy: Unsupported value: "Sometimes": supported values: "AlwaysAllow", "IfHealthyBudget"',
      ],
    },
  ])('$name', ({ spec, expected }) => {
    expect(validatePodDisruptionBudgetSpec(spec).map(errorText)).toEqual(expected);
  });
});
