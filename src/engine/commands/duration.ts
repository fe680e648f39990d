// Go duration strings (`30s`, `5m`, `1h30m`, `500ms`, `1.5h`) as kubectl flags take them, in virtual ms.
// mirrors Go's time.ParseDuration (src/time/format.go): same grammar, same error texts.

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3, // U+00B5 micro sign
  μs: 1e-3, // U+03BC Greek mu
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** math.MaxInt64 nanoseconds (about 292 years), as a float */
const MAX_INT64_NS = 9.223372036854776e18;

export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

const quote = (s: string): string => JSON.stringify(s);

/**
 * Parse a Go duration string to milliseconds (may be fractional for ns/us units).
 * Throws DurationError with Go's message, e.g. `time: invalid duration "abc"`.
 */
export function parseDuration(s: string): number {
  const orig = s;
  const invalid = () => new DurationError(`time: invalid duration ${quote(orig)}`);
  let i = 0;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    i = 1;
  }
  // special case: a bare "0" (with optional sign) needs no unit
  if (s.slice(i) === '0') return 0;
  if (i >= s.length) throw invalid();
  let total = 0;
  while (i < s.length) {
    const c = s[i] as string;
    // the next character must be [0-9.]
    if (!(c === '.' || (c >= '0' && c <= '9'))) throw invalid();
    const numStart = i;
    while (i < s.length && (s[i] as string) >= '0' && (s[i] as string) <= '9') i++;
    const intDigits = i - numStart;
    let fracDigits = 0;
    if (s[i] === '.') {
      i++;
      const fracStart = i;
      while (i < s.length && (s[i] as string) >= '0' && (s[i] as string) <= '9') i++;
      fracDigits = i - fracStart;
    }
    // no digits at all (e.g. ".s")
    if (intDigits === 0 && fracDigits === 0) throw invalid();
    const value = Number(s.slice(numStart, i) === '.' ? 'NaN' : s.slice(numStart, i));
    const unitStart = i;
    while (i < s.length && s[i] !== '.' && !((s[i] as string) >= '0' && (s[i] as string) <= '9')) i++;
    if (unitStart === i) throw new DurationError(`time: missing unit in duration ${quote(orig)}`);
    const unit = s.slice(unitStart, i);
    const scale = UNIT_MS[unit];
    if (scale === undefined) {
      throw new DurationError(`time: unknown unit ${quote(unit)} in duration ${quote(orig)}`);
    }
    total += value * scale;
    // Go rejects durations beyond int64 nanoseconds (~292 years)
    if (total * 1e6 > MAX_INT64_NS) throw invalid();
  }
  return sign * total;
}

/** A duration as Go's Duration.String() prints it: `1m30s`, `500ms`, `0s`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  let out = '';
  if (rest < 1000) {
    out = `${+rest.toFixed(6)}ms`;
  } else {
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const sec = +(rest / 1000).toFixed(9);
    if (h > 0) out += `${h}h`;
    if (h > 0 || m > 0) out += `${m}m`;
    out += `${sec}s`;
  }
  return neg ? `-${out}` : out;
}
