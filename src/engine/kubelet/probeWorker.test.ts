// doProbe as pkg/kubelet/prober/worker_test.go exercises it: initial values, thresholds, on-hold after a liveness
// failure, reset on a new container, the initial delay and the startup gate.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { doProbe, newProbeWorker } from './probeWorker';
import type { ContainerView } from './probeWorker';
import type { ProbeSpec, ProbeType } from './probeSpec';

function spec(type: ProbeType, over: Partial<ProbeSpec> = {}): ProbeSpec {
  return {
    type,
    initialDelaySeconds: 0,
    periodSeconds: 10,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
    handler: { kind: 'http', scheme: 'http', port: '80', path: '/' },
    ...over,
  };
}

const running: ContainerView = {
  containerID: 'c1',
  running: true,
  runningForSeconds: 100,
  started: true,
  podDeleting: false,
};

/** published result after each of a series of probe outcomes */
function run(type: ProbeType, outcomes: boolean[], over: Partial<ProbeSpec> = {}): boolean[] {
  const s = newProbeWorker(type);
  const sp = spec(type, over);
  return outcomes.map((o) => {
    doProbe(s, sp, { ...running, started: type !== 'startup' }, () => o);
    return s.result;
  });
}

describe('doProbe thresholds (worker_test.go TestSuccessThreshold / TestFailureThreshold)', () => {
  it.each([
    {
      name: 'readiness starts failed, one success publishes',
      type: 'readiness' as const,
      over: {},
      outcomes: [true],
      want: [true],
    },
    {
      name: 'readiness successThreshold 3',
      type: 'readiness' as const,
      over: { successThreshold: 3 },
      outcomes: [true, true, true, false, true],
      want: [false, false, true, true, true],
    },
    {
      name: 'readiness failureThreshold 3: stays ready for two failures',
      type: 'readiness' as const,
      over: {},
      outcomes: [true, false, false, false, true],
      want: [true, true, true, false, true],
    },
    {
      name: 'a success in between resets the failure run',
      type: 'readiness' as const,
      over: {},
      outcomes: [true, false, false, true, false, false],
      want: [true, true, true, true, true, true],
    },
    {
      name: 'startup starts Unknown (not started); one success starts it',
      type: 'startup' as const,
      over: {},
      outcomes: [false, true],
      want: [false, true],
    },
    {
      name: 'liveness starts as Success and fails after failureThreshold',
      type: 'liveness' as const,
      over: { failureThreshold: 2 },
      outcomes: [false, false],
      want: [true, false],
    },
  ])('$name', ({ type, over, outcomes, want }) => {
    expect(run(type, outcomes, over)).toEqual(want);
  });
});

describe('doProbe lifecycle', () => {
  it('a liveness failure asks for a kill, then holds until a new container ID', () => {
    const s = newProbeWorker('liveness');
    const sp = spec('liveness', { failureThreshold: 1 });
    expect(doProbe(s, sp, running, () => false)).toMatchObject({ probed: true, kill: true });
    let called = false;
    expect(doProbe(s, sp, running, () => (called = true))).toMatchObject({
      probed: false,
      reason: 'on-hold',
    });
    expect(called).toBe(false);
    // the restarted container gets a fresh Success and is probed again
    const step = doProbe(s, sp, { ...running, containerID: 'c2' }, () => true);
    expect(step).toMatchObject({ probed: true, success: true, kill: false });
    expect(s.result).toBe(true);
  });

  it.each([
    {
      name: 'within initialDelaySeconds',
      view: { runningForSeconds: 9 },
      type: 'readiness' as const,
      reason: 'initial-delay',
    },
    {
      name: 'liveness before the startup probe succeeded',
      view: { started: false },
      type: 'liveness' as const,
      reason: 'gated',
    },
    {
      name: 'startup after the container started',
      view: { started: true },
      type: 'startup' as const,
      reason: 'gated',
    },
    {
      name: 'no container yet',
      view: { containerID: undefined },
      type: 'readiness' as const,
      reason: 'no-container',
    },
    {
      name: 'container not running',
      view: { running: false },
      type: 'readiness' as const,
      reason: 'not-running',
    },
    {
      name: 'liveness while the pod is deleted',
      view: { podDeleting: true },
      type: 'liveness' as const,
      reason: 'deleting',
    },
  ])('skips: $name', ({ view, type, reason }) => {
    const s = newProbeWorker(type);
    let called = false;
    const step = doProbe(
      s,
      spec(type, { initialDelaySeconds: 10 }),
      { ...running, ...view },
      () => (called = true),
    );
    expect(step).toMatchObject({ probed: false, reason });
    expect(called).toBe(false);
  });

  it('a stopped container publishes Failure for readiness', () => {
    const s = newProbeWorker('readiness');
    doProbe(s, spec('readiness'), running, () => true);
    expect(s.result).toBe(true);
    expect(doProbe(s, spec('readiness'), { ...running, running: false }, () => true)).toMatchObject({
      changed: true,
    });
    expect(s.result).toBe(false);
  });
});

describe('doProbe property', () => {
  it('the published readiness result flips only after threshold-many equal outcomes in a row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (outcomes, successThreshold, failureThreshold) => {
          const sp = spec('readiness', { successThreshold, failureThreshold });
          const s = newProbeWorker('readiness');
          let published = false;
          outcomes.forEach((o, i) => {
            doProbe(s, sp, running, () => o);
            const need = o ? successThreshold : failureThreshold;
            const streak = outcomes.slice(Math.max(0, i - need + 1), i + 1);
            const flips = streak.length === need && streak.every((x) => x === o);
            if (flips) published = o;
            expect(s.result).toBe(published);
          });
        },
      ),
    );
  });
});
