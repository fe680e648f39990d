// End to end: PodGC force-deletes pods orphaned by `kubectl delete node` after its 40 s quarantine (so the Deployment
// replaces them elsewhere), and pods stuck Terminating on an out-of-service node (non-graceful node shutdown).
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';
import { StatusError } from '../../apiserver/types';
import { PODGC_CONTROLLER_NAME } from './controller';

const pods = (c: Cluster, selector: string): Pod[] =>
  c.runtime.api.list('pods', 'default', { labelSelector: selector }).items as unknown as Pod[];
const getPod = (c: Cluster, name: string): Pod | undefined => {
  try {
    return c.runtime.api.get('pods', 'default', name) as unknown as Pod;
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return undefined;
    throw e;
  }
};
const isReady = (p: Pod | undefined) =>
  p?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') === true;

describe('PodGC end to end', () => {
  it('deletes the pods of a deleted node after the quarantine; the Deployment replaces them elsewhere', () => {
    const c = createCluster({ seed: 11, nodes: 3 });
    c.run('kubectl create deployment api --image=nginx:1.27 --replicas=6');
    c.run('sim settle');
    const orphans = pods(c, 'app=api').filter((p) => p.spec?.nodeName === 'node-2');
    expect(orphans.length).toBeGreaterThan(0);
    // the last status write podgc makes before deleting each orphan
    const lastStatus = new Map<string, Pod['status']>();
    c.runtime.api.watch('pods', 'default', { resourceVersion: String(c.revision()) }, (e) => {
      if (e.type === 'MODIFIED') lastStatus.set(e.object.metadata.name ?? '', (e.object as Pod).status);
    });

    expect(c.run('kubectl delete node node-2').stdout).toBe('node "node-2" deleted\n');
    c.run('sim advance 39s');
    // still quarantined: the pods are bound to a node that is gone, but podgc has not confirmed it yet
    expect(pods(c, 'app=api').filter((p) => p.spec?.nodeName === 'node-2')).toHaveLength(orphans.length);
    c.run('sim advance 22s');
    expect(pods(c, 'app=api').filter((p) => p.spec?.nodeName === 'node-2')).toEqual([]);
    for (const o of orphans) {
      const s = lastStatus.get(o.metadata?.name ?? '');
      expect(s?.phase).toBe('Failed');
      expect(s?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({
        status: 'True',
        reason: 'DeletionByPodGC',
        message: 'PodGC: node no longer exists',
      });
    }
    expect(c.trace().some((r) => r.actor === PODGC_CONTROLLER_NAME && r.action === 'delete')).toBe(true);
    c.run('sim settle');
    const live = pods(c, 'app=api');
    expect(live).toHaveLength(6);
    expect(live.every((p) => isReady(p) && ['node-1', 'node-3'].includes(p.spec?.nodeName ?? ''))).toBe(true);
    expect(c.run('kubectl get deployment api').stdout).toMatch(/api\s+6\/6\s+6\s+6/);
  });

  it('force-deletes a StatefulSet pod stuck Terminating on an out-of-service node so it is recreated', () => {
    // six nodes (zones a, b, c twice): the pod's zonal disk can follow it to the other node of its zone
    const c = createCluster({ seed: 4, nodes: 6 });
    c.run(
      'kubectl apply -f -',
      `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27", volumeMounts: [{name: data, mountPath: /data}]}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`,
    );
    c.run('sim settle');
    const before = getPod(c, 'web-0');
    const failed = before?.spec?.nodeName ?? '';
    expect(isReady(before)).toBe(true);
    c.run(`sim node fail ${failed}`);
    // NotReady after ~40 s, then evicted after the 300 s unreachable toleration; the dead kubelet never confirms
    c.run('sim advance 400s');
    const stuck = getPod(c, 'web-0');
    expect(stuck?.metadata?.uid).toBe(before?.metadata?.uid);
    expect(stuck?.metadata?.deletionTimestamp).toBeDefined();
    expect(c.run('kubectl get pod web-0').stdout).toMatch(/web-0\s+1\/1\s+Terminating/);

    const taint = c.run(
      `kubectl taint nodes ${failed} node.kubernetes.io/out-of-service=nodeshutdown:NoExecute`,
    );
    expect(taint.stdout).toBe(`node/${failed} tainted\n`);
    c.run('sim advance 21s');
    const back = getPod(c, 'web-0');
    expect(back?.metadata?.uid).not.toBe(before?.metadata?.uid);
    c.run('sim settle');
    const running = getPod(c, 'web-0');
    expect(isReady(running)).toBe(true);
    expect(running?.spec?.nodeName).not.toBe(failed);
    expect(running?.spec?.volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe(
      'data-web-0',
    );
  });

  it('leaves a healthy cluster alone', () => {
    const c = createCluster({ seed: 2, nodes: 2 });
    c.run('kubectl create deployment api --image=nginx:1.27 --replicas=3');
    c.run('sim settle');
    const uids = pods(c, 'app=api').map((p) => p.metadata?.uid);
    c.run('sim advance 120s');
    expect(pods(c, 'app=api').map((p) => p.metadata?.uid)).toEqual(uids);
    expect(c.trace().some((r) => r.actor === PODGC_CONTROLLER_NAME && r.action === 'delete')).toBe(false);
  });
});
