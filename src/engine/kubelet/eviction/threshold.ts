// Parsing of the kubelet's memory eviction threshold (--eviction-hard memory.available<100Mi or <10%).
// mirrors pkg/kubelet/eviction/helpers.go parseThresholdStatement and api.GetThresholdQuantity.
import { parseQuantity } from '../../quantity/index';

export interface MemoryThreshold {
  /** as the eviction message prints the threshold quantity */
  text: string;
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
    return {
      text: v,
      bytes: (cap) => Math.trunc((cap * pct) / 100),
    };
  }
  const q = parseQuantity(v);
  if (q.sign() < 0) throw new Error(`eviction threshold memory.available must be positive: ${v}`);
  return { text: q.toString(), bytes: () => q.value() };
}
