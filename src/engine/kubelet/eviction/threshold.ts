// Parsing of the kubelet's memory eviction threshold (--eviction-hard memory.available<100Mi or <10%).
// mirrors pkg/kubelet/eviction/helpers.go parseThresholdStatement and api.GetThresholdQuantity.
import { parseQuantity, Quantity } from '../../quantity/index';

export interface MemoryThreshold {
  /** as given, e.g. '100Mi' or '10%' */
  text: string;
  /** the threshold quantity the eviction message prints (a percentage resolved against capacity, BinarySI) */
  quantity(capacityBytes: number): string;
  /** threshold in bytes for a node of the given capacity */
  bytes(capacityBytes: number): number;
}

export function parseMemoryThreshold(statement: string): MemoryThreshold {
  const m = /^memory\.available<(.+)$/.exec(statement.trim());
  if (!m) throw new Error(`unsupported eviction signal ${statement.split('<')[0] ?? statement}`);
  const v = m[1] as string;
  if (v.endsWith('%')) {
    const pct = Number(v.slice(0, -1));
    if (!Number.isFinite(pct) || pct < 0 || pct > 100)
      throw new Error(`eviction percentage threshold memory.available must be >= 0% and <= 100%: ${v}`);
    const bytes = (cap: number) => Math.trunc((cap * pct) / 100);
    return { text: v, bytes, quantity: (cap) => Quantity.fromValue(bytes(cap), 'BinarySI').toString() };
  }
  const q = parseQuantity(v);
  if (q.sign() < 0) throw new Error(`eviction threshold memory.available must be positive: ${v}`);
  return { text: q.toString(), bytes: () => q.value(), quantity: () => q.toString() };
}
