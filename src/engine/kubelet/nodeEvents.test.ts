// The kubelet's Events about its own Node: which transitions the status setters record, what a registering kubelet
// leaves, that heartbeats add nothing, and cordon / memory pressure as the kubelet reports them.
import { describe, expect, it } from 'vitest';
import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import { createCluster } from '../index';
import { kubeletConditions } from '../cluster/nodeObject';
import { resourceCluster, run } from '../metrics/testSupport';
import { conditionEvents } from './nodeEvents';
import { kubeletNodeEvents, type EventLite } from './testSupport';

const T = '2025-01-01T00:00:00Z';
const healthy = kubeletConditions(T);
const withStatus = (list: readonly NodeCondition[], status: Record<string, string>): NodeCondition[] =>
  list.map((c) => (status[c.type] ? { ...c, status: status[c.type] as string } : c));
const allUnknown = withStatus(healthy, {
  MemoryPressure: 'Unknown',
  DiskPressure: 'Unknown',
  PIDPressure: 'Unknown',
  Ready: 'Unknown',
});

describe('conditionEvents (nodestatus/setters.go)', () => {
  it.each([
    {
      name: 'the initial node: each pressure setter records, the appended Ready does not',
      previous: [],
      next: healthy,
      want: ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID'],
    },
    { name: 'a steady status records nothing', previous: healthy, next: healthy, want: [] },
    {
      name: 'back from the node controller Unknown: every condition, Ready last',
      previous: allUnknown,
      next: healthy,
      want: ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady'],
    },
    {
      name: 'pressure starts',
      previous: healthy,
      next: withStatus(healthy, { MemoryPressure: 'True', DiskPressure: 'True', PIDPressure: 'True' }),
      want: ['NodeHasInsufficientMemory', 'NodeHasDiskPressure', 'NodeHasInsufficientPID'],
    },
    {
      name: 'Ready turns False',
      previous: healthy,
      next: withStatus(healthy, { Ready: 'False' }),
      want: ['NodeNotReady'],
    },
    {
      name: 'a condition the kubelet did not set (Unknown) records nothing',
      previous: healthy,
      next: withStatus(healthy, { MemoryPressure: 'Unknown' }),
      want: [],
    },
  ])('$name', ({ previous, next, want }) => {
    expect(conditionEvents(previous, next)).toEqual(want);
  });
});

const REGISTRATION = [
  ['Starting', 'Starting kubelet.'],
  ['NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'],
  ['NodeHasSufficientMemory', 'Node node-1 status is now: NodeHasSufficientMemory'],
  ['NodeHasNoDiskPressure', 'Node node-1 status is now: NodeHasNoDiskPressure'],
  ['NodeHasSufficientPID', 'Node node-1 status is now: NodeHasSufficientPID'],
];

describe('kubelet node Events', () => {
  it("a registering kubelet records its start and the initial node's conditions, on kl.nodeRef", () => {
    const c = createCluster({ controlPlane: false });
    const events = kubeletNodeEvents(c, 'node-1');
    expect(events.map((e) => [e.reason, e.message])).toEqual(REGISTRATION);
    for (const e of events) {
      expect(e).toMatchObject({ type: 'Normal', count: 1, metadata: { namespace: 'default' } });
      // kubelet.go: the node reference carries the node's name as its UID, and no namespace
      expect(e.involvedObject).toMatchObject({ kind: 'Node', name: 'node-1', uid: 'node-1' });
      expect(e.involvedObject.namespace).toBeUndefined();
      expect(e.source).toEqual({ component: 'kubelet', host: 'node-1' });
    }
    // every node's kubelet does the same, and no NodeReady: the node registered Ready
    expect(kubeletNodeEvents(c, 'control-plane')).toHaveLength(5);
  });

  it('the reference has no apiVersion, and describe node shows both the kubelet and the controller Events', () => {
    const c = createCluster({ seed: 3 });
    c.run('sim settle');
    // ObjectReference fields are omitempty: kl.nodeRef sets no APIVersion
    expect(kubeletNodeEvents(c, 'node-1')[0]?.involvedObject).not.toHaveProperty('apiVersion');
    // NodeDescriber searches by the node's uid (controllers) and by its name as uid (kubelet), then merges
    const out = c.run('kubectl describe node node-1').stdout;
    const events = out.slice(out.indexOf('\nEvents:'));
    expect(events).toContain('Starting kubelet.');
    expect(events).toContain('Node node-1 status is now: NodeHasSufficientMemory');
    expect(events).toContain('Registered Node node-1 in Controller');
  });

  it('records nothing per heartbeat or status report', () => {
    const c = createCluster({ controlPlane: false });
    c.run('sim advance 11m');
    expect(kubeletNodeEvents(c, 'node-2').map((e) => [e.reason, e.count])).toEqual(
      REGISTRATION.map(([reason]) => [reason, 1]),
    );
  });

  it('a node added later gets its kubelet start Events too', () => {
    const c = createCluster({ controlPlane: false });
    c.run('sim node add node-9');
    c.run('sim advance 1s');
    expect(kubeletNodeEvents(c, 'node-9').map((e) => e.reason)).toEqual(REGISTRATION.map(([r]) => r));
  });

  it('reports a cordon and an uncordon at its next status sync (10 s): NodeNotSchedulable, NodeSchedulable', () => {
    const c = createCluster({ controlPlane: false });
    const ctx = { actor: 'test' };
    const setUnschedulable = (v: boolean) =>
      c.runtime.api.patch('nodes', undefined, 'node-1', 'merge', { spec: { unschedulable: v } }, ctx);
    const reasons = () => kubeletNodeEvents(c, 'node-1').map((e) => e.reason);
    setUnschedulable(true);
    c.run('sim advance 10s');
    expect(reasons()).toContain('NodeNotSchedulable');
    expect(kubeletNodeEvents(c, 'node-1').at(-1)?.message).toBe(
      'Node node-1 status is now: NodeNotSchedulable',
    );
    setUnschedulable(false);
    c.run('sim advance 10s');
    expect(reasons().slice(-2)).toEqual(['NodeNotSchedulable', 'NodeSchedulable']);
    c.run('sim advance 1m');
    expect(reasons()).toHaveLength(REGISTRATION.length + 2);
  });

  it('memory pressure: EvictionThresholdMet, NodeHasInsufficientMemory, later NodeHasSufficientMemory', () => {
    const c = resourceCluster([{ name: 'node-1', memory: '1Gi' }]);
    c.run(
      'kubectl apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers:\n  - {name: web, image: nginx}\n',
    );
    c.runtime.sim.advance(20_000);
    run(c, 'sim usage pod/big --memory 700Mi');
    c.runtime.sim.advance(11_000);
    const since = (events: EventLite[]) => events.slice(REGISTRATION.length).map((e) => [e.type, e.reason]);
    // the eviction manager records on the kubelet's node reference too
    for (const e of kubeletNodeEvents(c, 'node-1')) expect(e.involvedObject.uid).toBe('node-1');
    expect(since(kubeletNodeEvents(c, 'node-1'))).toEqual([
      ['Warning', 'EvictionThresholdMet'],
      ['Normal', 'NodeHasInsufficientMemory'],
    ]);
    c.runtime.sim.advance(330_000);
    const node = c.runtime.api.get('nodes', undefined, 'node-1') as unknown as Node;
    expect(node.status?.conditions?.find((x) => x.type === 'MemoryPressure')?.status).toBe('False');
    // NodeHasSufficientMemory again: the registration's Event, its count bumped
    const sufficient = kubeletNodeEvents(c, 'node-1').find((e) => e.reason === 'NodeHasSufficientMemory');
    expect(sufficient?.count).toBe(2);
  });
});
