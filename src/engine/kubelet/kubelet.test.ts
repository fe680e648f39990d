// The kubelet's pod lifecycle through a whole cluster: start stages, readiness, crash loops, termination, dead nodes.
import { describe, expect, it } from 'vitest';
import {
  bindPod,
  clusterWithKubelet,
  conditionOf,
  eventsFor,
  phaseOf,
  podOf,
  timeUntil,
} from './testSupport';

interface CsLite {
  state: {
    waiting?: { reason: string };
    running?: unknown;
    terminated?: { exitCode: number; reason: string };
  };
  restartCount: number;
  ready: boolean;
  started: boolean;
}

function containerStatus(pod: ReturnType<typeof podOf>, init = false): CsLite | undefined {
  const s = pod?.status as { containerStatuses?: CsLite[]; initContainerStatuses?: CsLite[] } | undefined;
  return (init ? s?.initContainerStatuses : s?.containerStatuses)?.[0];
}

describe('kubelet pod start', () => {
  it('goes Pending/ContainerCreating -> Running -> Ready with the stage delays and Kubernetes events', () => {
    const { cluster } = clusterWithKubelet();
    bindPod(cluster, 'web', 'node-1');
    const admitted = timeUntil(cluster, () => containerStatus(podOf(cluster, 'web')) !== undefined);
    expect(admitted).toBeLessThanOrEqual(30);
    const pending = podOf(cluster, 'web');
    expect(phaseOf(pending)).toBe('Pending');
    expect(containerStatus(pending)?.state.waiting?.reason).toBe('ContainerCreating');
    // SyncPod writes its status before the runtime makes the sandbox and pulls: no IP yet, however long the pull
    timeUntil(cluster, () => eventsFor(cluster, 'web').some((e) => e.reason === 'Pulling'));
    const pulling = podOf(cluster, 'web');
    expect((pulling?.status as { podIP?: string }).podIP).toBeUndefined();
    expect(conditionOf(pulling, 'PodReadyToStartContainers')).toBe('False');
    const running = timeUntil(cluster, () => phaseOf(podOf(cluster, 'web')) === 'Running');
    // the next status brings the sandbox's IP and condition, stamped when that status was generated
    const sandboxCond = (
      podOf(cluster, 'web')?.status as { conditions?: { type: string; lastTransitionTime?: string }[] }
    ).conditions?.find((c) => c.type === 'PodReadyToStartContainers');
    expect(sandboxCond?.lastTransitionTime).toBe(cluster.runtime.sim.clock.nowRfc3339());
    // sandbox 100-200 ms + pull 1-3 s + create 50-100 ms
    expect(running).toBeGreaterThanOrEqual(1100);
    expect(running).toBeLessThanOrEqual(3400);
    const pod = podOf(cluster, 'web');
    expect(conditionOf(pod, 'Ready')).toBe('True');
    expect(conditionOf(pod, 'ContainersReady')).toBe('True');
    expect(conditionOf(pod, 'PodScheduled')).toBe('True');
    const status = pod?.status as { podIP?: string; hostIP?: string; startTime?: string; qosClass?: string };
    expect(status.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(status.hostIP).toBe('172.18.0.3');
    expect(status.qosClass).toBe('BestEffort');
    expect(containerStatus(pod)).toMatchObject({ ready: true, started: true, restartCount: 0 });
    const reasons = eventsFor(cluster, 'web').map((e) => e.reason);
    expect(reasons).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    const msgs = eventsFor(cluster, 'web').map((e) => e.message);
    expect(msgs).toContain('Pulling image "nginx:1.27"');
    expect(msgs.find((m) => m.startsWith('Successfully pulled image "nginx:1.27" in '))).toMatch(
      /including waiting\)\. Image size: \d+ bytes\.$/,
    );
    expect(msgs).toContain('Created container: nginx');
    expect(msgs).toContain('Started container nginx');
  });

  it('does not pull an image already on the node, and gives each pod its own IP', () => {
    const { cluster } = clusterWithKubelet();
    bindPod(cluster, 'a', 'node-1');
    timeUntil(cluster, () => phaseOf(podOf(cluster, 'a')) === 'Running');
    bindPod(cluster, 'b', 'node-1');
    const t = timeUntil(cluster, () => phaseOf(podOf(cluster, 'b')) === 'Running');
    expect(t).toBeLessThan(500);
    expect(eventsFor(cluster, 'b').map((e) => e.message)).toContain(
      'Container image "nginx:1.27" already present on machine',
    );
    const ip = (n: string) => (podOf(cluster, n)?.status as { podIP?: string }).podIP;
    expect(ip('a')).not.toBe(ip('b'));
  });

  it('runs init containers to completion first', () => {
    const { cluster } = clusterWithKubelet();
    bindPod(cluster, 'job', 'node-2', { initContainers: 1 });
    timeUntil(cluster, () => containerStatus(podOf(cluster, 'job'), true)?.state.running !== undefined);
    expect(conditionOf(podOf(cluster, 'job'), 'Initialized')).toBe('False');
    expect(containerStatus(podOf(cluster, 'job'))?.state.waiting?.reason).toBe('PodInitializing');
    timeUntil(cluster, () => phaseOf(podOf(cluster, 'job')) === 'Running');
    const pod = podOf(cluster, 'job');
    expect(conditionOf(pod, 'Initialized')).toBe('True');
    expect(containerStatus(pod, true)?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('becomes Ready only after the readiness probe initial delay', () => {
    const { cluster } = clusterWithKubelet();
    bindPod(cluster, 'web', 'node-1', { readinessProbe: { initialDelaySeconds: 20, periodSeconds: 10 } });
    timeUntil(cluster, () => phaseOf(podOf(cluster, 'web')) === 'Running');
    expect(conditionOf(podOf(cluster, 'web'), 'Ready')).toBe('False');
    const t = timeUntil(cluster, () => conditionOf(podOf(cluster, 'web'), 'Ready') === 'True');
    expect(t).toBeGreaterThanOrEqual(20_000);
    expect(t).toBeLessThanOrEqual(30_000);
  });

  it('never becomes Ready when the app fails its readiness probe', () => {
    const { cluster } = clusterWithKubelet();
    bindPod(cluster, 'web', 'node-1', {
      readinessProbe: {},
      annotations: { 'kubesim.io/readiness': 'fail' },
    });
    cluster.runtime.sim.advance(120_000);
    expect(phaseOf(podOf(cluster, 'web'))).toBe('Running');
    expect(conditionOf(podOf(cluster, 'web'), 'Ready')).toBe('False');
  });
});

describe('kubelet crashes', () => {
  it('restarts with CrashLoopBackOff: at once, then 10s, 20s, 40s', () => {
    const { cluster } = clusterWithKubelet();
    bindPod(cluster, 'crash', 'node-1', { annotations: { 'kubesim.io/crash-after': '5s' } });
    timeUntil(cluster, () => phaseOf(podOf(cluster, 'crash')) === 'Running');
    const restarts = () => containerStatus(podOf(cluster, 'crash'))?.restartCount ?? 0;
    const gaps: number[] = [];
    for (let k = 1; k <= 4; k++) gaps.push(timeUntil(cluster, () => restarts() === k));
    // each run lasts 5 s; then the back-off (0, 10, 20, 40 s) plus the restart stage (<= 200 ms). The pod worker
    // requeues a pod in back-off for the back-off's expiry jittered up to 50% later (pod_workers.go completeWork:
    // wait.Jitter(backoff, workerBackOffPeriodJitterFactor)), so a restart may come up to half the back-off late
    const backoff = [0, 10_000, 20_000, 40_000];
    gaps.forEach((g, i) => {
      const b = backoff[i] as number;
      expect(g).toBeGreaterThanOrEqual(5_000 + b);
      expect(g).toBeLessThanOrEqual(5_000 + b * 1.5 + 300);
    });
    timeUntil(
      cluster,
      () => containerStatus(podOf(cluster, 'crash'))?.state.waiting?.reason === 'CrashLoopBackOff',
    );
    const pod = podOf(cluster, 'crash');
    expect(phaseOf(pod)).toBe('Running');
    expect(
      (pod?.status as { containerStatuses: { lastState: unknown }[] }).containerStatuses[0]?.lastState,
    ).toMatchObject({
      terminated: { exitCode: 1, reason: 'Error' },
    });
    const uid = pod?.metadata.uid ?? '';
    expect(eventsFor(cluster, 'crash').map((e) => e.message)).toContain(
      `Back-off restarting failed container nginx in pod crash_default(${uid})`,
    );
  });

  it.each([
    { name: 'Never, exit 1 -> Failed', restartPolicy: 'Never', exit: '1', phase: 'Failed' },
    { name: 'Never, exit 0 -> Succeeded', restartPolicy: 'Never', exit: '0', phase: 'Succeeded' },
    { name: 'OnFailure, exit 0 -> Succeeded', restartPolicy: 'OnFailure', exit: '0', phase: 'Succeeded' },
  ])('$name', ({ restartPolicy, exit, phase }) => {
    const { cluster } = clusterWithKubelet();
    bindPod(cluster, 'task', 'node-1', {
      restartPolicy,
      annotations: { 'kubesim.io/crash-after': '3s', 'kubesim.io/exit-code': exit },
    });
    timeUntil(cluster, () => phaseOf(podOf(cluster, 'task')) === phase);
    expect(containerStatus(podOf(cluster, 'task'))?.restartCount).toBe(0);
    expect(conditionOf(podOf(cluster, 'task'), 'Ready')).toBe('False');
  });
});

describe('kubelet termination', () => {
  it.each([
    { name: 'default stop time (~1 s)', annotations: {} as Record<string, string>, min: 1_000, max: 1_400 },
    { name: 'stop-delay 10s', annotations: { 'kubesim.io/stop-delay': '10s' }, min: 10_000, max: 10_200 },
    {
      name: 'stop-delay past the 30 s grace period is cut at 30 s',
      annotations: { 'kubesim.io/stop-delay': '2m' },
      min: 30_000,
      max: 30_200,
    },
  ])('graceful deletion removes the pod after the stop delay: $name', ({ annotations, min, max }) => {
    const { cluster } = clusterWithKubelet();
    bindPod(cluster, 'web', 'node-1', { annotations });
    timeUntil(cluster, () => phaseOf(podOf(cluster, 'web')) === 'Running');
    cluster.runtime.api.delete('pods', 'default', 'web', {}, { actor: 'kubectl' });
    expect(podOf(cluster, 'web')?.metadata.deletionTimestamp).toBeDefined();
    const t = timeUntil(cluster, () => podOf(cluster, 'web') === undefined);
    expect(t).toBeGreaterThanOrEqual(min);
    expect(t).toBeLessThanOrEqual(max);
    expect(eventsFor(cluster, 'web').map((e) => e.message)).toContain('Stopping container nginx');
  });

  it('leaves a pod on a failed machine Terminating until the machine recovers', () => {
    const { cluster } = clusterWithKubelet();
    bindPod(cluster, 'web', 'node-2');
    timeUntil(cluster, () => phaseOf(podOf(cluster, 'web')) === 'Running');
    expect(cluster.run('sim node fail node-2').code).toBe(0);
    cluster.runtime.api.delete('pods', 'default', 'web', {}, { actor: 'kubectl' });
    cluster.runtime.sim.advance(15 * 60_000);
    const pod = podOf(cluster, 'web');
    expect(pod?.metadata.deletionTimestamp).toBeDefined();
    expect(phaseOf(pod)).toBe('Running');
    cluster.run('sim node recover node-2');
    timeUntil(cluster, () => podOf(cluster, 'web') === undefined, 60_000);
  });

  it('does not start a pod bound to a failed machine until it recovers', () => {
    const { cluster } = clusterWithKubelet();
    cluster.run('sim node fail node-1');
    bindPod(cluster, 'web', 'node-1');
    cluster.runtime.sim.advance(60_000);
    expect(containerStatus(podOf(cluster, 'web'))).toBeUndefined();
    cluster.run('sim node recover node-1');
    timeUntil(cluster, () => phaseOf(podOf(cluster, 'web')) === 'Running', 60_000);
  });
});
