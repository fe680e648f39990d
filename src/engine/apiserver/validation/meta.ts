// ObjectMeta, labels, annotations, label selectors and small numeric rules shared by every kind.
// mirrors apimachinery/pkg/api/validation/objectmeta.go and apimachinery/pkg/apis/meta/v1/validation.
import { fieldError, type FieldError } from '../fieldErrors';
import type { ObjectMeta } from '../../types/object';
import { deepEqual } from '../objectUtil';
import {
  isDNS1123Label,
  isQualifiedName,
  isValidLabelValue,
  labelValues,
  nameIsDNSLabel,
  qualifiedNames,
  type NameValidator,
} from './names';
import type { LabelSelectorShape } from './goFormat';

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** ValidateNonnegativeField */
export function validateNonnegative(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [fieldError.invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** ValidateImmutableField: `field is immutable`; `shown` is the value as Go prints it */
export function validateImmutable(
  next: unknown,
  old: unknown,
  path: string,
  shown: unknown = next,
): FieldError[] {
  return deepEqual(next, old) ? [] : [fieldError.invalid(path, shown, 'field is immutable')];
}

/** ValidateLabelName */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => fieldError.invalid(path, name, msg));
}

/** whether every key and value of the map is a string already known to be valid (then it has no errors) */
function labelsKnownValid(labels: Record<string, string>): boolean {
  for (const k of Object.keys(labels)) {
    const v: unknown = labels[k];
    if (typeof v !== 'string' || !qualifiedNames.known(k) || !labelValues.known(v)) return false;
  }
  return true;
}

/** ValidateLabels: errors name the map's path, not the key (keys visited in sorted order) */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  if (labels === undefined || labels === null || labelsKnownValid(labels)) return [];
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    errs.push(...validateLabelName(k, path));
    const v = String(labels?.[k] ?? '');
    for (const msg of isValidLabelValue(v)) errs.push(fieldError.invalid(path, v, msg));
  }
  return errs;
}

/** ValidateAnnotations: qualified keys (lower-cased), total size <= 256Ki */
export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of Object.keys(annotations ?? {}).sort()) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(fieldError.invalid(path, k, msg));
    total += k.length + String(annotations?.[k] ?? '').length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B)
    errs.push(fieldError.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/** ValidateLabelSelectorRequirement + ValidateLabelSelector (strict label values) */
export function validateLabelSelector(
  sel: LabelSelectorShape | undefined | null,
  path: string,
): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels ?? undefined, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = r.values ?? [];
    if (r.operator === 'In' || r.operator === 'NotIn') {
      if (values.length === 0)
        errs.push(fieldError.required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (r.operator === 'Exists' || r.operator === 'DoesNotExist') {
      if (values.length > 0) {
        errs.push(
          fieldError.forbidden(
            `${p}.values`,
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
    } else {
      errs.push(fieldError.invalid(`${p}.operator`, r.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(r.key ?? '', `${p}.key`));
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(v)) errs.push(fieldError.invalid(`${p}.values[${j}]`, v, msg));
    });
  });
  return errs;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** ValidateFinalizers: qualified names; unqualified ones must be standard; no orphan+foreground together */
export function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) {
    const msgs = isQualifiedName(f);
    for (const msg of msgs) errs.push(fieldError.invalid(path, f, msg));
    if (msgs.length === 0 && !f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(
        fieldError.invalid(path, f, 'name is neither a standard finalizer name nor is it fully qualified'),
      );
    }
  }
  const set = new Set(finalizers ?? []);
  if (set.has('orphan') && set.has('foregroundDeletion')) {
    errs.push(
      fieldError.invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'),
    );
  }
  return errs;
}

/** ValidateObjectMeta */
export function validateObjectMeta(
  meta: ObjectMeta,
  namespaced: boolean,
  nameFn: NameValidator,
  path = 'metadata',
): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of nameFn(meta.generateName, true))
      errs.push(fieldError.invalid(`${path}.generateName`, meta.generateName, msg));
  }
  if (!meta.name) errs.push(fieldError.required(`${path}.name`, 'name or generateName is required'));
  else
    for (const msg of nameFn(meta.name, false)) errs.push(fieldError.invalid(`${path}.name`, meta.name, msg));
  if (namespaced) {
    if (!meta.namespace) errs.push(fieldError.required(`${path}.namespace`, ''));
    else
      for (const msg of nameIsDNSLabel(meta.namespace, false))
        errs.push(fieldError.invalid(`${path}.namespace`, meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(fieldError.forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  // absent fields have nothing to report: their paths are built only for what is there
  if (meta.generation !== undefined && meta.generation < 0)
    errs.push(...validateNonnegative(meta.generation, `${path}.generation`));
  if (meta.labels != null) errs.push(...validateLabels(meta.labels, `${path}.labels`));
  if (meta.annotations != null) errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  if (meta.finalizers != null) errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}

/** ValidateObjectMetaUpdate (the fields the API server has not already copied from the old object) */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const before = new Set(old.finalizers ?? []);
    for (const f of meta.finalizers ?? []) {
      if (!before.has(f))
        errs.push(
          fieldError.forbidden(
            `${path}.finalizers`,
            `no new finalizers can be added if the object is being deleted, found new finalizers []string{${JSON.stringify(f)}}`,
          ),
        );
    }
  }
  if ((meta.generation ?? 0) < (old.generation ?? 0)) {
    errs.push(fieldError.invalid(`${path}.generation`, meta.generation ?? 0, 'must not be decremented'));
  }
  errs.push(...validateImmutable(meta.name ?? '', old.name ?? '', `${path}.name`));
  errs.push(...validateImmutable(meta.namespace ?? '', old.namespace ?? '', `${path}.namespace`));
  if (meta.uid && old.uid) errs.push(...validateImmutable(meta.uid, old.uid, `${path}.uid`));
  // a map or list carried over from the stored object (the same frozen value) passed these checks when it was
  // written, so rechecking it cannot find anything: /status writes keep the old metadata's subtrees
  if (meta.labels !== old.labels) errs.push(...validateLabels(meta.labels, `${path}.labels`));
  if (meta.annotations !== old.annotations)
    errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  if (meta.finalizers !== old.finalizers)
    errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}

/** ValidateDNS1123Label as a field check */
export function validateDNS1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((msg) => fieldError.invalid(path, value, msg));
}
