// The incremental cache must always equal NodeInfos rebuilt from scratch (property test over random event sequences).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod } from 'kubernetes-types/core/v1';
import { SchedulerCache, podKeyOf } from './cache';
import { buildNodeInfo } from './plugins/nodeInfoBuilder';
import { makeNode, makePod } from './plugins/testHelpers';

const NODES = ['n1', 'n2', 'n3'];
type Op = {
  kind: 'add' | 'assume' | 'forget' | 'remove';
  pod: number;
  node: number;
  cpu: number;
  port: boolean;
};

function podFor(op: Op): Pod {
  const p = makePod({ name: `p${op.pod}`, requests: [[`${op.cpu * 100}m`, '']], nodeName: NODES[op.node] });
  if (op.port)
    (p.spec?.containers[0] as { ports?: unknown[] }).ports = [{ containerPort: 80, hostPort: 8000 + op.pod }];
  return p;
}

describe('SchedulerCache', () => {
  it('matches a from-scratch rebuild after any sequence of pod events', () => {
    const op = fc.record({
      kind: fc.constantFrom<Op['kind']>('add', 'assume', 'forget', 'remove'),
      pod: fc.integer({ min: 0, max: 5 }),
      node: fc.integer({ min: 0, max: 2 }),
      cpu: fc.integer({ min: 0, max: 9 }),
      port: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const cache = new SchedulerCache();
        for (const n of NODES) cache.addNode(makeNode(n));
        const truth = new Map<string, Pod>();
        for (const o of ops) {
          const pod = podFor(o);
          const key = podKeyOf(pod);
          if (o.kind === 'add') {
            cache.addPod(pod);
            truth.set(key, pod);
          } else if (o.kind === 'assume') {
            cache.assumePod(pod, NODES[o.node] as string);
            truth.set(key, pod);
          } else if (o.kind === 'forget') {
            if (cache.isAssumed(key)) truth.delete(key);
            cache.forgetPod(key);
          } else {
            cache.removePod(key);
            truth.delete(key);
          }
        }
        for (const n of NODES) {
          const expected = buildNodeInfo(
            makeNode(n),
            [...truth.values()].filter((p) => p.spec?.nodeName === n),
          );
          const got = cache.get(n);
          expect(got?.requested).toEqual(expected.requested);
          expect(got?.nonZeroRequested).toEqual(expected.nonZeroRequested);
          expect(new Set(got?.usedPorts)).toEqual(new Set(expected.usedPorts));
          expect(got?.pods.map((p) => p.metadata?.name).sort()).toEqual(
            expected.pods.map((p) => p.metadata?.name).sort(),
          );
        }
      }),
    );
  });

  it('hands out NodeInfos that never change under a reader (copy-on-write pods list)', () => {
    const cache = new SchedulerCache();
    cache.addNode(makeNode('n1'));
    const before = cache.get('n1')?.pods;
    cache.addPod(makePod({ name: 'a', nodeName: 'n1' }));
    expect(before).toEqual([]);
    expect(cache.get('n1')?.pods).toHaveLength(1);
  });

  it('lists nodes in the order they were added and drops removed ones', () => {
    const cache = new SchedulerCache();
    for (const n of ['b', 'a', 'c']) cache.addNode(makeNode(n));
    cache.removeNode('a');
    expect(cache.list().map((i) => i.node.metadata?.name)).toEqual(['b', 'c']);
  });
});
