// Deployment, ReplicaSet and ReplicationController validation.
// mirrors pkg/apis/apps/validation/validation.go ValidateDeploymentSpec / ValidateDeploymentStrategy /
// ValidateRollingUpdateDeployment / ValidateReplicaSetSpec and core ValidateReplicationControllerSpec.
import type { DeploymentSpec, DeploymentStrategy, ReplicaSetSpec } from 'kubernetes-types/apps/v1';
import type { ReplicationControllerSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { fieldError, type FieldError } from '../fieldErrors';
import { goIntOrString, goStringMap } from './goFormat';
import { validateNonnegative } from './meta';
import {
  intOrPercentValue,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
  validateReplicaSetTemplate,
  validateTemplateMatchesSelector,
  validateWorkloadSelector,
} from './workloadCommon';

/** ValidateDeploymentStrategy + ValidateRollingUpdateDeployment */
function validateStrategy(strategy: DeploymentStrategy | undefined, path: string): FieldError[] {
  const s = strategy ?? {};
  if (s.type === 'Recreate') {
    return s.rollingUpdate
      ? [
          fieldError.forbidden(
            `${path}.rollingUpdate`,
            "may not be specified when strategy `type` is 'Recreate'",
          ),
        ]
      : [];
  }
  if (s.type !== 'RollingUpdate')
    return [fieldError.notSupported(path, s.type ?? '', ['Recreate', 'RollingUpdate'])];
  const ru = s.rollingUpdate;
  if (!ru) return [fieldError.required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
  const p = `${path}.rollingUpdate`;
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`),
  ];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(
      fieldError.invalid(
        `${p}.maxUnavailable`,
        goIntOrString(ru.maxUnavailable),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  }
  errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
  return errs;
}

/** ValidateDeploymentSpec */
export function validateDeploymentSpec(spec: DeploymentSpec | undefined): FieldError[] {
  const s = spec ?? ({} as DeploymentSpec);
  const errs = validateNonnegative(s.replicas, 'spec.replicas');
  errs.push(...validateWorkloadSelector(s.selector, 'deployment', 'spec.selector'));
  errs.push(...validateTemplateMatchesSelector(s.selector, s.template, 'spec.template'));
  errs.push(...validateReplicaSetTemplate(s.template, 'ReplicaSet', 'spec.template'));
  errs.push(...validateStrategy(s.strategy, 'spec.strategy'));
  errs.push(...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonnegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (s.progressDeadlineSeconds !== undefined) {
    errs.push(...validateNonnegative(s.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(
        fieldError.invalid(
          'spec.progressDeadlineSeconds',
          s.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      );
    }
  }
  return errs;
}

/** ValidateReplicaSetSpec (its empty-selector message says "deployment", as Kubernetes' does) */
export function validateReplicaSetSpec(spec: ReplicaSetSpec | undefined): FieldError[] {
  const s = spec ?? ({} as ReplicaSetSpec);
  return [
    ...validateNonnegative(s.replicas, 'spec.replicas'),
    ...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...validateWorkloadSelector(s.selector, 'deployment', 'spec.selector'),
    ...validateTemplateMatchesSelector(s.selector, s.template, 'spec.template'),
    ...validateReplicaSetTemplate(s.template, 'ReplicaSet', 'spec.template'),
  ];
}

/** ValidateReplicationControllerSpec: a map selector that must be non-empty and match the template */
export function validateReplicationControllerSpec(spec: ReplicationControllerSpec | undefined): FieldError[] {
  const s = spec ?? ({} as ReplicationControllerSpec);
  const errs = [
    ...validateNonnegative(s.replicas, 'spec.replicas'),
    ...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds'),
  ];
  const selector = s.selector ?? {};
  if (Object.keys(selector).length === 0) errs.push(fieldError.required('spec.selector', ''));
  if (!s.template) return [...errs, fieldError.required('spec.template', '')];
  const labels = s.template.metadata?.labels ?? {};
  if (Object.keys(selector).length && !Object.entries(selector).every(([k, v]) => labels[k] === v)) {
    errs.push(
      fieldError.invalid(
        'spec.template.metadata.labels',
        goStringMap(s.template.metadata?.labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  errs.push(...validateReplicaSetTemplate(s.template, 'ReplicationController', 'spec.template'));
  return errs;
}

export const specOf = <T>(o: KubeObject): T | undefined => o.spec as T | undefined;
