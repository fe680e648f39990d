// Ages as kubectl prints them: mirrors k8s.io/apimachinery/pkg/util/duration HumanDuration / ShortHumanDuration
// and pkg/printers/internalversion translateTimestampSince (`<unknown>` for a missing timestamp).
import { fromRfc3339 } from '../../sim/clock';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's int(d.Seconds()) etc.: truncation toward zero */
const trunc = (n: number): number => Math.trunc(n);

/** mirrors duration.ShortHumanDuration */
export function shortHumanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`;
  return `${trunc(ms / HOUR / 24 / 365)}y`;
}

/** mirrors duration.HumanDuration: ~2-3 significant figures */
export function humanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365;
    const y = trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${trunc(hours / 24 / 365)}y`;
}

// many objects share a creation second; a bounded cache keeps large listings cheap
const parsed = new Map<string, number | undefined>();
const CACHE_LIMIT = 10_000;

/** virtual ms of an RFC 3339 timestamp, or undefined when absent or malformed */
export function timestampMs(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  if (parsed.has(ts)) return parsed.get(ts);
  let ms: number | undefined;
  try {
    ms = fromRfc3339(ts);
  } catch {
    ms = undefined;
  }
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(ts, ms);
  return ms;
}

/** mirrors printers.go translateTimestampSince: `<unknown>` when unset */
export function translateTimestampSince(ts: string | undefined | null, nowMs: number): string {
  const t = timestampMs(ts);
  if (t === undefined) return '<unknown>';
  return humanDuration(nowMs - t);
}
