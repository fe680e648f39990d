// ResourceList defaulting: every quantity rounded up to milli precision and stored in canonical form.
// mirrors pkg/apis/core/v1/defaults.go SetDefaults_ResourceList (Quantity.RoundUp(-3)) and Quantity's JSON encoding.
import { tryParseQuantity } from '../../quantity';

export type ResourceList = Record<string, unknown>;

/** rewrite each parseable value as its canonical string ('1000m' -> '1', 1 -> '1', '100u' -> '1m') */
export function defaultResourceList(list: ResourceList | undefined): void {
  if (!list) return;
  for (const [name, raw] of Object.entries(list)) {
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const canonical = canonicalMilli(String(raw));
    // an unparseable value is left for validation to report
    if (canonical !== undefined) list[name] = canonical;
  }
}

/** memoised canonical milli-rounded form of a quantity string (undefined when unparseable) */
const canonicalCache = new Map<string, string | null>();

function canonicalMilli(raw: string): string | undefined {
  const hit = canonicalCache.get(raw);
  if (hit !== undefined) return hit ?? undefined;
  const q = tryParseQuantity(raw);
  const out = q ? q.roundUp(-3).toString() : null;
  if (canonicalCache.size >= 4096) canonicalCache.clear();
  canonicalCache.set(raw, out);
  return out ?? undefined;
}
