// `kubectl logs` end to end: the demo images' lines, --previous after a crash, -f on virtual time, the pod a
// workload stands for (podutils.ByLogging), container defaulting, and kubectl's own errors.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';
import { byLogging } from './logsTargets';
import { kubeletOf } from '../../kubelet/eviction/oomKill';

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 2 });
  c.run('sim settle');
  return c;
}

describe('kubectl logs', () => {
  it('reads what a crashing container wrote, and its previous instance after the restart', () => {
    const c = cluster();
    c.run('kubectl run crash --image=kubesim/crash:5s');
    c.run('sim advance 3s');
    expect(c.run('kubectl logs crash')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Error from server (BadRequest): container "crash" in pod "crash" is waiting to start: ContainerCreating\n',
    });
    c.run('sim advance 4s');
    expect(c.run('kubectl logs crash').stdout).toBe('kubesim/crash: started, exiting with code 1 in 5s\n');
    expect(c.run('kubectl logs crash -p')).toMatchObject({
      code: 1,
      stderr:
        'Error from server (BadRequest): previous terminated container "crash" in pod "crash" not found\n',
    });
    c.run('sim advance 10s');
    const prev = c.run('kubectl logs crash --previous --timestamps');
    expect(prev.stdout).toMatch(
      /^\S+Z kubesim\/crash: started, exiting with code 1 in 5s\n\S+Z kubesim\/crash: exiting with code 1\n$/,
    );
    const [start, exit] = prev.stdout.split('\n').map((l) => Date.parse(l.split(' ')[0] ?? ''));
    expect((exit ?? 0) - (start ?? 0)).toBe(5000);
    // in back-off the kubelet serves the last instance; once restarted, the running one, which has one line so far
    expect(
      c.run('kubectl get pod crash -o jsonpath={.status.containerStatuses[0].state.waiting.reason}').stdout,
    ).toBe('CrashLoopBackOff');
    expect(c.run('kubectl logs crash').stdout).toBe(prev.stdout.replace(/^\S+ /gm, ''));
    const running = () =>
      c.run('kubectl get pod crash -o jsonpath={.status.containerStatuses[0].state.running.startedAt}')
        .stdout !== '';
    for (let i = 0; i < 30 && !running(); i++) c.run('sim advance 1s');
    expect(running()).toBe(true);
    expect(c.run('kubectl logs crash').stdout).toBe('kubesim/crash: started, exiting with code 1 in 5s\n');
  });

  it("keeps the logs of the running and the previous instance only, as the kubelet's container GC does", () => {
    const c = cluster();
    c.run('kubectl run crash --image=kubesim/crash:1s');
    c.run('sim advance 4s');
    const idOf = () =>
      c.run('kubectl get pod crash -o jsonpath={.status.containerStatuses[0].containerID}').stdout;
    const first = idOf();
    const logs = kubeletOf(c.runtime)?.logs;
    expect(logs?.read(first).length).toBeGreaterThan(0);
    c.run('sim advance 2m');
    expect(idOf()).not.toBe(first);
    expect(logs?.read(first)).toEqual([]);
  });

  it('follows a running container on virtual time until it exits (-f)', () => {
    const c = cluster();
    c.run('kubectl run crash --image=kubesim/crash:5s');
    c.run('sim advance 7s');
    const t0 = c.runtime.sim.clock.nowMs();
    expect(c.run('kubectl logs crash -f')).toEqual({
      code: 0,
      stdout: 'kubesim/crash: started, exiting with code 1 in 5s\nkubesim/crash: exiting with code 1\n',
      stderr: '',
    });
    expect(c.runtime.sim.clock.nowMs()).toBeGreaterThan(t0);
  });

  it('stops following when the cluster has nothing left to do, and says so', () => {
    const c = cluster();
    c.run('kubectl run hang --image=kubesim/hang:30s');
    c.run('sim settle');
    const r = c.run('kubectl logs hang -f');
    expect(r.stdout).toBe('kubesim/hang: started; it stops answering 30s from now\n');
    expect(r.stderr).toMatch(
      /^\(kubesim stopped following after .* of virtual time: the cluster has nothing left to do/,
    );
  });

  it('picks one pod of a Deployment (Found N pods) and tells why an ordinary image has no lines', () => {
    const c = cluster();
    c.run('kubectl create deployment web --image=nginx --replicas=3');
    c.run('sim settle');
    const r = c.run('kubectl logs deploy/web');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^Found 3 pods, using pod\/web-\S+\n\(kubesim: containers running nginx write no log lines/,
    );
  });

  it('prefixes each line with its pod and container (-l --prefix); --tail applies per pod', () => {
    const c = cluster();
    c.run('kubectl create deployment crash --image=kubesim/crash:1s --replicas=2');
    c.run('sim advance 10s');
    const lines = c.run('kubectl logs -l app=crash --prefix --previous').stdout.trim().split('\n');
    expect(lines.length).toBe(4);
    for (const l of lines) expect(l).toMatch(/^\[pod\/crash-\S+\/crash\] kubesim\/crash: /);
    const last = c.run('kubectl logs -l app=crash --previous --tail=1').stdout.trim().split('\n');
    expect(last).toEqual(['kubesim/crash: exiting with code 1', 'kubesim/crash: exiting with code 1']);
  });

  it('defaults to the first container of several, saying so, or to the default-container annotation', () => {
    const c = cluster();
    const pod = (annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: two
${annotations}spec:
  containers:
  - name: a
    image: kubesim/unready
  - name: b
    image: kubesim/hang:1m
`;
    c.run('kubectl apply -f -', pod());
    c.run('sim settle');
    expect(c.run('kubectl logs two')).toEqual({
      code: 0,
      stdout: 'kubesim/unready: started; it will never report ready\n',
      stderr: 'Defaulted container "a" out of: a, b\n',
    });
    expect(c.run('kubectl logs two b').stdout).toBe(
      'kubesim/hang: started; it stops answering 1m0s from now\n',
    );
    expect(c.run('kubectl logs two --all-containers').stdout.split('\n').length).toBe(3);
    c.run('kubectl delete pod two');
    c.run('sim settle');
    c.run('kubectl apply -f -', pod('  annotations:\n    kubectl.kubernetes.io/default-container: b\n'));
    c.run('sim settle');
    expect(c.run('kubectl logs two')).toMatchObject({
      stderr: '',
      stdout: expect.stringContaining('kubesim/hang'),
    });
  });

  it('cannot reach the kubelet of a machine that is down', () => {
    const c = cluster();
    c.run('kubectl run p --image=kubesim/unready');
    c.run('sim settle');
    const node = c.run('kubectl get pod p -o jsonpath={.spec.nodeName}').stdout;
    c.run(`sim node fail ${node}`);
    expect(c.run('kubectl logs p').stderr).toMatch(
      /^Error from server: Get "https:\/\/[\d.]+:10250\/containerLogs\/default\/p\/p": dial tcp [\d.]+:10250: i\/o timeout\n$/,
    );
  });

  it.each([
    [
      'kubectl logs',
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    ],
    [
      'kubectl logs -l app=x p',
      "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n",
    ],
    [
      'kubectl logs nope',
      'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    ],
    [
      'kubectl logs deploy/nope',
      'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n',
    ],
    ['kubectl logs p -c nope', 'error: container nope is not valid for pod p out of: p\n'],
    ['kubectl logs p --tail=-2', 'error: --tail must be greater than or equal to -1\n'],
    [
      'kubectl logs p --since=5m --since-time=2025-01-01T00:00:00Z',
      'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n',
    ],
    ['kubectl logs p c -c c', 'error: only one of -c or an inline [CONTAINER] arg is allowed\n'],
    [
      'kubectl logs p --all-containers -c p',
      'error: --all-containers=true should not be specified with container name p\n',
    ],
    ['kubectl logs p --pod-running-timeout=0s', 'error: --pod-running-timeout must be higher than zero\n'],
    [
      'kubectl logs configmap/kube-root-ca.crt',
      'error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n',
    ],
  ])('%s fails as kubectl does', (line, stderr) => {
    const c = cluster();
    c.run('kubectl run p --image=nginx');
    expect(c.run(line)).toEqual({ code: 1, stdout: '', stderr });
  });
});

describe('podutils.ByLogging', () => {
  const p = (
    name: string,
    s: { node?: string; phase?: string; ready?: string; restarts?: number; created?: string },
  ): Pod => ({
    metadata: { name, creationTimestamp: s.created ?? '2025-01-01T00:00:00Z' },
    spec: { containers: [{ name: 'c' }], ...(s.node ? { nodeName: s.node } : {}) },
    status: {
      phase: s.phase ?? 'Running',
      conditions: s.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: s.ready }] : [],
      containerStatuses: [
        { name: 'c', image: 'x', imageID: '', ready: !!s.ready, restartCount: s.restarts ?? 0 },
      ],
    },
  });
  it.each<[string, Pod, Pod]>([
    ['assigned before unassigned', p('b', { node: 'n' }), p('a', {})],
    ['Running before Pending', p('b', { node: 'n' }), p('a', { node: 'n', phase: 'Pending' })],
    ['ready before not ready', p('b', { node: 'n', ready: '2025-01-01T00:01:00Z' }), p('a', { node: 'n' })],
    [
      'ready longer first',
      p('b', { node: 'n', ready: '2025-01-01T00:01:00Z' }),
      p('a', { node: 'n', ready: '2025-01-01T00:02:00Z' }),
    ],
    ['more restarts first', p('b', { node: 'n', restarts: 3 }), p('a', { node: 'n', restarts: 1 })],
    [
      'older first',
      p('b', { node: 'n', created: '2025-01-01T00:00:00Z' }),
      p('a', { node: 'n', created: '2025-01-01T00:00:05Z' }),
    ],
  ])('%s', (_name, first, second) => {
    expect([second, first].sort(byLogging).map((x) => x.metadata?.name)).toEqual(['b', 'a']);
  });
});
