// `kubectl describe poddisruptionbudget`: mirrors k8s.io/kubectl/pkg/describe/describe.go describePodDisruptionBudgetV1.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KubeObject } from '../../../types/object';
import type { DescribeInputs } from './types';
import { DescribeWriter } from './writer';
import { describeEvents } from './common';
import { formatLabelSelector } from '../format';

export function describePodDisruptionBudget(obj: KubeObject, inputs: DescribeInputs): string {
  const pdb = obj as unknown as PodDisruptionBudget;
  const spec = pdb.spec ?? {};
  const st = pdb.status;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  // IntOrString.String(): the number or the string as is
  if (spec.minAvailable !== undefined) w.write(0, `Min available:\t${String(spec.minAvailable)}\n`);
  else if (spec.maxUnavailable !== undefined)
    w.write(0, `Max unavailable:\t${String(spec.maxUnavailable)}\n`);
  w.write(0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${st?.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${st?.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${st?.expectedPods ?? 0}\n`);
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}
