// The `kubectl events` table: LAST SEEN TYPE REASON OBJECT MESSAGE (NAMESPACE first with -A), oldest first.
// mirrors kubectl/pkg/cmd/events/event_printer.go (getInterval, printOneEvent) and events.go SortableEvents.
import type { Event } from 'kubernetes-types/core/v1';
import { timestampMs, translateTimestampSince } from './age';
import { alignColumns } from './tabwriter';

/** `5m (x3 over 10m)` for repeats, else the first-seen age */
export function eventInterval(e: Event, nowMs: number): string {
  const first = e.eventTime
    ? translateTimestampSince(e.eventTime, nowMs)
    : translateTimestampSince(e.firstTimestamp, nowMs);
  if (e.series)
    return `${translateTimestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1)
    return `${translateTimestampSince(e.lastTimestamp, nowMs)} (x${e.count ?? 0} over ${first})`;
  return first;
}

/** events.go eventTime: series last observation, else lastTimestamp, else eventTime */
const sortTime = (e: Event): number =>
  timestampMs(e.series?.lastObservedTime) ??
  timestampMs(e.lastTimestamp) ??
  timestampMs(e.eventTime) ??
  Number.NEGATIVE_INFINITY;

export function printEventsTable(
  events: readonly Event[],
  nowMs: number,
  opts: { allNamespaces: boolean; noHeaders: boolean },
): string {
  const sorted = events
    .map((e, i) => ({ e, i, t: sortTime(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
  const rows: string[][] = [];
  if (!opts.noHeaders)
    rows.push([
      ...(opts.allNamespaces ? ['NAMESPACE'] : []),
      'LAST SEEN',
      'TYPE',
      'REASON',
      'OBJECT',
      'MESSAGE',
    ]);
  for (const e of sorted) {
    rows.push([
      ...(opts.allNamespaces ? [e.metadata?.namespace ?? ''] : []),
      eventInterval(e, nowMs),
      e.type ?? '',
      e.reason ?? '',
      `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`,
      (e.message ?? '').trim(),
    ]);
  }
  return rows.length === 0 ? '' : alignColumns(rows);
}
