// Pod create and update validation: on update only images, activeDeadlineSeconds, added tolerations may change.
// mirrors pkg/apis/core/validation/validation.go ValidatePodCreate / ValidatePodUpdate / validateOnlyAddedTolerations.
import { cloneJson } from '../../types/json';
import type { PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { fieldError, type FieldError } from '../fieldErrors';
import { deepEqual } from '../objectUtil';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { inclusiveRangeError, nameIsDNSSubdomain } from './names';
import { validatePodSpec } from './podSpec';
import { validateTolerations } from './scheduling';

const MAX_INT32 = 2147483647;

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const specOf = (o: KubeObject): PodSpec => (o.spec ?? {}) as PodSpec;

export function validatePod(pod: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain),
    ...validatePodSpec(specOf(pod), 'spec'),
  ];
}

/** validateOnlyAddedTolerations: every old toleration must survive (tolerationSeconds may change) */
function validateOnlyAddedTolerations(next: Toleration[], old: Toleration[], path: string): FieldError[] {
  for (const o of old) {
    const found = next.some((n) => deepEqual({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found)
      return [
        fieldError.forbidden(path, 'existing toleration can not be modified except its tolerationSeconds'),
      ];
  }
  return validateTolerations(next, path);
}

function validateActiveDeadlineUpdate(next: number | undefined, old: number | undefined): FieldError[] {
  const p = 'spec.activeDeadlineSeconds';
  if (next !== undefined) {
    if (next < 0 || next > MAX_INT32) return [fieldError.invalid(p, next, inclusiveRangeError(0, MAX_INT32))];
    if (old !== undefined && old < next)
      return [fieldError.invalid(p, next, 'must be less than or equal to previous value')];
  } else if (old !== undefined) {
    return [fieldError.invalid(p, null, 'must not update from a positive integer to nil value')];
  }
  return [];
}

/** a compact stand-in for the cmp.Diff Kubernetes appends: one -/+ pair per changed PodSpec field */
function specDiff(old: PodSpec, next: PodSpec): string {
  const o = old as unknown as Record<string, unknown>;
  const n = next as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])].sort();
  const lines = ['  core.PodSpec{'];
  for (const k of keys) {
    if (deepEqual(o[k], n[k])) continue;
    const goName = k.charAt(0).toUpperCase() + k.slice(1);
    if (o[k] !== undefined) lines.push(`- \t${goName}: ${JSON.stringify(o[k])},`);
    if (n[k] !== undefined) lines.push(`+ \t${goName}: ${JSON.stringify(n[k])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}

/** podStatusStrategy.ValidateUpdate (pkg/registry/core/pod/strategy.go): the spec is the old one, so only the
 * metadata update is checked; spec validation would re-check what the last spec write already validated */
export function validatePodStatusUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  return validateObjectMetaUpdate(pod.metadata, old.metadata);
}

/** ValidatePodUpdate */
export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodSpec(specOf(pod), 'spec'));
  const next = specOf(pod);
  const prev = specOf(old);
  const deadlineErrs = validateActiveDeadlineUpdate(next.activeDeadlineSeconds, prev.activeDeadlineSeconds);
  if (deadlineErrs.length) return [...errs, ...deadlineErrs];
  errs.push(
    ...validateOnlyAddedTolerations(next.tolerations ?? [], prev.tolerations ?? [], 'spec.tolerations'),
  );
  // munge the allowed changes back to their old values, then demand equality
  const munged: PodSpec = cloneJson(next);
  munged.containers?.forEach((c, i) => {
    const oc = prev.containers?.[i];
    if (oc) c.image = oc.image;
  });
  munged.initContainers?.forEach((c, i) => {
    const oc = prev.initContainers?.[i];
    if (oc) c.image = oc.image;
  });
  munged.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  munged.tolerations = prev.tolerations;
  const oldGrace = prev.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace < 0 && next.terminationGracePeriodSeconds === 1)
    munged.terminationGracePeriodSeconds = oldGrace;
  if (!deepEqual(munged, prev))
    errs.push(fieldError.forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(prev, munged)}`));
  return errs;
}
