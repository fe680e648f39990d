// End to end: the default StorageClass provisions zonal cloud disks; a StatefulSet pod whose node died comes back
// only in its disk's zone (to its own data), or stays Pending with `didn't match PersistentVolume's node affinity` when none fits.
import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';
import { StatusError } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';
import { pvWrites } from '../../storage/dataModel';

const stsYaml = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: app, image: "nginx:1.27", volumeMounts: [{name: data, mountPath: /data}]}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 100Mi}}}
`;

const get = <T>(c: Cluster, r: string, name: string): T | undefined => {
  try {
    return c.runtime.api.get(
      r,
      r === 'persistentvolumes' || r === 'nodes' ? undefined : 'default',
      name,
    ) as T;
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return undefined;
    throw e;
  }
};
const isReady = (p: Pod | undefined) =>
  p?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') === true;
const zoneOf = (c: Cluster, node: string) =>
  get<KubeObject>(c, 'nodes', node)?.metadata.labels?.['topology.kubernetes.io/zone'];
const diskOf = (c: Cluster) => {
  const pvc = get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data-db-0');
  return get<PersistentVolume>(c, 'persistentvolumes', pvc?.spec?.volumeName ?? '');
};

/** db-0 running with a few writes on its disk; then its node fails and the pod is force-deleted */
function failDbNode(c: Cluster): { node: string; uid: string; writes: number } {
  c.run('kubectl apply -f -', stsYaml);
  expect(c.runtime.sim.runUntil(() => isReady(get<Pod>(c, 'pods', 'db-0')), 120_000)).toBe(true);
  c.runtime.sim.advance(100_000);
  const pod = get<Pod>(c, 'pods', 'db-0');
  const node = pod?.spec?.nodeName ?? '';
  const writes = pvWrites(diskOf(c) as unknown as KubeObject);
  expect(writes).toBeGreaterThan(0);
  expect(c.run(`sim node fail ${node}`).code).toBe(0);
  // past node-monitor-grace-period: the node is NotReady and tainted unreachable, so nothing schedules there
  c.runtime.sim.advance(70_000);
  expect(c.run('kubectl get nodes').stdout).toMatch(new RegExp(`${node}\\s+NotReady`));
  expect(c.run('kubectl delete pod db-0 --grace-period=0 --force').code).toBe(0);
  return { node, uid: pod?.metadata?.uid ?? '', writes };
}

describe('zonal cloud disks behind the default StorageClass', () => {
  it('the default class is the cloud-disk CSI driver and its PV is pinned to the consumer node zone', () => {
    const c = createCluster({ seed: 3, nodes: 3 });
    expect(c.run('kubectl get storageclass').stdout).toMatch(
      /standard \(default\)\s+disk\.csi\.kubesim\.io\s+Delete\s+WaitForFirstConsumer\s+false/,
    );
    c.run('kubectl apply -f -', stsYaml);
    c.run('sim settle');
    const node = get<Pod>(c, 'pods', 'db-0')?.spec?.nodeName ?? '';
    const zone = zoneOf(c, node) ?? '';
    expect(zone).toMatch(/^zone-[abc]$/);
    const pv = diskOf(c);
    expect(pv?.spec?.csi?.volumeHandle).toBe(
      `projects/kubesim/zones/${zone}/disks/${pv?.metadata?.name ?? ''}`,
    );
    expect(pv?.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions).toEqual([
      { key: 'topology.kubernetes.io/zone', operator: 'In', values: [zone] },
    ]);
    expect(c.run('kubectl get pvc data-db-0').stdout).toMatch(
      /data-db-0\s+Bound\s+pvc-\S+\s+1Gi\s+RWO\s+standard/,
    );
    const events = c.run('kubectl describe pvc data-db-0').stdout;
    expect(events).toMatch(
      /Provisioning\s+\S+\s+disk\.csi\.kubesim\.io_control-plane_[0-9a-f-]{36}\s+External provisioner is provisioning volume for claim "default\/data-db-0"/,
    );
    expect(events).toContain(`Successfully provisioned volume ${pv?.metadata?.name ?? ''}`);
    expect(events).toContain("external provisioner 'disk.csi.kubesim.io'");
  });

  it('a StatefulSet pod from a failed node is recreated in its disk zone and finds its data', () => {
    // six nodes: zones a, b, c twice, so every zone has a second node
    const c = createCluster({ seed: 8, nodes: 6 });
    const { node, uid, writes } = failDbNode(c);
    expect(
      c.runtime.sim.runUntil(() => {
        const p = get<Pod>(c, 'pods', 'db-0');
        return p?.metadata?.uid !== uid && isReady(p);
      }, 120_000),
    ).toBe(true);
    const back = get<Pod>(c, 'pods', 'db-0')?.spec?.nodeName ?? '';
    expect(back).not.toBe(node);
    expect(zoneOf(c, back)).toBe(zoneOf(c, node));
    c.runtime.sim.advance(60_000);
    expect(pvWrites(diskOf(c) as unknown as KubeObject)).toBeGreaterThan(writes);
  });

  it('with no other node in the disk zone the pod stays Pending: no node matches the PV node affinity', () => {
    const c = createCluster({ seed: 8, nodes: 3 });
    const { uid } = failDbNode(c);
    c.runtime.sim.advance(60_000);
    const p = get<Pod>(c, 'pods', 'db-0');
    expect(p?.metadata?.uid).not.toBe(uid);
    expect(p?.status?.phase).toBe('Pending');
    expect(p?.spec?.nodeName).toBeUndefined();
    const describe = c.run('kubectl describe pod db-0').stdout;
    expect(describe).toMatch(
      /FailedScheduling .*0\/4 nodes are available: .*2 node\(s\) didn't match PersistentVolume's node affinity/,
    );
  });

  it('a class naming a provisioner that does not run leaves the claim Pending', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    c.run(
      'kubectl apply -f -',
      `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: ebs}
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {storageClassName: ebs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`,
    );
    c.run('sim settle');
    expect(c.run('kubectl get pvc data').stdout).toMatch(/data\s+Pending\s+ebs/);
    expect(c.run('kubectl describe pvc data').stdout).toMatch(
      /ExternalProvisioning .* external provisioner 'ebs\.csi\.aws\.com'/,
    );
    expect(c.run('kubectl get pv').stdout).not.toContain('pvc-');
  });

  it('an Immediate class provisions at once, in one of the nodes zones', () => {
    const c = createCluster({ seed: 3, nodes: 3 });
    c.run(
      'kubectl apply -f -',
      `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: disk.csi.kubesim.io
volumeBindingMode: Immediate
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {storageClassName: fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 3Gi}}}
`,
    );
    c.run('sim settle');
    const pvc = get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data');
    expect(pvc?.status?.phase).toBe('Bound');
    const pv = get<PersistentVolume>(c, 'persistentvolumes', pvc?.spec?.volumeName ?? '');
    expect(pv?.spec?.csi?.volumeHandle).toMatch(/^projects\/kubesim\/zones\/zone-[abc]\/disks\/pvc-/);
  });
});
