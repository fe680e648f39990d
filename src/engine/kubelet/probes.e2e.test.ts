// Liveness, readiness and startup probes, injected faults (`sim pod ...`) and the demo images, end to end through
// cluster.run: what a learner sees in `kubectl get pods`, pod status and Events.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { Cluster } from '../index';

interface CsLite {
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: { waiting?: { reason: string; message?: string }; running?: unknown };
  lastState: { terminated?: { exitCode: number; reason: string } };
}

function status(c: Cluster, name: string): CsLite {
  const pod = JSON.parse(c.run(`kubectl get pod ${name} -o json`).stdout) as {
    status: { containerStatuses?: CsLite[] };
  };
  return pod.status.containerStatuses?.[0] ?? ({ state: {}, lastState: {} } as CsLite);
}

function events(c: Cluster, name: string, reason: string): string[] {
  return c.runtime.api
    .list('events', 'default')
    .items.filter((e) => (e.involvedObject as { name?: string }).name === name && e.reason === reason)
    .map((e) => String(e.message));
}

function pod(name: string, image: string, probes: string): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: ${name}}}
spec:
  containers:
  - name: app
    image: ${image}
    ports: [{name: http, containerPort: 8080}]
${probes}`;
}

const LIVENESS = `    livenessProbe:
      httpGet: {path: /healthz, port: http}
      periodSeconds: 5
      failureThreshold: 2
`;

describe('liveness probe', () => {
  it('restarts a container that stops answering, with Unhealthy and Killing events', () => {
    const c = createCluster({ seed: 11 });
    c.run('kubectl apply -f -', pod('live', 'kubesim/hang:20s', LIVENESS));
    c.run('sim advance 19s');
    expect(status(c, 'live').restartCount).toBe(0);
    expect(events(c, 'live', 'Unhealthy')).toEqual([]);
    c.run('sim advance 21s');
    const s = status(c, 'live');
    expect(s.restartCount).toBe(1);
    expect(s.lastState.terminated).toBeDefined();
    const ip = (JSON.parse(c.run('kubectl get pod live -o json').stdout) as { status: { podIP: string } })
      .status.podIP;
    expect(events(c, 'live', 'Unhealthy')).toEqual([
      `Liveness probe failed: Get "http://${ip}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    ]);
    expect(events(c, 'live', 'Killing')).toEqual(['Container app failed liveness probe, will be restarted']);
  });

  it('sim pod fail-liveness hangs the app until the liveness probe restarts it; the new container is healthy', () => {
    const c = createCluster({ seed: 12 });
    c.run('kubectl apply -f -', pod('web', 'nginx:1.27', LIVENESS));
    c.run('sim advance 30s');
    expect(c.run('sim pod fail-liveness web').stdout).toBe(
      'pod/web: container app stopped answering: its liveness probe will fail until it is restarted\n',
    );
    c.run('sim advance 30s');
    expect(status(c, 'web').restartCount).toBe(1);
    c.run('sim advance 5m');
    // the restarted container is a fresh process: no more failures
    expect(status(c, 'web').restartCount).toBe(1);
    expect(status(c, 'web').ready).toBe(true);
  });
});

describe('liveness kill grace period', () => {
  it.each([
    {
      name: "the pod's grace period (30 s) lets a slow app exit by itself",
      probeGrace: '',
      exit: 0,
      within: 50,
    },
    {
      name: 'the probe-level terminationGracePeriodSeconds (2 s) cuts it short: SIGKILL',
      probeGrace: '      terminationGracePeriodSeconds: 2\n',
      exit: 137,
      within: 30,
    },
  ])('$name', ({ probeGrace, exit, within }) => {
    const c = createCluster({ seed: 23 });
    const y = pod('slowstop', 'kubesim/hang:10s', `${LIVENESS}${probeGrace}`).replace(
      'metadata: {name: slowstop, labels: {app: slowstop}}',
      'metadata: {name: slowstop, labels: {app: slowstop}, annotations: {kubesim.io/stop-delay: 20s}}',
    );
    c.run('kubectl apply -f -', y);
    c.run(`sim advance ${within}s`);
    const s = status(c, 'slowstop');
    expect(s.restartCount).toBe(1);
    expect(s.lastState.terminated?.exitCode).toBe(exit);
  });
});

describe('startup probe', () => {
  it('without one, a slow starter is killed by its liveness probe again and again', () => {
    const c = createCluster({ seed: 13 });
    c.run('kubectl apply -f -', pod('slow', 'kubesim/slow-start:40s', LIVENESS));
    c.run('sim advance 3m');
    const s = status(c, 'slow');
    expect(s.restartCount).toBeGreaterThanOrEqual(2);
    expect(events(c, 'slow', 'Unhealthy')[0]).toMatch(
      /^Liveness probe failed: Get "http:\/\/[\d.]+:8080\/healthz": dial tcp [\d.]+:8080: connect: connection refused$/,
    );
  });

  it('with one, liveness waits until the app started; then the pod is Ready without restarts', () => {
    const c = createCluster({ seed: 13 });
    const probes = `${LIVENESS}    startupProbe:
      httpGet: {path: /healthz, port: http}
      periodSeconds: 2
      failureThreshold: 30
`;
    c.run('kubectl apply -f -', pod('slow', 'kubesim/slow-start:40s', probes));
    c.run('sim advance 30s');
    expect(status(c, 'slow')).toMatchObject({ started: false, ready: false, restartCount: 0 });
    c.run('sim advance 20s');
    expect(status(c, 'slow')).toMatchObject({ started: true, ready: true, restartCount: 0 });
    expect(events(c, 'slow', 'Unhealthy').every((m) => m.startsWith('Startup probe failed: '))).toBe(true);
    expect(events(c, 'slow', 'Killing')).toEqual([]);
  });

  it('a startup probe that never succeeds restarts the container', () => {
    const c = createCluster({ seed: 14 });
    const probes = `    startupProbe:
      tcpSocket: {port: 8080}
      periodSeconds: 2
      failureThreshold: 5
`;
    c.run('kubectl apply -f -', pod('never', 'kubesim/slow-start:10m', probes));
    c.run('sim advance 30s');
    expect(status(c, 'never').restartCount).toBeGreaterThanOrEqual(1);
    expect(events(c, 'never', 'Killing')).toContain('Container app failed startup probe, will be restarted');
  });
});

describe('readiness probe and sim pod faults', () => {
  it('fail-readiness takes the pod out of its Service after failureThreshold probes; heal brings it back', () => {
    const c = createCluster({ seed: 15 });
    const probes = `    readinessProbe:
      httpGet: {path: /ready, port: 8080}
      periodSeconds: 5
`;
    c.run('kubectl apply -f -', pod('web', 'nginx:1.27', probes));
    c.run('kubectl expose pod web --port 80 --target-port 8080');
    c.run('sim advance 20s');
    const ready = (): string =>
      c.run(
        'kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath={.items[0].endpoints[0].conditions.ready}',
      ).stdout;
    expect(ready()).toBe('true');
    c.run('sim pod fail-readiness web');
    c.run('sim advance 9s');
    expect(status(c, 'web').ready).toBe(true); // two failures: still under failureThreshold 3
    c.run('sim advance 10s');
    expect(status(c, 'web').ready).toBe(false);
    expect(ready()).toBe('false');
    expect(events(c, 'web', 'Unhealthy')[0]).toBe(
      'Readiness probe failed: HTTP probe failed with statuscode: 500',
    );
    c.run('sim pod heal web');
    c.run('sim advance 10s');
    expect(status(c, 'web').ready).toBe(true);
    expect(ready()).toBe('true');
  });

  it('sim pod crash exits the container with the given code and the kubelet restarts it', () => {
    const c = createCluster({ seed: 16 });
    c.run('kubectl run web --image=nginx:1.27');
    c.run('sim advance 10s');
    expect(c.run('sim pod crash pod/web --exit-code 3').stdout).toBe(
      'pod/web: container app exited with code 3\n'.replace('app', 'web'),
    );
    c.run('sim advance 2s');
    const s = status(c, 'web');
    expect(s.restartCount).toBe(1);
    expect(s.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });

  it.each([
    { cmd: 'sim pod crash nope', err: 'Error from server (NotFound): pods "nope" not found\n' },
    { cmd: 'sim pod crash web -c sidecar', err: 'error: container sidecar is not valid for pod web\n' },
    {
      cmd: 'sim pod crash web --exit-code 300',
      err: 'error: --exit-code must be an integer from 0 to 255, got "300"\n',
    },
    { cmd: 'sim pod heal', err: 'error: usage: sim pod heal POD [-n NAMESPACE] [-c CONTAINER]\n' },
  ])('$cmd fails clearly', ({ cmd, err }) => {
    const c = createCluster({ seed: 17 });
    c.run('kubectl run web --image=nginx:1.27');
    c.run('sim advance 10s');
    const r = c.run(cmd);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe(err);
  });

  it('refuses to act on a pod whose node is down', () => {
    const c = createCluster({ seed: 18 });
    c.run('kubectl run web --image=nginx:1.27');
    c.run('sim advance 10s');
    const node = c.run('kubectl get pod web -o jsonpath={.spec.nodeName}').stdout;
    c.run(`sim node fail ${node}`);
    expect(c.run('sim pod crash web').stderr).toBe(`error: node ${node} is down: nothing runs pod web\n`);
  });
});

describe('demo images', () => {
  it('a missing image shows ErrImagePull, then ImagePullBackOff, and the kubelet retries with back-off', () => {
    const c = createCluster({ seed: 19 });
    c.run('kubectl run bad --image=nginx:doesnotexist');
    c.runtime.sim.runUntil(() => status(c, 'bad').state.waiting?.reason === 'ErrImagePull', 10_000);
    const ref = 'docker.io/library/nginx:doesnotexist';
    expect(status(c, 'bad').state.waiting?.message).toBe(
      `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
    );
    c.run('sim advance 2s');
    expect(status(c, 'bad').state.waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "nginx:doesnotexist"',
    });
    expect(c.run('kubectl get pods').stdout).toMatch(/bad\s+0\/1\s+ImagePullBackOff\s+0/);
    expect(events(c, 'bad', 'Failed')).toEqual(
      expect.arrayContaining(['Error: ErrImagePull', 'Error: ImagePullBackOff']),
    );
    // pulls at ~0 s, then after 10 s, 20 s, 40 s of back-off: 4 attempts within 80 s
    c.run('sim advance 80s');
    const pulling = c.runtime.api
      .list('events', 'default')
      .items.find((e) => (e.involvedObject as { name?: string }).name === 'bad' && e.reason === 'Pulling');
    expect(pulling?.count).toBe(4);
  });

  it('kubesim/crash:3s crash-loops; kubesim/unready runs but is never Ready', () => {
    const c = createCluster({ seed: 20 });
    c.run('kubectl run crash --image=kubesim/crash:3s');
    c.run(
      'kubectl apply -f -',
      pod('unready', 'kubesim/unready', '    readinessProbe: {tcpSocket: {port: 8080}}\n'),
    );
    c.run('sim advance 40s');
    expect(c.run('kubectl get pods').stdout).toMatch(/crash\s+0\/1\s+CrashLoopBackOff/);
    expect(status(c, 'crash').lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(status(c, 'unready')).toMatchObject({ ready: false, started: true, restartCount: 0 });
  });

  it('imagePullPolicy Never with the image not on the node: ErrImageNeverPull', () => {
    const c = createCluster({ seed: 21 });
    c.run('kubectl run never --image=nginx:1.27 --image-pull-policy=Never');
    c.run('sim advance 5s');
    expect(status(c, 'never').state.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "nginx:1.27" is not present with pull policy of Never',
    });
  });
});

describe('probes and sim settle', () => {
  it('settle waits for a readiness probe to pass, not for probes that change nothing', () => {
    const c = createCluster({ seed: 22 });
    c.run(
      'kubectl apply -f -',
      pod(
        'web',
        'nginx:1.27',
        `${LIVENESS}    readinessProbe:\n      tcpSocket: {port: 8080}\n      initialDelaySeconds: 20\n`,
      ),
    );
    c.run(
      'kubectl apply -f -',
      pod('sad', 'kubesim/unready', '    readinessProbe: {tcpSocket: {port: 8080}}\n'),
    );
    c.run('sim settle');
    // Ready after its initial delay; healthy liveness ticks and the never-ready pod's failing ticks don't hold settle
    expect(status(c, 'web').ready).toBe(true);
    expect(c.nowMs()).toBeLessThan(40_000);
    expect(status(c, 'sad')).toMatchObject({ ready: false, restartCount: 0 });
  });
});
