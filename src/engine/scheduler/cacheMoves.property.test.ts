// Property test: the cache's deferred same-footprint updates (status writes, bindings of assumed pods) leave every
// NodeInfo exactly as eager RemovePod + AddPod calls would: pod order, affinity lists, requests and selector counts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import { SchedulerCache, podKeyOf } from './cache';
import { addPodTo, newNodeInfo, removePodFrom } from './nodeInfo';
import type { MutableNodeInfo } from './nodeInfo';
import { countMatching, countPodsMatchSelector } from './podCountMemo';
import { selectorFromSet } from '../labels/selector';
import { makeNode } from './plugins/testHelpers';

const NODES = ['n1', 'n2'];
const SEL = selectorFromSet({ app: 'a' });
type Kind = 'add' | 'status' | 'relabel' | 'assume' | 'bind' | 'remove' | 'forget' | 'read';
interface Op {
  kind: Kind;
  pod: number;
  node: number;
}

const containers = [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m' } } }];
const affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } };

function basePod(o: Op, nodeName: string | undefined, step: number): Pod {
  const spec: PodSpec = { containers, ...(o.pod % 2 === 0 ? { affinity } : {}) };
  if (nodeName !== undefined) spec.nodeName = nodeName;
  return {
    metadata: { name: `p${o.pod}`, namespace: 'default', uid: `u${o.pod}`, labels: { app: 'a' } },
    spec,
    status: { phase: `S${step}` },
  };
}

const view = (ni: { pods: readonly Pod[]; podsWithAffinity: readonly Pod[] } | undefined) => ({
  pods: ni?.pods.map((p) => `${p.metadata?.uid}:${p.status?.phase}:${p.metadata?.labels?.app}`),
  aff: ni?.podsWithAffinity.map((p) => `${p.metadata?.uid}:${p.status?.phase}`),
});

describe('SchedulerCache deferred moves', () => {
  it('equal eager remove + add after any sequence of pod events and reads', () => {
    const op = fc.record({
      // status writes dominate, as in a rollout; several in a row between reads exercise the queued moves
      kind: fc.constantFrom<Kind>(
        'add',
        'status',
        'status',
        'status',
        'status',
        'relabel',
        'assume',
        'bind',
        'bind',
        'remove',
        'forget',
        'read',
      ),
      pod: fc.integer({ min: 0, max: 3 }),
      node: fc.integer({ min: 0, max: 3 }).map((n) => (n === 3 ? 1 : 0)),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 50 }), (ops) => {
        const cache = new SchedulerCache();
        const ref = new Map<string, MutableNodeInfo>();
        for (const n of NODES) {
          cache.addNode(makeNode(n));
          ref.set(n, newNodeInfo(makeNode(n)));
        }
        // reference state: key -> [pod as listed, assumed]
        const cur = new Map<string, { pod: Pod; assumed: boolean }>();
        const refRemove = (key: string) => {
          const c = cur.get(key);
          if (c) removePodFrom(ref.get(c.pod.spec?.nodeName ?? '') as MutableNodeInfo, c.pod);
          cur.delete(key);
        };
        const refAdd = (key: string, pod: Pod, assumed: boolean) => {
          addPodTo(ref.get(pod.spec?.nodeName ?? '') as MutableNodeInfo, pod);
          cur.set(key, { pod, assumed });
        };
        ops.forEach((o, step) => {
          const key = `default/p${o.pod}`;
          const c = cur.get(key);
          if (o.kind === 'read') {
            for (const n of NODES) {
              const got = cache.get(n);
              expect(view(got)).toEqual(view(ref.get(n)));
              const pods = got?.pods ?? [];
              expect(countPodsMatchSelector(pods, SEL, 'default')).toBe(countMatching(pods, SEL, 'default'));
            }
          } else if (o.kind === 'add' || (o.kind === 'bind' && !c)) {
            const pod = basePod(o, NODES[o.node], step);
            cache.addPod(pod);
            refRemove(key);
            refAdd(key, pod, false);
          } else if ((o.kind === 'status' || o.kind === 'relabel') && c && !c.assumed) {
            const labels =
              o.kind === 'relabel' ? { app: c.pod.metadata?.labels?.app === 'a' ? 'b' : 'a' } : undefined;
            const pod: Pod = {
              ...c.pod,
              metadata: { ...c.pod.metadata, ...(labels ? { labels } : {}) },
              status: { phase: `S${step}` },
            };
            cache.updatePod(pod);
            refRemove(key);
            refAdd(key, pod, false);
          } else if (o.kind === 'assume' && !c) {
            const pending = basePod(o, undefined, step);
            cache.assumePod(pending, NODES[o.node] as string);
            refAdd(
              key,
              { ...pending, spec: { ...(pending.spec as PodSpec), nodeName: NODES[o.node] } },
              true,
            );
          } else if (o.kind === 'bind' && c?.assumed) {
            // the API's bound pod: a new spec object with the same containers and affinity
            const pod: Pod = {
              ...c.pod,
              spec: { ...(c.pod.spec as PodSpec) },
              status: { phase: `S${step}` },
            };
            cache.addPod(pod);
            refRemove(key);
            refAdd(key, pod, false);
          } else if (o.kind === 'remove') {
            cache.removePod(key);
            refRemove(key);
          } else if (o.kind === 'forget' && c?.assumed) {
            cache.forgetPod(key);
            refRemove(key);
          }
          expect(cache.isAssumed(key)).toBe(cur.get(key)?.assumed === true);
        });
        for (const n of NODES) {
          expect(view(cache.get(n))).toEqual(view(ref.get(n)));
          expect(cache.get(n)?.requested).toEqual(ref.get(n)?.requested);
        }
        expect(cache.list().map((ni) => view(ni))).toEqual(NODES.map((n) => view(ref.get(n))));
        expect(cache.podCount()).toBe(cur.size);
        expect(podKeyOf(basePod(ops[0] ?? { kind: 'add', pod: 0, node: 0 }, 'n1', 0))).toMatch(
          /^default\/p\d$/,
        );
      }),
      { numRuns: 300 },
    );
  });
});
