// Event columns: LAST SEEN TYPE REASON OBJECT MESSAGE [SUBOBJECT SOURCE FIRST SEEN COUNT NAME].
// mirrors pkg/printers/internalversion/printers.go printEvent / formatEventSource.
import type { Event } from 'kubernetes-types/core/v1';
import type { KindPrinter } from './types';
import { timestampMs, translateTimestampSince } from '../age';

/** mirrors formatEventSource: `component, host` (falling back to reportingController/Instance) */
export function formatEventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance.length === 0 ? component : `${component}, ${instance}`;
}

/** `kind/name` of the involved object, lower-case kind */
export function eventTarget(ev: Event): string {
  const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
  return ev.involvedObject?.name ? `${kind}/${ev.involvedObject.name}` : kind;
}

/** virtual ms of the last time an event was seen (series, lastTimestamp, firstTimestamp, eventTime) */
export function eventLastSeenMs(ev: Event): number | undefined {
  return (
    timestampMs(ev.series?.lastObservedTime) ??
    timestampMs(ev.lastTimestamp) ??
    timestampMs(ev.firstTimestamp) ??
    timestampMs(ev.eventTime)
  );
}

export function eventCount(ev: Event): number {
  if (ev.series) return ev.series.count ?? 0;
  return ev.count && ev.count > 0 ? ev.count : 1;
}

export const eventPrinter: KindPrinter = {
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', priority: 1 },
    { name: 'Source', priority: 1 },
    { name: 'Message' },
    { name: 'First Seen', priority: 1 },
    { name: 'Count', priority: 1 },
    { name: 'Name', priority: 1, format: 'name' },
  ],
  row(obj, { nowMs }) {
    const ev = obj as unknown as Event;
    const first = ev.firstTimestamp
      ? translateTimestampSince(ev.firstTimestamp, nowMs)
      : translateTimestampSince(ev.eventTime, nowMs);
    let last = ev.lastTimestamp ? translateTimestampSince(ev.lastTimestamp, nowMs) : first;
    if (ev.series) last = translateTimestampSince(ev.series.lastObservedTime, nowMs);
    return [
      last,
      ev.type ?? '',
      ev.reason ?? '',
      eventTarget(ev),
      ev.involvedObject?.fieldPath ?? '',
      formatEventSource(ev),
      (ev.message ?? '').trim(),
      first,
      String(eventCount(ev)),
      obj.metadata.name ?? '',
    ];
  },
};
