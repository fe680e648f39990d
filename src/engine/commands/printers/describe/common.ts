// Pieces every describer shares (describe.go): RFC1123Z times, label/annotation/taint/toleration blocks, and the
// Events table with `5m (x3 over 10m)` intervals.
import type { Event, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { DescribeWriter } from './writer';
import { civilFromDays, EPOCH_UNIX_DAYS } from '../../../sim/clock';
import { timestampMs } from '../age';
import { eventInterval } from '../eventsTable';
import { eventLastSeenMs } from '../columns/events';

const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z in UTC: `Wed, 01 Jan 2025 00:00:05 +0000`; the zero time when unset */
export function rfc1123z(ts: string | undefined | null): string {
  const ms = timestampMs(ts);
  if (ms === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const totalSeconds = Math.floor(ms / 1000);
  const dayIndex = Math.floor(totalSeconds / 86_400);
  const sec = totalSeconds - dayIndex * 86_400;
  const unixDays = EPOCH_UNIX_DAYS + dayIndex;
  const { year, month, day } = civilFromDays(unixDays);
  const dow = DAYS[((unixDays % 7) + 7) % 7] as string;
  const hms = `${pad2(Math.floor(sec / 3600))}:${pad2(Math.floor((sec % 3600) / 60))}:${pad2(sec % 60)}`;
  return `${dow}, ${pad2(day)} ${MONTHS[month - 1] as string} ${year} ${hms} +0000`;
}

/** mirrors printLabelsMultilineWithIndent */
export function printLabelsMultiline(
  w: DescribeWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined | null,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${(labels as Record<string, string>)[k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** mirrors printAnnotationsMultiline (skips last-applied-configuration, wraps long values) */
export function printAnnotationsMultiline(
  w: DescribeWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = ((annotations as Record<string, string>)[k] as string).replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
        w.write(0, `\t  ${short}\n`);
      }
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/** mirrors printTaintsMultilineWithIndent */
export function printTaintsMultiline(
  w: DescribeWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(0, `${title}:\t`);
  const list = taints ?? [];
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const cmpKey = (t: Taint) => `${t.effect},${t.key}`;
  const sorted = [...list].sort((a, b) => (cmpKey(a) < cmpKey(b) ? -1 : cmpKey(a) > cmpKey(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
}

/** mirrors printTolerationsMultilineWithIndent */
export function printTolerationsMultiline(
  w: DescribeWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** mirrors DescribeEvents: sorted oldest first (event.SortableEvents by lastTimestamp) */
export function describeEvents(w: DescribeWriter, events: readonly Event[] | undefined, nowMs: number): void {
  if (events === undefined) return;
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => (eventLastSeenMs(a) ?? 0) - (eventLastSeenMs(b) ?? 0));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const interval = eventInterval(e, nowMs);
    const source = e.source?.component || e.reportingComponent || '';
    let message = (e.message ?? '').trim();
    if (e.involvedObject?.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}

export const printBool = (b: boolean | undefined): string => (b ? 'True' : 'False');
export const stringOrNone = (s: string | undefined): string => (s ? s : '<none>');
