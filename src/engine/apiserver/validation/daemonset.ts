// DaemonSet validation.
// mirrors pkg/apis/apps/validation/validation.go ValidateDaemonSetSpec / ValidateDaemonSetUpdateStrategy / ValidateRollingUpdateDaemonSet.
import type { DaemonSetSpec, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { goIntOrString, goLabelSelector, goStringMap } from './goFormat';
import { validateLabelSelector, validateNonnegative } from './meta';
import { validatePodTemplateSpec } from './podSpec';
import {
  intOrPercentValue,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
  validateTemplateMatchesSelector,
} from './workloadCommon';

function validateUpdateStrategy(us: DaemonSetUpdateStrategy | undefined, path: string): FieldError[] {
  const s = us ?? {};
  if (s.type === 'OnDelete') return [];
  if (s.type !== 'RollingUpdate')
    return [fieldError.notSupported(path, s.type ?? '', ['RollingUpdate', 'OnDelete'])];
  const ru = s.rollingUpdate;
  if (!ru) return [fieldError.required(`${path}.rollingUpdate`, '')];
  const p = `${path}.rollingUpdate`;
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`),
    ...validateNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`),
    ...validateNotMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(
      fieldError.invalid(
        `${p}.maxSurge`,
        goIntOrString(ru.maxSurge),
        'may not be set when maxUnavailable is non-zero',
      ),
    );
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(fieldError.required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

/** ValidateDaemonSetSpec */
export function validateDaemonSetSpec(spec: DaemonSetSpec | undefined): FieldError[] {
  const s = spec ?? ({} as DaemonSetSpec);
  const errs = validateLabelSelector(s.selector, 'spec.selector');
  // a nil selector is labels.Nothing() upstream, which matches no template
  if (!s.selector) {
    errs.push(
      fieldError.invalid(
        'spec.template.metadata.labels',
        goStringMap(s.template?.metadata?.labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  errs.push(...validateTemplateMatchesSelector(s.selector, s.template, 'spec.template'));
  if (
    s.selector &&
    Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length === 0
  ) {
    errs.push(
      fieldError.invalid(
        'spec.selector',
        goLabelSelector(s.selector),
        'empty selector is invalid for daemonset',
      ),
    );
  }
  errs.push(...validatePodTemplateSpec(s.template, 'spec.template'));
  const restart = s.template?.spec?.restartPolicy ?? '';
  if (restart !== 'Always')
    errs.push(fieldError.notSupported('spec.template.spec.restartPolicy', restart, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(
      fieldError.forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        'activeDeadlineSeconds in DaemonSet is not Supported',
      ),
    );
  }
  errs.push(...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateUpdateStrategy(s.updateStrategy, 'spec.updateStrategy'));
  errs.push(...validateNonnegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}
