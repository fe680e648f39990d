// Virtual clock: milliseconds since the simulation epoch (2025-01-01T00:00:00Z), printed like metav1.Time.
// Calendar arithmetic is done by hand (Howard Hinnant's civil-from-days) because the engine may not use Date.
import type { Clock } from './types';

const MS_PER_DAY = 86_400_000;
/** days from 1970-01-01 to the simulation epoch 2025-01-01 */
export const EPOCH_UNIX_DAYS = 20_089;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** proleptic Gregorian date of a day count since 1970-01-01 */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** day count since 1970-01-01 of a proleptic Gregorian date */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Printed seconds: creates and updates print the current second many times in a row (the last one is checked
 * first), and pod statuses re-print the same few earlier seconds (the bounded map).
 */
let lastSecond = Number.NaN;
let lastText = '';
const bySecond = new Map<number, string>();
const BY_SECOND_MAX = 4096;

/** RFC 3339, second precision, UTC: metav1.Time's wire format (time.RFC3339 truncated to seconds) */
export function toRfc3339(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds === lastSecond) return lastText;
  let text = bySecond.get(totalSeconds);
  if (text === undefined) {
    if (bySecond.size >= BY_SECOND_MAX) bySecond.clear();
    text = formatSecond(totalSeconds);
    bySecond.set(totalSeconds, text);
  }
  lastSecond = totalSeconds;
  lastText = text;
  return text;
}

/** toRfc3339 without the memo (tests compare the two) */
export function formatSecond(totalSeconds: number): string {
  const dayIndex = Math.floor(totalSeconds / 86_400);
  const secOfDay = totalSeconds - dayIndex * 86_400;
  const { year, month, day } = civilFromDays(EPOCH_UNIX_DAYS + dayIndex);
  const hh = Math.floor(secOfDay / 3600);
  const mm = Math.floor((secOfDay % 3600) / 60);
  const ss = secOfDay % 60;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}Z`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/** parsed timestamps: controllers re-read the same few (second-precision) times for every pod on every sync */
const parsedCache = new Map<string, number>();
const PARSED_CACHE_MAX = 4096;

/** parse an RFC 3339 timestamp into virtual ms since the simulation epoch; throws RangeError when malformed */
export function fromRfc3339(ts: string): number {
  const hit = parsedCache.get(ts);
  if (hit !== undefined) return hit;
  const ms = parseRfc3339(ts);
  if (parsedCache.size >= PARSED_CACHE_MAX) parsedCache.clear();
  parsedCache.set(ts, ms);
  return ms;
}

function parseRfc3339(ts: string): number {
  const m = RFC3339.exec(ts);
  if (!m) throw new RangeError(`invalid RFC 3339 timestamp: "${ts}"`);
  const [year, month, day, hh, mi, ss] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > monthDays || hh > 23 || mi > 59 || ss > 60) {
    throw new RangeError(`invalid RFC 3339 timestamp: "${ts}"`);
  }
  const fraction = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const zone = m[8] as string;
  let offsetMin = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMin = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  const days = daysFromCivil(year, month, day) - EPOCH_UNIX_DAYS;
  return days * MS_PER_DAY + ((hh * 60 + mi - offsetMin) * 60 + ss) * 1000 + fraction;
}

/** the simulation's clock; only the Simulation moves it forward */
export class VirtualClock implements Clock {
  private now = 0;

  nowMs(): number {
    return this.now;
  }

  nowRfc3339(): string {
    return toRfc3339(this.now);
  }

  toRfc3339(ms: number): string {
    return toRfc3339(ms);
  }

  fromRfc3339(ts: string): number {
    return fromRfc3339(ts);
  }

  /** move time forward (never backward) */
  setNowMs(ms: number): void {
    if (ms > this.now) this.now = ms;
  }
}
