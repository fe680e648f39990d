// planRoutes / withNetworkCondition: the route controller's diff of routes against pod CIDRs, and the condition.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CloudRoute } from '../../cloud/types';
import type { RouteNodeInfo } from './plan';
import { planRoutes, withNetworkCondition } from './plan';

const node = (name: string, ...podCIDRs: string[]): RouteNodeInfo => ({ name, uid: `uid-${name}`, podCIDRs });
const route = (targetNode: string, destinationCIDR: string): CloudRoute => ({
  name: `kubernetes-uid-${targetNode}`,
  targetNode,
  destinationCIDR,
});

describe('planRoutes', () => {
  const cases: Array<{
    name: string;
    nodes: RouteNodeInfo[];
    routes: CloudRoute[];
    add: string[];
    remove: string[];
    created: Record<string, boolean>;
  }> = [
    {
      name: 'a new node gets a route for its pod CIDR',
      nodes: [node('a', '10.244.1.0/24')],
      routes: [],
      add: ['a 10.244.1.0/24 uid-a'],
      remove: [],
      created: { a: true },
    },
    {
      name: 'an existing route is kept',
      nodes: [node('a', '10.244.1.0/24')],
      routes: [route('a', '10.244.1.0/24')],
      add: [],
      remove: [],
      created: { a: true },
    },
    {
      name: 'the route of a deleted node is removed',
      nodes: [node('a', '10.244.1.0/24')],
      routes: [route('a', '10.244.1.0/24'), route('gone', '10.244.2.0/24')],
      add: [],
      remove: ['gone 10.244.2.0/24'],
      created: { a: true },
    },
    {
      name: 'a node whose CIDR changed: old route removed, new one added',
      nodes: [node('a', '10.244.9.0/24')],
      routes: [route('a', '10.244.1.0/24')],
      add: ['a 10.244.9.0/24 uid-a'],
      remove: ['a 10.244.1.0/24'],
      created: { a: true },
    },
    {
      name: 'a node without a pod CIDR is skipped, unless it still has routes (then NetworkUnavailable=True)',
      nodes: [node('a'), node('b')],
      routes: [route('b', '10.244.2.0/24')],
      add: [],
      remove: ['b 10.244.2.0/24'],
      created: { b: false },
    },
    {
      name: 'dual-stack: one route per CIDR',
      nodes: [node('a', '10.244.1.0/24', 'fd00:10:244:1::/64')],
      routes: [],
      add: ['a 10.244.1.0/24 uid-a', 'a fd00:10:244:1::/64 uid-a'],
      remove: [],
      created: { a: true },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plan = planRoutes(c.nodes, c.routes);
      expect(plan.add.map((r) => `${r.targetNode} ${r.destinationCIDR} ${r.nameHint}`)).toEqual(c.add);
      expect(plan.remove.map((r) => `${r.targetNode} ${r.destinationCIDR}`)).toEqual(c.remove);
      expect(Object.fromEntries(plan.routesCreated)).toEqual(c.created);
    });
  }

  it('property: after applying the plan the routes are exactly one per (node, pod CIDR)', () => {
    const cidr = fc.integer({ min: 0, max: 6 }).map((i) => `10.244.${i}.0/24`);
    const name = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ name, cidrs: fc.uniqueArray(cidr, { maxLength: 2 }) }), {
          selector: (n) => n.name,
        }),
        fc.uniqueArray(fc.record({ targetNode: name, destinationCIDR: cidr }), {
          selector: (r) => `${r.targetNode} ${r.destinationCIDR}`,
        }),
        (ns, rs) => {
          const nodes = ns.map((n) => node(n.name, ...n.cidrs));
          const routes = rs.map((r) => route(r.targetNode, r.destinationCIDR));
          const plan = planRoutes(nodes, routes);
          const after = new Set(
            routes.filter((r) => !plan.remove.includes(r)).map((r) => `${r.targetNode} ${r.destinationCIDR}`),
          );
          for (const r of plan.add) after.add(`${r.targetNode} ${r.destinationCIDR}`);
          const want = new Set(nodes.flatMap((n) => n.podCIDRs.map((c) => `${n.name} ${c}`)));
          expect([...after].sort()).toEqual([...want].sort());
          expect(
            planRoutes(
              nodes,
              [...after].map((k) => route(...(k.split(' ') as [string, string]))),
            ).add,
          ).toEqual([]);
        },
      ),
    );
  });
});

describe('withNetworkCondition', () => {
  const now = '2025-01-01T00:00:10Z';
  const ready = { type: 'Ready', status: 'True' };
  it('appends NetworkUnavailable=False RouteCreated when routes were created', () => {
    expect(withNetworkCondition([ready], true, now)).toEqual([
      ready,
      {
        type: 'NetworkUnavailable',
        status: 'False',
        reason: 'RouteCreated',
        message: 'RouteController created a route',
        lastHeartbeatTime: now,
        lastTransitionTime: now,
      },
    ]);
  });
  it('leaves a condition that already says so alone', () => {
    const cond = { type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated' };
    expect(withNetworkCondition([cond], true, now)).toBeUndefined();
  });
  it('replaces it in place with True / NoRouteCreated when the node has no routes', () => {
    const cond = { type: 'NetworkUnavailable', status: 'False', reason: 'RouteCreated' };
    expect(withNetworkCondition([cond, ready], false, now)?.[0]).toMatchObject({
      status: 'True',
      reason: 'NoRouteCreated',
      message: 'RouteController failed to create a route',
    });
  });
});
