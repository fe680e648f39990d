// Container resource requirements: valid names, non-negative quantities, requests <= limits.
// mirrors pkg/apis/core/validation/validation.go ValidateContainerResourceRequirements / ValidateResourceQuantityValue.
import { fieldError, type FieldError } from '../fieldErrors';
import { tryParseQuantity, ERR_FORMAT_WRONG, type Quantity } from '../../quantity';
import { IS_NEGATIVE_ERROR_MSG } from './meta';
import { isQualifiedName } from './names';

type ResourceList = Record<string, string | number>;

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isStandardContainerResource(name: string): boolean {
  return STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-');
}

/** extended resources (domain-prefixed, outside kubernetes.io) must be whole numbers */
function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.startsWith('kubernetes.io/') && !name.startsWith('requests.');
}

/** validateContainerResourceName */
function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => fieldError.invalid(path, name, msg));
  if (errs.length) return errs;
  if (!name.includes('/')) {
    if (!isStandardContainerResource(name))
      return [fieldError.invalid(path, name, 'must be a standard resource for containers')];
  }
  return [];
}

/** parse a ResourceList value; a bad string is what decoding would reject */
export function quantityAt(value: string | number, path: string, errs: FieldError[]): Quantity | undefined {
  const q = tryParseQuantity(String(value));
  if (!q) errs.push(fieldError.invalid(path, String(value), ERR_FORMAT_WRONG));
  return q;
}

/** ValidateResourceQuantityValue: non-negative, integer for extended resources */
function validateQuantityValue(name: string, q: Quantity, path: string): FieldError[] {
  if (q.sign() < 0) return [fieldError.invalid(path, q.toString(), IS_NEGATIVE_ERROR_MSG)];
  if (isExtendedResource(name) && q.milliValue() % 1000 !== 0)
    return [fieldError.invalid(path, q.toString(), 'must be an integer')];
  return [];
}

/** ValidateContainerResourceRequirements */
export function validateResourceRequirements(
  resources: { limits?: ResourceList; requests?: ResourceList } | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const limits = new Map<string, Quantity>();
  for (const [name, raw] of Object.entries(resources?.limits ?? {})) {
    const p = `${path}.limits[${name}]`;
    errs.push(...validateResourceName(name, p));
    const q = quantityAt(raw, p, errs);
    if (!q) continue;
    errs.push(...validateQuantityValue(name, q, p));
    limits.set(name, q);
  }
  for (const [name, raw] of Object.entries(resources?.requests ?? {})) {
    const p = `${path}.requests[${name}]`;
    errs.push(...validateResourceName(name, p));
    const q = quantityAt(raw, p, errs);
    if (!q) continue;
    errs.push(...validateQuantityValue(name, q, p));
    const limit = limits.get(name);
    if (limit && q.cmp(limit) > 0) {
      errs.push(
        fieldError.invalid(
          `${path}.requests`,
          q.toString(),
          `must be less than or equal to ${name} limit of ${limit.toString()}`,
        ),
      );
    }
  }
  return errs;
}
