// Table tests of the kubelet's pure planners: back-off, probe timing, IPAM, image names, phases of stopping.
import { describe, expect, it } from 'vitest';
import { crashBackoffMs } from './stages';
import { firstProbeDelayMs } from './probeFlow';
import { normalizeImage, needsPull } from './images';
import { stopDelayMs } from './stopFlow';
import { shouldRestart } from './crashFlow';

describe('crashBackoffMs (kubelet CrashLoopBackOff)', () => {
  it.each([
    { restarts: 0, want: 0 },
    { restarts: 1, want: 10_000 },
    { restarts: 2, want: 20_000 },
    { restarts: 3, want: 40_000 },
    { restarts: 5, want: 160_000 },
    { restarts: 6, want: 300_000 },
    { restarts: 20, want: 300_000 },
  ])('crash after $restarts earlier crashes waits $want ms', ({ restarts, want }) => {
    expect(crashBackoffMs(restarts)).toBe(want);
  });
});

describe('firstProbeDelayMs (prober worker ticks)', () => {
  it.each([
    { name: 'no initial delay, started on a tick', admitted: 0, started: 0, initial: 0, period: 10, want: 0 },
    {
      name: 'no initial delay, started between ticks',
      admitted: 0,
      started: 2_500,
      initial: 0,
      period: 10,
      want: 7_500,
    },
    { name: 'initial delay 20 s', admitted: 0, started: 2_500, initial: 20, period: 10, want: 27_500 },
    {
      name: 'initial delay equal to tick distance',
      admitted: 0,
      started: 5_000,
      initial: 5,
      period: 5,
      want: 5_000,
    },
  ])('$name', ({ admitted, started, initial, period, want }) => {
    expect(
      firstProbeDelayMs(admitted, started, { initialDelaySeconds: initial, periodSeconds: period }),
    ).toBe(want);
  });
});

describe('images', () => {
  it.each([
    { image: 'nginx', want: 'docker.io/library/nginx:latest' },
    { image: 'nginx:1.27', want: 'docker.io/library/nginx:1.27' },
    { image: 'bitnami/redis:7', want: 'docker.io/bitnami/redis:7' },
    { image: 'registry.k8s.io/pause:3.9', want: 'registry.k8s.io/pause:3.9' },
    { image: 'localhost:5000/app', want: 'localhost:5000/app:latest' },
  ])('normalizes $image', ({ image, want }) => expect(normalizeImage(image)).toBe(want));
  it.each([
    { policy: undefined, image: 'nginx', present: true, want: true },
    { policy: undefined, image: 'nginx:1.27', present: true, want: false },
    { policy: 'IfNotPresent', image: 'nginx:1.27', present: false, want: true },
    { policy: 'Always', image: 'nginx:1.27', present: true, want: true },
    { policy: 'Never', image: 'nginx:1.27', present: false, want: false },
  ])('pull $image policy $policy present $present -> $want', ({ policy, image, present, want }) => {
    expect(needsPull(policy, image, present)).toBe(want);
  });
});

describe('stopping and restarting', () => {
  it.each([
    { requested: 1_000, grace: 30, want: { delayMs: 1_000, killed: false } },
    { requested: 45_000, grace: 30, want: { delayMs: 30_000, killed: true } },
    { requested: 1_000, grace: 0, want: { delayMs: 0, killed: true } },
  ])('stop after $requested ms with grace $grace s', ({ requested, grace, want }) => {
    expect(stopDelayMs(requested, grace)).toEqual(want);
  });
  it.each([
    { policy: 'Always' as const, exit: 0, want: true },
    { policy: 'OnFailure' as const, exit: 0, want: false },
    { policy: 'OnFailure' as const, exit: 2, want: true },
    { policy: 'Never' as const, exit: 1, want: false },
  ])('restartPolicy $policy exit $exit -> restart $want', ({ policy, exit, want }) => {
    expect(shouldRestart(policy, exit)).toBe(want);
  });
});
