// When the pod worker syncs a crash-looping pod again (pod_workers.go completeWork) and what each sync records: one
// BackOff Event per container, its count growing, several per back-off longer than the resync interval.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { backOffRequeueMs } from './crashFlow';
import { bindPod, clusterWithKubelet, podOf, timeUntil } from './testSupport';
import type { Cluster } from '../index';

describe('backOffRequeueMs (completeWork with a BackoffError)', () => {
  const none = (ms: number) => ms;
  const most = (ms: number, f: number) => ms + Math.floor(ms * f);
  it.each([
    { name: 'the rest of a 10 s back-off', remaining: 9_900, jitter: none, want: 9_900 },
    { name: 'jittered up to 50% later', remaining: 9_900, jitter: most, want: 14_850 },
    { name: 'a 160 s back-off: the resync interval first', remaining: 159_900, jitter: none, want: 60_000 },
    { name: 'the resync interval, jittered', remaining: 159_900, jitter: most, want: 90_000 },
    { name: 'an expired back-off: at once', remaining: -5, jitter: most, want: 0 },
  ])('$name', ({ remaining, jitter, want }) => {
    expect(backOffRequeueMs(remaining, jitter)).toBe(want);
  });
});

interface BackOffEvent {
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
}

function backOffEvents(c: Cluster, pod: string): BackOffEvent[] {
  return c.runtime.api
    .list('events', 'default')
    .items.filter(
      (e) => (e.involvedObject as { name?: string }).name === pod && e.reason === 'BackOff',
    ) as unknown as BackOffEvent[];
}

describe('CrashLoopBackOff syncs', () => {
  it('records BackOff at each sync within the back-off: one Event, counted, more than once in a long back-off', () => {
    const { cluster: c } = clusterWithKubelet();
    bindPod(c, 'crash', 'node-1', { annotations: { 'kubesim.io/crash-after': '5s' } });
    const restarts = () =>
      (podOf(c, 'crash') as unknown as Pod | undefined)?.status?.containerStatuses?.[0]?.restartCount ?? 0;
    const count = () => backOffEvents(c, 'crash')[0]?.count ?? 0;
    timeUntil(c, () => restarts() === 2);
    // the second crash is the first to back off (10 s): one sync within it
    expect(count()).toBe(1);
    timeUntil(c, () => restarts() === 4);
    // 10, 20 and 40 s back-offs: each shorter than the resync interval, one BackOff each
    expect(count()).toBe(3);
    const beforeLong = count();
    timeUntil(c, () => restarts() === 5);
    // the 80 s back-off: synced at the exit, then requeued for at most a minute (+ jitter) and synced again
    expect(count() - beforeLong).toBeGreaterThanOrEqual(2);
    expect(backOffEvents(c, 'crash')).toHaveLength(1);
  });
});
