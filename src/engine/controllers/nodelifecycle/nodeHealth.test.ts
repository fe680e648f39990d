// Table tests of tryUpdateNodeHealth: grace periods, probe timestamps from leases and heartbeats, and the
// observed (pre-update) vs current Ready condition.
import { describe, expect, it } from 'vitest';
import type { NodeConditionJson, NodeHealth, NodeObservation } from './nodeHealth';
import { tryUpdateNodeHealth } from './nodeHealth';

const S = 1000;
const rfc = (ms: number) => new Date(Date.UTC(2025, 0, 1) + ms).toISOString().replace('.000Z', 'Z');
const clock = (nowMs: number) => ({
  nowMs,
  nowRfc3339: rfc(nowMs),
  monitorGraceMs: 50 * S,
  startupGraceMs: 60 * S,
});
const ready = (status: string, heartbeatMs: number, transitionMs = 0): NodeConditionJson => ({
  type: 'Ready',
  status,
  reason: 'KubeletReady',
  lastHeartbeatTime: rfc(heartbeatMs),
  lastTransitionTime: rfc(transitionMs),
});
const obs = (conditions: NodeConditionJson[], leaseRenewMs?: number): NodeObservation => ({
  conditions,
  creationMs: 0,
  creationRfc3339: rfc(0),
  ...(leaseRenewMs !== undefined ? { lease: { renewMs: leaseRenewMs } } : {}),
});

describe('tryUpdateNodeHealth', () => {
  it.each([
    { name: 'never posted, within the 60 s startup grace', at: 60 * S, write: false },
    { name: 'never posted, past the startup grace', at: 60 * S + 1, write: true },
  ])('$name', ({ at, write }) => {
    const r = tryUpdateNodeHealth(undefined, obs([]), clock(at));
    expect(r.gracePeriodMs).toBe(60 * S);
    expect(r.health.probeMs).toBe(0); // the node's creationTimestamp
    expect(r.observedReady).toEqual({
      type: 'Ready',
      status: 'Unknown',
      lastHeartbeatTime: rfc(0),
      lastTransitionTime: rfc(0),
    });
    expect(r.write !== undefined).toBe(write);
    if (write) {
      expect(r.currentReady).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        lastHeartbeatTime: rfc(0),
        lastTransitionTime: rfc(at),
      });
    }
  });

  it('grace expired: observedReady is the condition before the write, currentReady the Unknown one', () => {
    const prev: NodeHealth = {
      probeMs: 10 * S,
      readyTransitionMs: 0,
      savedReady: ready('True', 10 * S),
      lease: { renewMs: 10 * S },
    };
    const r = tryUpdateNodeHealth(prev, obs([ready('True', 10 * S)], 10 * S), clock(65 * S));
    expect(r.observedReady.status).toBe('True');
    expect(r.currentReady).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      lastTransitionTime: rfc(65 * S),
    });
    expect(r.write?.health).toMatchObject({ probeMs: 10 * S, readyTransitionMs: 65 * S });
    // the next pass observes Unknown and writes nothing
    const next = tryUpdateNodeHealth(r.write?.health, obs(r.write?.conditions ?? [], 10 * S), clock(70 * S));
    expect(next.observedReady.status).toBe('Unknown');
    expect(next.write).toBeUndefined();
  });

  it.each([
    {
      name: 'a renewed lease refreshes the probe',
      lease: 20 * S,
      heartbeat: 10 * S,
      probe: 61 * S,
      write: false,
    },
    {
      name: 'a new status heartbeat refreshes the probe',
      lease: 10 * S,
      heartbeat: 20 * S,
      probe: 61 * S,
      write: false,
    },
    { name: 'neither: the grace runs out', lease: 10 * S, heartbeat: 10 * S, probe: 10 * S, write: true },
  ])('$name', ({ lease, heartbeat, probe, write }) => {
    const prev: NodeHealth = {
      probeMs: 10 * S,
      readyTransitionMs: 0,
      savedReady: ready('True', 10 * S),
      lease: { renewMs: 10 * S },
    };
    const r = tryUpdateNodeHealth(prev, obs([ready('True', heartbeat)], lease), clock(61 * S));
    expect(r.health.probeMs).toBe(probe);
    expect(r.write !== undefined).toBe(write);
  });

  it('first sight of a posted node: now is the probe time', () => {
    const r = tryUpdateNodeHealth(undefined, obs([ready('True', 0)], 0), clock(500 * S));
    expect(r.health.probeMs).toBe(500 * S);
    expect(r.gracePeriodMs).toBe(50 * S);
    expect(r.write).toBeUndefined();
  });
});
