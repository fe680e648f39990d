// Fast cached numeric views of quantity strings for hot paths (scheduler fit checks at 150k pods).
// A bounded Map memoises parse results; the few distinct strings a cluster uses ('100m', '128Mi') hit every time.
import { parseQuantity, type Quantity } from './quantity';

const MAX_ENTRIES = 4096;
const cache = new Map<string, Quantity>();

/** A quantity as it may appear in an object: a string, or a bare number from YAML/JSON. */
export type QuantityInput = string | number;

function key(input: QuantityInput): string {
  return typeof input === 'number' ? String(input) : input;
}

/** parse with memoisation; throws QuantityParseError on bad input */
export function cachedQuantity(input: QuantityInput): Quantity {
  const k = key(input);
  let q = cache.get(k);
  if (q === undefined) {
    q = parseQuantity(k);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(k, q);
  }
  return q;
}

/** like cachedQuantity, but undefined for a malformed quantity instead of throwing */
export function tryCachedQuantity(input: QuantityInput): Quantity | undefined {
  try {
    return cachedQuantity(input);
  } catch {
    return undefined;
  }
}

/** Quantity.MilliValue() of a quantity string; undefined/absent counts as 0 */
export function milliValue(input: QuantityInput | undefined): number {
  return input === undefined ? 0 : cachedQuantity(input).milliValue();
}

/** Quantity.Value() of a quantity string; undefined/absent counts as 0 */
export function value(input: QuantityInput | undefined): number {
  return input === undefined ? 0 : cachedQuantity(input).value();
}

/** canonical form of a quantity string ('1000m' -> '1') */
export function canonicalQuantity(input: QuantityInput): string {
  return cachedQuantity(input).toString();
}
