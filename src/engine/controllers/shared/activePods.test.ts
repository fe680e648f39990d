// Deletion order tables ported from pkg/controller/controller_utils_test.go TestSortingActivePods / TestSortingActivePodsWithRanks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../types/object';
import { toRfc3339 } from '../../sim/clock';
import {
  POD_DELETION_COST_ANNOTATION,
  activePodLess,
  rankPodsByRelatedPodsOnSameNode,
  sortActivePodsWithRanks,
} from './activePods';

const HOUR = 3_600_000;
const NOW = 400 * 24 * HOUR;
const MONTH_AGO = NOW - 30 * 24 * HOUR;
const ZERO = undefined;

function pod(
  name: string,
  nodeName: string,
  phase: string,
  ready: boolean,
  restarts: number,
  readySince: number | undefined,
  created: number | undefined,
  annotations?: Record<string, string>,
): KubeObject {
  const metadata: KubeObject['metadata'] = { name };
  if (created !== undefined) metadata.creationTimestamp = toRfc3339(created);
  if (annotations) metadata.annotations = annotations;
  const cond: Record<string, string> = { type: 'Ready', status: ready ? 'True' : 'False' };
  if (readySince !== undefined) cond.lastTransitionTime = toRfc3339(readySince);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: { nodeName, containers: [] },
    status: {
      phase,
      conditions: ready ? [cond] : [],
      containerStatuses: [{ name: 'c', restartCount: restarts }],
    },
  };
}

describe('TestSortingActivePods', () => {
  const pods = [
    pod('unscheduled', '', 'Pending', false, 0, ZERO, ZERO),
    pod('scheduledButPending', 'bar', 'Pending', false, 0, ZERO, ZERO),
    pod('unknownPhase', 'foo', 'Unknown', false, 0, ZERO, ZERO),
    pod('runningButNotReady', 'foo', 'Running', false, 0, ZERO, ZERO),
    pod('runningNoLastTransitionTime', 'foo', 'Running', true, 0, ZERO, ZERO),
    pod('runningWithLastTransitionTime', 'foo', 'Running', true, 0, NOW, ZERO),
    pod('runningLongerTime', 'foo', 'Running', true, 3, MONTH_AGO, ZERO),
    pod('lowerContainerRestartCount', 'foo', 'Running', true, 2, MONTH_AGO, NOW),
    pod('oldest', 'foo', 'Running', true, 2, MONTH_AGO, MONTH_AGO),
  ];
  const want = pods.map((p) => p.metadata.name);
  it('sorts any permutation into the deletion order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pods, { minLength: pods.length, maxLength: pods.length }),
        (shuffled) => {
          const got = sortActivePodsWithRanks(
            shuffled.map((p) => ({ pod: p, rank: 0 })),
            NOW,
          ).map((p) => p.metadata.name);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('TestSortingActivePodsWithRanks', () => {
  const unscheduled = pod('unscheduled', '', 'Pending', false, 0, ZERO, ZERO);
  const scheduledPending = pod('pending', 'node', 'Pending', false, 0, ZERO, ZERO);
  const unknownPhase = pod('unknown-phase', 'node', 'Unknown', false, 0, ZERO, ZERO);
  const runningNotReady = pod('not-ready', 'node', 'Running', false, 0, ZERO, ZERO);
  const readyNoLtt = pod('ready-no-last-transition-time', 'node', 'Running', true, 0, ZERO, ZERO);
  const readyNow = pod('ready-now', 'node', 'Running', true, 0, NOW, NOW);
  const readyThen = pod('ready-then', 'node', 'Running', true, 0, MONTH_AGO, MONTH_AGO);
  const readyNowHighRestarts = pod('ready-high-restarts', 'node', 'Running', true, 9001, NOW, NOW);
  const readyNowCreatedThen = pod('ready-now-created-then', 'node', 'Running', true, 0, NOW, MONTH_AGO);
  const lowCost = pod('low-deletion-cost', 'node', 'Running', true, 0, NOW, MONTH_AGO, {
    [POD_DELETION_COST_ANNOTATION]: '10',
  });
  const highCost = pod('high-deletion-cost', 'node', 'Running', true, 0, NOW, MONTH_AGO, {
    [POD_DELETION_COST_ANNOTATION]: '100',
  });
  const unscheduled5h = pod('unscheduled-5-hours', '', 'Pending', false, 0, NOW - 5 * HOUR, NOW - 5 * HOUR);
  const unscheduled8h = pod('unscheduled-10-hours', '', 'Pending', false, 0, NOW - 8 * HOUR, NOW - 8 * HOUR);
  const ready2h = pod('ready-2-hours', '', 'Running', true, 0, NOW - 2 * HOUR, MONTH_AGO);
  const ready5h = pod('ready-5-hours', '', 'Running', true, 0, NOW - 5 * HOUR, MONTH_AGO);
  const ready8h = pod('ready-10-hours', '', 'Running', true, 0, NOW - 8 * HOUR, MONTH_AGO);

  const equal: [KubeObject, KubeObject][] = [
    [unscheduled, unscheduled],
    [readyNowCreatedThen, readyNowCreatedThen],
    [unscheduled5h, unscheduled8h],
    [ready5h, ready8h],
  ];
  it.each(equal.map(([a, b]) => ({ name: `${a.metadata.name} == ${b.metadata.name}`, a, b })))(
    '$name',
    ({ a, b }) => {
      expect(activePodLess({ pod: a, rank: 1 }, { pod: b, rank: 1 }, NOW)).toBe(false);
      expect(activePodLess({ pod: b, rank: 1 }, { pod: a, rank: 1 }, NOW)).toBe(false);
    },
  );

  const lesser: [KubeObject, number, KubeObject, number][] = [
    [unscheduled, 1, scheduledPending, 2],
    [unscheduled, 2, scheduledPending, 1],
    [scheduledPending, 1, unknownPhase, 2],
    [unknownPhase, 1, runningNotReady, 2],
    [runningNotReady, 1, readyNoLtt, 1],
    [readyNoLtt, 1, readyNow, 1],
    [readyNow, 2, readyNoLtt, 1],
    [readyNow, 1, readyThen, 1],
    [readyNow, 2, readyThen, 1],
    [readyNowHighRestarts, 1, readyNow, 1],
    [readyNow, 2, readyNowHighRestarts, 1],
    [readyNow, 1, readyNowCreatedThen, 1],
    [readyNowCreatedThen, 2, readyNow, 1],
    [lowCost, 2, highCost, 1],
    [ready2h, 1, ready5h, 1],
  ];
  it.each(
    lesser.map(([a, ra, b, rb]) => ({
      name: `${a.metadata.name}(${ra}) < ${b.metadata.name}(${rb})`,
      a,
      ra,
      b,
      rb,
    })),
  )('$name', ({ a, ra, b, rb }) => {
    expect(activePodLess({ pod: a, rank: ra }, { pod: b, rank: rb }, NOW)).toBe(true);
    expect(activePodLess({ pod: b, rank: rb }, { pod: a, rank: ra }, NOW)).toBe(false);
  });
});

describe('rankPodsByRelatedPodsOnSameNode', () => {
  it('ranks by active related pods on the same node, ignoring terminating ones', () => {
    const a = pod('a', 'n1', 'Running', true, 0, NOW, NOW);
    const b = pod('b', 'n1', 'Running', true, 0, NOW, NOW);
    const c = pod('c', 'n2', 'Running', true, 0, NOW, NOW);
    const gone = { ...pod('d', 'n2', 'Running', true, 0, NOW, NOW) };
    gone.metadata = { ...gone.metadata, deletionTimestamp: toRfc3339(NOW) };
    const ranked = rankPodsByRelatedPodsOnSameNode([a, c], [a, b, c, gone]);
    expect(ranked.map((r) => r.rank)).toEqual([2, 1]);
  });
});

describe('restart counts (maxContainerRestarts)', () => {
  // controller_utils.go maxContainerRestarts: app containers and restartable init containers (sidecars) count; an
  // init container that ran to completion does not
  const withInit = (name: string, initRestarts: number, sidecar: boolean): KubeObject => {
    const p = pod(name, 'foo', 'Running', true, 1, MONTH_AGO, MONTH_AGO);
    const spec = p.spec as { initContainers?: unknown[] };
    spec.initContainers = [{ name: 'init', image: 'x', ...(sidecar ? { restartPolicy: 'Always' } : {}) }];
    (p.status as { initContainerStatuses?: unknown[] }).initContainerStatuses = [
      { name: 'init', restartCount: initRestarts },
    ];
    return p;
  };
  it.each([
    { name: 'a sidecar with more restarts goes first', a: withInit('s', 5, true), b: withInit('t', 0, true) },
    { name: 'a sidecar outweighs app restarts', a: withInit('s', 5, true), b: withInit('plain', 0, false) },
  ])('$name', ({ a, b }) => {
    expect(activePodLess({ pod: a, rank: 0 }, { pod: b, rank: 0 }, NOW)).toBe(true);
  });
  it('a restarted init container that is not a sidecar does not count', () => {
    const init = withInit('i', 5, false);
    const plain = pod('p', 'foo', 'Running', true, 1, MONTH_AGO, MONTH_AGO);
    expect(activePodLess({ pod: init, rank: 0 }, { pod: plain, rank: 0 }, NOW)).toBe(
      activePodLess({ pod: { ...init, status: plain.status }, rank: 0 }, { pod: plain, rank: 0 }, NOW),
    );
  });
});
