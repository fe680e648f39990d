// Node failure through kubectl and sim: NotReady after the grace period, unreachable taints, eviction after the
// default 300 s toleration, Deployment pods replaced elsewhere, a StatefulSet pod held until force-deleted
// (reference section 7, pkg/controller/nodelifecycle and tainteviction).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/index';
import { Harness, deploymentYaml, isReady, isTerminating } from './harness';
import type { PodView } from './harness';

interface NodeView extends KubeObject {
  spec: { taints?: { key: string; effect: string }[] };
  status?: { conditions?: { type: string; status: string; reason?: string }[] };
}

// no volumeClaimTemplates: the default class's cloud disks are zonal and each node has its own zone, so a
// claim-bound pod could not move to a healthy node (it would stay Pending: it didn't match the PersistentVolume's node affinity)
const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: web
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`;

const readyCond = (n: NodeView | undefined) => n?.status?.conditions?.find((c) => c.type === 'Ready');
const taintsOf = (n: NodeView | undefined) =>
  (n?.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();

describe('node failure', () => {
  it('marks the node NotReady, evicts after 300 s, replaces Deployment pods but holds the StatefulSet pod', () => {
    const h = new Harness({ seed: 41 });
    h.run('sim settle');
    h.apply(sts);
    h.apply(deploymentYaml('api', 6, 'nginx:1.27'));
    h.settle();
    const failed = h.get<PodView>('pod', 'web-1')?.spec.nodeName ?? '';
    expect(failed).toMatch(/^node-\d$/);
    const apiOnFailed = h.pods('app=api').filter((p) => p.spec.nodeName === failed);
    expect(apiOnFailed.length).toBeGreaterThan(0);

    const t0 = h.c.nowMs();
    h.run(`sim node fail ${failed}`);
    // node-monitor-grace-period 50 s, checked every 5 s; the last Lease renewal was at most 10 s before t0
    h.until(
      () => readyCond(h.get<NodeView>('node', failed))?.status === 'Unknown',
      'node NotReady',
      90_000,
      undefined,
      1000,
    );
    const notReadyAfter = h.c.nowMs() - t0;
    expect(notReadyAfter).toBeGreaterThan(35_000);
    expect(notReadyAfter).toBeLessThanOrEqual(60_000);
    const node = h.get<NodeView>('node', failed);
    expect(readyCond(node)?.reason).toBe('NodeStatusUnknown');
    expect(h.run('kubectl get nodes').stdout).toMatch(new RegExp(`${failed}\\s+NotReady`));
    h.step('6s'); // the taint may follow one monitor period later
    expect(taintsOf(h.get<NodeView>('node', failed))).toEqual([
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/unreachable:NoSchedule',
    ]);

    // the pods tolerate unreachable:NoExecute for 300 s (DefaultTolerationSeconds): nothing is evicted before
    const tTaint = h.c.nowMs();
    h.until(
      () => h.pods('app=api').some((p) => p.spec.nodeName === failed && isTerminating(p)),
      'eviction',
      330_000,
      () => {
        if (h.c.nowMs() - tTaint < 290_000) {
          expect(h.pods('app=api').filter((p) => p.spec.nodeName === failed && isTerminating(p))).toEqual([]);
        }
      },
      1000,
    );
    const evictedAfter = h.c.nowMs() - t0;
    expect(evictedAfter).toBeGreaterThanOrEqual(330_000); // >= ~40 s to NotReady + 300 s toleration
    expect(evictedAfter).toBeLessThanOrEqual(370_000);
    h.advance(30_000, undefined, 1000);

    // Deployment: 6 ready replacements on healthy nodes; the old pods hang in Terminating (kubelet is down)
    const api = h.pods('app=api');
    const live = api.filter((p) => !isTerminating(p));
    expect(live).toHaveLength(6);
    expect(live.every((p) => p.spec.nodeName !== failed && isReady(p))).toBe(true);
    expect(
      api
        .filter(isTerminating)
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(apiOnFailed.map((p) => p.metadata.name).sort());

    // StatefulSet: web-1 is Terminating on the dead node and NOT replaced (at most one pod per identity)
    const web = h.pods('app=web');
    expect(web.filter((p) => p.metadata.name === 'web-1')).toHaveLength(1);
    const web1 = h.get<PodView>('pod', 'web-1');
    expect(isTerminating(web1 as PodView)).toBe(true);
    expect(web1?.spec.nodeName).toBe(failed);
    expect(h.run('kubectl get pod web-1').stdout).toMatch(/web-1\s+1\/1\s+Terminating/);
    h.advance(60_000, undefined, 2000);
    expect(h.get<PodView>('pod', 'web-1')?.metadata.uid).toBe(web1?.metadata.uid);

    // force deletion releases the identity: web-1 comes back (same name) on a healthy node
    const r = h.run('kubectl delete pod web-1 --grace-period=0 --force');
    expect(r.stderr).toContain('Immediate deletion does not wait for confirmation');
    h.until(
      () => {
        const p = h.get<PodView>('pod', 'web-1');
        return p !== undefined && p.metadata.uid !== web1?.metadata.uid && isReady(p);
      },
      'web-1 recreated',
      60_000,
    );
    const back = h.get<PodView>('pod', 'web-1');
    expect(back?.spec.nodeName).not.toBe(failed);

    h.run(`sim node recover ${failed}`);
    h.until(() => readyCond(h.get<NodeView>('node', failed))?.status === 'True', 'node Ready', 60_000);
    h.step('6s');
    expect(taintsOf(h.get<NodeView>('node', failed))).toEqual([]);
    h.settle();
  });
});
