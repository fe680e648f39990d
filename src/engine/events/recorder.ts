// core/v1 Event recorder mirroring client-go tools/record (event.go makeEvent, events_cache.go EventCorrelator):
// spam filter, aggregation of similar events, and dedupe of identical ones into count/lastTimestamp.
import type { KubeObject } from '../types/object';
import type { ApiServer, RequestContext } from '../apiserver/types';
import { StatusError } from '../apiserver/types';
import type { Simulation } from '../sim/types';
import type { EventRecorder, EventSource, EventType } from './types';
import { EventNamer } from './eventName';
import { toRfc3339 } from '../sim/clock';
import { Lru } from './lru';
import { CorrelatorKeys } from './correlatorKeys';
import { MessageSet } from './messageSet';

/** events_cache.go defaults */
const MAX_LRU_CACHE_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
const COMBINED_PREFIX = '(combined from similar events): ';

interface ObjectReference {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
}

/** reference.GetReference: what involvedObject records */
function referenceOf(obj: Readonly<KubeObject>): ObjectReference {
  const ref: ObjectReference = { kind: obj.kind, name: obj.metadata.name ?? '' };
  // ObjectReference's fields are omitempty: the kubelet's node reference has no apiVersion
  if (obj.apiVersion) ref.apiVersion = obj.apiVersion;
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata.uid) ref.uid = obj.metadata.uid;
  if (obj.metadata.resourceVersion) ref.resourceVersion = obj.metadata.resourceVersion;
  return ref;
}

/** events_cache.go eventLog: what the correlator remembers of the Event it last wrote for a key */
interface Observation {
  namespace: string;
  name: string;
  count: number;
  firstTimestamp: string;
}
interface AggregateRecord {
  messages: MessageSet;
  lastMs: number;
}
interface SpamBucket {
  tokens: number;
  lastMs: number;
}

/** cacheSize: the bound of each LRU (client-go's maxLruCacheEntries; smaller only in tests) */
export function createEventRecorder(
  api: ApiServer,
  sim: Simulation,
  cacheSize = MAX_LRU_CACHE_ENTRIES,
): EventRecorder {
  const observations = new Lru<Observation>(cacheSize);
  const aggregates = new Lru<AggregateRecord>(cacheSize);
  const spam = new Lru<SpamBucket>(cacheSize);
  const names = new EventNamer();
  const keys = new CorrelatorKeys();

  /** EventSourceObjectSpamFilter: a token bucket per (source, object, type) */
  function allowedBySpamFilter(key: string, nowMs: number): boolean {
    // get already made a cached bucket the most recently used: only a new one needs set
    let b = spam.get(key);
    if (b === undefined) spam.set(key, (b = { tokens: SPAM_BURST, lastMs: nowMs }));
    b.tokens = Math.min(SPAM_BURST, b.tokens + (nowMs - b.lastMs) / SPAM_REFILL_MS);
    b.lastMs = nowMs;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    return ok;
  }

  /** EventAggregate: after 10 different messages for one (source, object, type, reason) within 10 min, combine them */
  function aggregate(
    aggregateKey: string,
    message: string,
    nowMs: number,
  ): { message: string; combined: boolean } {
    let rec = aggregates.get(aggregateKey);
    if (!rec || nowMs - rec.lastMs > AGGREGATE_INTERVAL_MS) {
      rec = { messages: new MessageSet(), lastMs: nowMs };
      aggregates.set(aggregateKey, rec);
    }
    rec.messages.add(message);
    rec.lastMs = nowMs;
    if (rec.messages.size < AGGREGATE_MAX_EVENTS) return { message, combined: false };
    rec.messages.delete(message);
    return { message: COMBINED_PREFIX + message, combined: true };
  }

  function bump(obs: Observation, message: string, now: string, ctx: RequestContext): boolean {
    try {
      api.patch(
        'events',
        obs.namespace,
        obs.name,
        'merge',
        { count: obs.count + 1, lastTimestamp: now, message },
        ctx,
      );
      obs.count += 1;
      return true;
    } catch (e) {
      if (e instanceof StatusError && e.status.reason === 'NotFound') return false;
      throw e;
    }
  }

  function event(
    obj: Readonly<KubeObject>,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
  ): void {
    const ref = referenceOf(obj);
    const nowMs = sim.clock.nowMs();
    const now = toRfc3339(nowMs);
    const host = source.host ?? '';
    // getSpamKey / EventAggregatorByReasonFunc: the fields joined with no separator (fieldPath is always '')
    const spamKeys = keys.spamKeys(source.component, host, ref, type);
    if (!allowedBySpamFilter(spamKeys.spam, nowMs)) return;
    const aggregateKey = keys.aggregateKey(spamKeys, reason);
    const agg = aggregate(aggregateKey, message, nowMs);
    const key = agg.combined ? aggregateKey : aggregateKey + agg.message;
    const ctx: RequestContext = {
      actor: source.component,
      cause: `event ${type} ${reason} on ${ref.kind}/${ref.name}`,
      // the Event below is built for its create alone: the server may keep it rather than copy it
      handOff: true,
    };
    try {
      const seen = observations.get(key);
      if (seen && bump(seen, agg.message, now, ctx)) return;
      const namespace = ref.namespace || 'default';
      // eventObserve: a repeat keeps the first Event's name, firstTimestamp and count + 1, so when the patch finds it
      // gone (expired after --event-ttl, or deleted) recordEvent creates it again as that Event, not a new one
      const count = seen ? seen.count + 1 : 1;
      const firstTimestamp = seen ? seen.firstTimestamp : now;
      const ev: KubeObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: seen ? seen.name : names.next(ref.name, nowMs), namespace },
        involvedObject: ref,
        reason,
        message: agg.message,
        source: source.host
          ? { component: source.component, host: source.host }
          : { component: source.component },
        firstTimestamp,
        lastTimestamp: now,
        count,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: host,
      };
      const created = api.create('events', namespace, ev, ctx);
      // UpdateState: remember the Event the server stored
      observations.set(key, { namespace, name: created.metadata.name ?? '', count, firstTimestamp });
    } catch (e) {
      // client-go drops an event it cannot write (e.g. its namespace is terminating); recording never fails the caller
      if (!(e instanceof StatusError)) throw e;
    }
  }

  return { event };
}
