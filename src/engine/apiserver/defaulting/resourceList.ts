// ResourceList defaulting: every quantity rounded up to milli precision and stored in canonical form.
// mirrors pkg/apis/core/v1/defaults.go SetDefaults_ResourceList (Quantity.RoundUp(-3)) and Quantity's JSON encoding.
import { tryParseQuantity } from '../../quantity';

export type ResourceList = Record<string, unknown>;

/** rewrite each parseable value as its canonical string ('1000m' -> '1', 1 -> '1', '100u' -> '1m') */
export function defaultResourceList(list: ResourceList | undefined): void {
  if (!list) return;
  for (const [name, raw] of Object.entries(list)) {
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const q = tryParseQuantity(String(raw));
    // an unparseable value is left for validation to report
    if (q) list[name] = q.roundUp(-3).toString();
  }
}
