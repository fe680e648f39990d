// Spec validation remembered by identity: a status write keeps the stored spec object, which is deep-frozen and so can
// never change; a spec that passed a kind's check once passes it again, so the check is skipped for it.
import type { KubeObject } from '../../types/object';
import type { FieldError } from '../fieldErrors';
import { isDeeplyFrozen } from '../../store/deepFreeze';

export type SpecValidator = (obj: KubeObject) => FieldError[];

/**
 * wraps a validator that reads nothing but obj.spec: frozen specs it found valid are remembered (weakly, so they go
 * with the objects); unfrozen specs (decoded request bodies) and invalid ones are always checked
 */
export function memoValidSpecs(validator: SpecValidator): SpecValidator {
  const valid = new WeakSet<object>();
  return (obj) => {
    const spec: unknown = obj.spec;
    if (typeof spec !== 'object' || spec === null || !isDeeplyFrozen(spec)) return validator(obj);
    if (valid.has(spec)) return [];
    const errs = validator(obj);
    if (errs.length === 0) valid.add(spec);
    return errs;
  };
}
