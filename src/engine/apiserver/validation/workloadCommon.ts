// Pieces shared by apps/v1 workload validation: selector rules, template matching, int-or-percent fields.
// mirrors pkg/apis/apps/validation/validation.go (ValidatePositiveIntOrPercent, IsNotMoreThan100Percent,
// ValidatePodTemplateSpecForReplicaSet) and the immutable-selector check of pkg/registry/apps/*/strategy.go.
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { deepEqual } from '../objectUtil';
import { selectorFromLabelSelector } from '../../labels/selector';
import { goIntOrString, goLabelSelector, goStringMap } from './goFormat';
import { validateImmutable, validateLabelSelector, validateNonnegative } from './meta';
import { isValidPercent } from './names';
import { validatePodTemplateSpec } from './podSpec';

export type IntOrString = number | string;

/** selector required, structurally valid and non-empty (`empty selector is invalid for <kind>`) */
export function validateWorkloadSelector(
  selector: LabelSelector | undefined,
  kind: string,
  path: string,
): FieldError[] {
  if (!selector) return [fieldError.required(path, '')];
  const errs = validateLabelSelector(selector, path);
  if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
    errs.push(fieldError.invalid(path, goLabelSelector(selector), `empty selector is invalid for ${kind}`));
  }
  return errs;
}

/** `selector` does not match template `labels`: only checked for a non-empty, parseable selector */
export function validateTemplateMatchesSelector(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  path: string,
): FieldError[] {
  if (!selector) return [];
  let matches: boolean;
  try {
    const sel = selectorFromLabelSelector(selector);
    if (sel.empty()) return [];
    matches = sel.matches(template?.metadata?.labels ?? {});
  } catch {
    return [];
  }
  const labels = template?.metadata?.labels;
  return matches
    ? []
    : [
        fieldError.invalid(
          `${path}.metadata.labels`,
          goStringMap(labels),
          '`selector` does not match template `labels`',
        ),
      ];
}

/** ValidatePodTemplateSpecForReplicaSet (Deployment, ReplicaSet, RC): pod template valid, restartPolicy Always */
export function validateReplicaSetTemplate(
  template: PodTemplateSpec | undefined,
  kindName: string,
  path: string,
): FieldError[] {
  if (!template) return [fieldError.required(path, '')];
  const errs = validatePodTemplateSpec(template, path);
  const restart = template.spec?.restartPolicy ?? '';
  if (restart !== 'Always')
    errs.push(fieldError.notSupported(`${path}.spec.restartPolicy`, restart, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(
      fieldError.forbidden(
        `${path}.spec.activeDeadlineSeconds`,
        `activeDeadlineSeconds in ${kindName} is not Supported`,
      ),
    );
  }
  return errs;
}

function percentValue(v: IntOrString | undefined): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length) return undefined;
  return Number(v.slice(0, -1));
}

/** getIntOrPercentValue */
export function intOrPercentValue(v: IntOrString | undefined): number {
  const pct = percentValue(v);
  if (pct !== undefined) return pct;
  return typeof v === 'number' ? v : Number.parseInt(v ?? '0', 10) || 0;
}

/** ValidatePositiveIntOrPercent */
export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string')
    return isValidPercent(v).map((msg) => fieldError.invalid(path, goIntOrString(v), msg));
  return validateNonnegative(v, path);
}

/** IsNotMoreThan100Percent */
export function validateNotMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  const pct = percentValue(v);
  return pct !== undefined && pct > 100
    ? [fieldError.invalid(path, goIntOrString(v), 'must not be greater than 100%')]
    : [];
}

/** apps/v1 strategies: spec.selector may not change once created */
export function validateSelectorImmutable(
  next: LabelSelector | undefined,
  old: LabelSelector | undefined,
): FieldError[] {
  // the Go rendering of the selector is built only for the error (every status write passes the same selector)
  if (next === old || deepEqual(next ?? null, old ?? null)) return [];
  return validateImmutable(next ?? null, old ?? null, 'spec.selector', next ? goLabelSelector(next) : null);
}
