// The recorder (memoised correlator keys, one-string message sets, linked-list LRUs) writes exactly what the
// straightforward correlator writes: fresh concatenated keys per Event and Map-based LRUs, for any sequence.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MapLru } from './mapLru.testSupport';
import { createEventRecorder } from './recorder';
import { EventNamer } from './eventName';
import { toRfc3339 } from '../sim/clock';
import type { ApiServer } from '../apiserver/types';
import { StatusError } from '../apiserver/types';
import type { Simulation } from '../sim/types';
import type { KubeObject } from '../types/object';
import type { EventSource, EventType } from './types';

type Call = unknown[];
interface Fake {
  api: ApiServer;
  sim: Simulation;
  calls: Call[];
  deleted: Set<string>;
  clock: { now: number };
}

/** an API server that logs creates and patches; a patch of a deleted Event fails NotFound until it is created again */
function fake(): Fake {
  const calls: Call[] = [];
  const deleted = new Set<string>();
  const clock = { now: 0 };
  const api = {
    create: (_r: string, ns: string, obj: KubeObject) => {
      calls.push(['create', ns, obj]);
      deleted.delete(obj.metadata.name ?? '');
      return obj;
    },
    patch: (_r: string, ns: string, name: string, _t: string, body: unknown) => {
      if (deleted.has(name))
        throw new StatusError({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          reason: 'NotFound',
          code: 404,
          message: name,
        });
      calls.push(['patch', ns, name, body]);
      return {};
    },
  } as unknown as ApiServer;
  const sim = { clock: { nowMs: () => clock.now } } as unknown as Simulation;
  return { api, sim, calls, deleted, clock };
}

/** the correlator as first written: keys concatenated afresh for every Event */
function referenceRecorder(api: ApiServer, sim: Simulation, max: number) {
  const observations = new MapLru<{ namespace: string; name: string; count: number; firstTimestamp: string }>(
    max,
  );
  const aggregates = new MapLru<{ messages: Set<string>; lastMs: number }>(max);
  const spam = new MapLru<{ tokens: number; lastMs: number }>(max);
  const names = new EventNamer();
  return (obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource) => {
    const m = obj.metadata;
    const ref: Record<string, string> = { kind: obj.kind, name: m.name ?? '', apiVersion: obj.apiVersion };
    if (m.namespace) ref.namespace = m.namespace;
    if (m.uid) ref.uid = m.uid;
    if (m.resourceVersion) ref.resourceVersion = m.resourceVersion;
    const nowMs = sim.clock.nowMs();
    const now = toRfc3339(nowMs);
    const host = source.host ?? '';
    const spamKey = `${source.component}${host}${ref.kind}${ref.namespace ?? ''}${ref.name}${ref.uid ?? ''}${ref.apiVersion}${type}`;
    let b = spam.get(spamKey);
    if (b === undefined) spam.set(spamKey, (b = { tokens: 25, lastMs: nowMs }));
    b.tokens = Math.min(25, b.tokens + (nowMs - b.lastMs) / 300_000);
    b.lastMs = nowMs;
    if (b.tokens < 1) return;
    b.tokens -= 1;
    const aggregateKey = spamKey + reason;
    let rec = aggregates.get(aggregateKey);
    if (!rec || nowMs - rec.lastMs > 600_000)
      aggregates.set(aggregateKey, (rec = { messages: new Set(), lastMs: nowMs }));
    rec.messages.add(message);
    rec.lastMs = nowMs;
    let msg = message;
    let key = aggregateKey + message;
    if (rec.messages.size >= 10) {
      rec.messages.delete(message);
      msg = '(combined from similar events): ' + message;
      key = aggregateKey;
    }
    const ctx = { actor: source.component, cause: `event ${type} ${reason} on ${ref.kind}/${ref.name}` };
    const seen = observations.get(key);
    if (seen) {
      try {
        api.patch(
          'events',
          seen.namespace,
          seen.name,
          'merge',
          { count: seen.count + 1, lastTimestamp: now, message: msg },
          ctx,
        );
        seen.count += 1;
        return;
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        if (e.status.reason !== 'NotFound') return;
      }
    }
    const namespace = ref.namespace || 'default';
    // a repeat whose Event is gone is created again as that Event: its name, firstTimestamp and count + 1
    const count = seen ? seen.count + 1 : 1;
    const firstTimestamp = seen ? seen.firstTimestamp : now;
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: seen ? seen.name : names.next(ref.name ?? '', nowMs), namespace },
      involvedObject: ref,
      reason,
      message: msg,
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
    } as unknown as KubeObject;
    const created = api.create('events', namespace, ev, ctx);
    observations.set(key, { namespace, name: created.metadata.name ?? '', count, firstTimestamp });
  };
}

// small alphabets so that different field tuples concatenate to the same key, as the correlator allows
const part = (...xs: string[]) => fc.constantFrom(...xs);
const objectArb = fc.record({
  kind: part('Pod', 'P'),
  namespace: part('', 'd'),
  name: part('a', 'ab', 'u'),
  uid: part('', 'u'),
  apiVersion: part('v1', '1'),
  resourceVersion: part('', '7'),
});
const sourceArb = fc.record({ component: part('k', 'kb', 'kubelet'), host: part('', 'b', 'node-1') });
/** a few objects and sources per run, so that Events often share some fields and differ in others */
const scenarioArb = fc.record({
  objects: fc
    .tuple(objectArb, fc.array(fc.tuple(fc.nat(4), objectArb, fc.nat(5)), { maxLength: 4 }))
    .map(([first, variants]) => {
      // each further object is an earlier one with one field changed: near misses for the key memo
      const out = [first];
      for (const [from, other, field] of variants) {
        const f =
          (['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion'] as const)[field] ?? 'kind';
        out.push({ ...(out[from % out.length] ?? first), [f]: other[f] });
      }
      return out;
    }),
  sources: fc.array(sourceArb, { minLength: 1, maxLength: 3 }),
  /** few messages: exact repeats; many: aggregation into a combined Event */
  messages: fc.oneof(
    fc.array(part('', 'm', 'mm'), { minLength: 1, maxLength: 3 }),
    fc.constant(Array.from({ length: 12 }, (_, i) => `message ${i}`)),
  ),
});
const eventArb = fc.record({
  obj: fc.nat(4),
  source: fc.nat(2),
  type: part('Normal', 'Warning') as fc.Arbitrary<EventType>,
  reason: part('R', 'Rm', ''),
  message: fc.nat(11),
});
const opArb = fc.oneof(
  { weight: 8, arbitrary: eventArb.map((e) => ({ op: 'event' as const, e })) },
  {
    weight: 1,
    arbitrary: part('0', '1000', '400000', '700000').map((ms) => ({ op: 'advance' as const, ms: +ms })),
  },
  { weight: 1, arbitrary: fc.nat(50).map((i) => ({ op: 'delete' as const, i })) },
);

function toObject(o: typeof objectArb extends fc.Arbitrary<infer T> ? T : never): KubeObject {
  const meta: Record<string, string> = { name: o.name };
  if (o.namespace) meta.namespace = o.namespace;
  if (o.uid) meta.uid = o.uid;
  if (o.resourceVersion) meta.resourceVersion = o.resourceVersion;
  return { apiVersion: o.apiVersion, kind: o.kind, metadata: meta } as KubeObject;
}

describe('event recorder against the straightforward correlator', () => {
  it('makes the same API calls for any sequence of events, clock moves and deleted Events', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        scenarioArb,
        fc.array(opArb, { maxLength: 250 }),
        (max, sc, ops) => {
          const a = fake();
          const b = fake();
          const rec = createEventRecorder(a.api, a.sim, max);
          const ref = referenceRecorder(b.api, b.sim, max);
          for (const o of ops) {
            if (o.op === 'advance') {
              a.clock.now += o.ms;
              b.clock.now += o.ms;
            } else if (o.op === 'delete') {
              const created = a.calls.filter((c) => c[0] === 'create');
              const victim = created[o.i % Math.max(1, created.length)]?.[2] as KubeObject | undefined;
              const name = victim?.metadata.name;
              if (name !== undefined) {
                a.deleted.add(name);
                b.deleted.add(name);
              }
            } else {
              const { type, reason } = o.e;
              const message = sc.messages[o.e.message % sc.messages.length] as string;
              // a fresh copy each time, as components hold different versions of one object
              const obj = toObject(sc.objects[o.e.obj % sc.objects.length] as (typeof sc.objects)[number]);
              const { component, host } = sc.sources[
                o.e.source % sc.sources.length
              ] as (typeof sc.sources)[number];
              const source = host === '' ? { component } : { component, host };
              rec.event(obj, type, reason, message, source);
              ref(obj, type, reason, message, source);
            }
          }
          expect(a.calls).toEqual(b.calls);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
