// End-to-end: the Deployment controller with the ReplicaSet controller in a cluster (fake kubelet for readiness).
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import type { KubeObject } from '../../types/object';
import { controllerManagerComponents } from '../manager';
import { replicaSetController } from '../replicaset/index';
import { deploymentController } from './index';
import { fakeKubelet, type FakeKubeletOptions } from './fakeKubelet';

function cluster(k: FakeKubeletOptions = {}): Cluster {
  const c = createCluster({ seed: 3, nodes: 1, controlPlane: false });
  for (const comp of controllerManagerComponents([deploymentController, replicaSetController]))
    c.runtime.addComponent(comp);
  c.runtime.addComponent(fakeKubelet(k));
  return c;
}

const deployYaml = (o: { replicas?: number; strategy?: string; extra?: string } = {}) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${o.replicas ?? 3}
  selector: {matchLabels: {app: web}}
  ${o.strategy === 'Recreate' ? 'strategy: {type: Recreate}' : ''}
  ${o.extra ?? ''}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: 'nginx:1.25'}]}
`;

const api = (c: Cluster) => c.runtime.api;
const run = (c: Cluster, cmd: string, stdin?: string) => {
  const r = c.run(cmd, stdin);
  expect(r.stderr, cmd).toBe('');
  return r.stdout;
};
const settle = (c: Cluster, ms = 120_000) => c.runtime.sim.settle(ms);
const deploy = (c: Cluster) =>
  api(c).get('deployments', 'default', 'web') as KubeObject & { status?: Record<string, unknown> };
const replicaSets = (c: Cluster) =>
  api(c)
    .list('replicasets', 'default')
    .items.sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
const rev = (o: KubeObject) => o.metadata.annotations?.['deployment.kubernetes.io/revision'];
const specOf = (o: KubeObject) => (o.spec as { replicas?: number }).replicas;
const scalingEvents = (c: Cluster) =>
  api(c)
    .list('events', 'default')
    .items.filter((e) => e.reason === 'ScalingReplicaSet')
    .map((e) => `${(e.source as { component: string }).component}: ${String(e.message)}`);
const livePods = (c: Cluster) =>
  api(c)
    .list('pods', 'default')
    .items.filter((p) => !p.metadata.deletionTimestamp);
const isReady = (p: KubeObject) =>
  ((p.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some(
    (x) => x.type === 'Ready' && x.status === 'True',
  );

describe('Deployment controller e2e', () => {
  it('create -> RS <name>-<hash> with revision 1, a ScalingReplicaSet event and a complete status', () => {
    const c = cluster();
    run(c, 'kubectl apply -f -', deployYaml());
    settle(c);
    const [rs] = replicaSets(c);
    expect(rs?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rev(rs!)).toBe('1');
    expect(rs?.metadata.labels?.['pod-template-hash']).toBe(rs?.metadata.name?.slice(4));
    expect(rs?.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('3');
    expect(rs?.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('4');
    expect(scalingEvents(c)).toEqual([
      `deployment-controller: Scaled up replica set ${rs?.metadata.name} from 0 to 3`,
    ]);
    const d = deploy(c);
    expect(rev(d)).toBe('1');
    expect(d.metadata.generation).toBe(1);
    expect(d.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    const conds = (d.status?.conditions as { type: string; reason: string; message: string }[]).map((x) => [
      x.type,
      x.reason,
      x.message,
    ]);
    expect(conds).toEqual([
      ['Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      [
        'Progressing',
        'NewReplicaSetAvailable',
        `ReplicaSet "${rs?.metadata.name}" has successfully progressed.`,
      ],
    ]);
    expect(run(c, 'kubectl rollout status deployment/web')).toBe(
      'deployment "web" successfully rolled out\n',
    );
  });

  it('set image rolls within maxSurge/maxUnavailable at every step; undo makes the old RS revision 3', () => {
    const c = cluster();
    run(c, 'kubectl apply -f -', deployYaml({ replicas: 10 }));
    settle(c);
    let maxLive = 0;
    let minReady = Infinity;
    const stop = c.watchAll(() => {
      const live = livePods(c);
      maxLive = Math.max(maxLive, live.length);
      minReady = Math.min(minReady, live.filter(isReady).length);
    });
    run(c, 'kubectl set image deployment/web nginx=nginx:1.26');
    const status = run(c, 'kubectl rollout status deployment/web');
    stop();
    expect(status).toContain('Waiting for deployment "web" rollout to finish: ');
    expect(status.trimEnd().split('\n').at(-1)).toBe('deployment "web" successfully rolled out');
    expect(maxLive).toBeLessThanOrEqual(13);
    expect(minReady).toBeGreaterThanOrEqual(8);
    settle(c);
    const rss = replicaSets(c);
    expect(rss).toHaveLength(2);
    const byRev = Object.fromEntries(rss.map((r) => [rev(r), r]));
    expect(specOf(byRev['2']!)).toBe(10);
    expect(specOf(byRev['1']!)).toBe(0);
    expect(scalingEvents(c)).toContain(
      `deployment-controller: Scaled down replica set ${byRev['1']?.metadata.name} from 10 to 8`,
    );
    // kubectl warns on stderr about last-applied-configuration; the rollback itself succeeds
    expect(c.run('kubectl rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    settle(c);
    const first = api(c).get('replicasets', 'default', byRev['1']?.metadata.name ?? '');
    expect(rev(first)).toBe('3');
    expect(first.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(specOf(first)).toBe(10);
    expect(rev(deploy(c))).toBe('3');
  });

  it('scaling during a stuck rollout is proportional; progress deadline exceeded when pods never get ready', () => {
    const c = cluster({ readyFor: (p) => !JSON.stringify(p.spec).includes('broken') });
    run(c, 'kubectl apply -f -', deployYaml({ replicas: 10, extra: 'progressDeadlineSeconds: 60' }));
    settle(c);
    run(c, 'kubectl set image deployment/web nginx=nginx:broken');
    c.runtime.sim.advance(20_000);
    const sizes = () => replicaSets(c).map((r) => [rev(r), specOf(r)]);
    // old 10 -> 8 and new 0 -> 3 -> 5 (13 pods); the 5 broken pods never become available, so it stops there
    expect(sizes()).toEqual(
      expect.arrayContaining([
        ['1', 8],
        ['2', 5],
      ]),
    );
    run(c, 'kubectl scale deployment/web --replicas=20');
    c.runtime.sim.advance(20_000);
    // allowed 20+5=25, 12 to add: old 8*25/13 -> 15, new 5*25/13 -> 10
    expect(sizes()).toEqual(
      expect.arrayContaining([
        ['1', 15],
        ['2', 10],
      ]),
    );
    c.runtime.sim.advance(120_000);
    const prog = (deploy(c).status?.conditions as { type: string; status: string; reason: string }[]).find(
      (x) => x.type === 'Progressing',
    );
    expect(prog).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    const r = c.run('kubectl rollout status deployment/web');
    expect(r.stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
  });

  it('Recreate never runs old and new pods together', () => {
    const c = cluster();
    run(c, 'kubectl apply -f -', deployYaml({ replicas: 3, strategy: 'Recreate' }));
    settle(c);
    let overlap = false;
    let maxPods = 0;
    const stop = c.watchAll(() => {
      const pods = api(c).list('pods', 'default').items;
      maxPods = Math.max(maxPods, pods.length);
      const hashes = new Set(pods.map((p) => p.metadata.labels?.['pod-template-hash']));
      if (hashes.size > 1) overlap = true;
    });
    run(c, 'kubectl set image deployment/web nginx=nginx:1.26');
    settle(c);
    stop();
    expect(overlap).toBe(false);
    expect(maxPods).toBeLessThanOrEqual(3);
    const rss = replicaSets(c).map((r) => [rev(r), specOf(r)]);
    expect(rss).toEqual(
      expect.arrayContaining([
        ['1', 0],
        ['2', 3],
      ]),
    );
    expect(livePods(c).filter(isReady)).toHaveLength(3);
  });

  it('a paused deployment does not roll out until resumed', () => {
    const c = cluster();
    run(c, 'kubectl apply -f -', deployYaml());
    settle(c);
    run(c, 'kubectl rollout pause deployment/web');
    run(c, 'kubectl set image deployment/web nginx=nginx:1.26');
    settle(c);
    expect(replicaSets(c)).toHaveLength(1);
    const prog = () =>
      (deploy(c).status?.conditions as { type: string; reason: string }[]).find(
        (x) => x.type === 'Progressing',
      );
    expect(prog()?.reason).toBe('DeploymentPaused');
    run(c, 'kubectl rollout resume deployment/web');
    settle(c);
    expect(replicaSets(c)).toHaveLength(2);
    expect(prog()?.reason).toBe('NewReplicaSetAvailable');
  });

  it('revisionHistoryLimit keeps only that many old ReplicaSets', () => {
    const c = cluster();
    run(c, 'kubectl apply -f -', deployYaml({ replicas: 2, extra: 'revisionHistoryLimit: 1' }));
    settle(c);
    for (const v of ['1.26', '1.27', '1.28']) {
      run(c, `kubectl set image deployment/web nginx=nginx:${v}`);
      settle(c);
    }
    expect(replicaSets(c).map(rev).sort()).toEqual(['3', '4']);
  });

  it('with the real control plane (scheduler + kubelets), rollout status follows set image to the end', () => {
    const c = createCluster({ seed: 5, nodes: 2 });
    run(c, 'kubectl apply -f -', deployYaml({ replicas: 4 }));
    expect(run(c, 'kubectl rollout status deployment/web').trimEnd().split('\n').at(-1)).toBe(
      'deployment "web" successfully rolled out',
    );
    run(c, 'kubectl set image deployment/web nginx=nginx:1.26');
    const out = run(c, 'kubectl rollout status deployment/web');
    expect(out).toContain('Waiting for deployment "web" rollout to finish:');
    expect(out.trimEnd().split('\n').at(-1)).toBe('deployment "web" successfully rolled out');
    expect(replicaSets(c).map((r) => [rev(r), specOf(r)])).toEqual(
      expect.arrayContaining([
        ['1', 0],
        ['2', 4],
      ]),
    );
  });
});
