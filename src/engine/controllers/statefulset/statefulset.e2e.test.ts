// End-to-end through createCluster(): scheduler, kubelets, the StatefulSet and PersistentVolume controllers, GC.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';
import { StatusError } from '../../apiserver/types';
import { volumeCommand } from '../../commands/sim/volume';
import { parseArgs } from '../../commands/args';
import type { KubeObject } from '../../types/object';
import { defaultKubeConfig } from '../../commands/kubectl/config/kubeconfig';

const stsYaml = (replicas: number, extra = '', image = 'nginx:1.25') => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
${extra}  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "${image}", volumeMounts: [{name: data, mountPath: /data}]}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

function cluster(seed = 5): Cluster {
  // the full control plane: scheduler, kubelets, StatefulSet/PV/GC controllers and kind's `standard` StorageClass
  return createCluster({ seed, nodes: 3 });
}

const podNames = (c: Cluster) =>
  c.runtime.api
    .list('pods', 'default')
    .items.map((p) => p.metadata.name ?? '')
    .sort();
const get = (c: Cluster, r: string, name: string): KubeObject | undefined => {
  try {
    return c.runtime.api.get(r, r === 'persistentvolumes' ? undefined : 'default', name);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return undefined;
    throw e;
  }
};
const isReady = (p: KubeObject | undefined) =>
  (p as Pod | undefined)?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') === true;
const readyReplicas = (c: Cluster) =>
  (get(c, 'statefulsets', 'web')?.status as { readyReplicas?: number } | undefined)?.readyReplicas ?? 0;

/** trace order of pod creates/deletes by the controller */
function podWrites(c: Cluster, action: string): string[] {
  return c
    .trace()
    .filter(
      (r) => r.actor === 'statefulset-controller' && r.action === action && r.target.startsWith('pods/'),
    )
    .map((r) => r.target.replace('pods/default/', ''));
}

describe('StatefulSet end to end', () => {
  it('creates web-0, web-1, web-2 in order, each after the previous is Ready, with their own bound claims', () => {
    const c = cluster();
    expect(c.run('kubectl apply -f -', stsYaml(3)).code).toBe(0);
    c.runtime.sim.runUntil(() => get(c, 'pods', 'web-0') !== undefined, 10_000);
    c.runtime.sim.advance(20);
    expect(podNames(c)).toEqual(['web-0']); // web-1 waits for web-0
    expect(get(c, 'persistentvolumeclaims', 'data-web-0')).toBeDefined();
    expect(c.runtime.sim.runUntil(() => readyReplicas(c) === 3, 300_000)).toBe(true);
    expect(podWrites(c, 'create')).toEqual(['web-0', 'web-1', 'web-2']);
    // each pod was created only once the previous one was Ready
    const t = (n: string) =>
      c.trace().find((r) => r.action === 'create' && r.target === `pods/default/${n}`)?.timeMs ?? 0;
    expect(t('web-1')).toBeGreaterThan(t('web-0'));
    for (const i of [0, 1, 2]) {
      const pvc = get(c, 'persistentvolumeclaims', `data-web-${i}`);
      expect(pvc?.status).toMatchObject({ phase: 'Bound' });
      const pv = get(c, 'persistentvolumes', (pvc?.spec as { volumeName: string }).volumeName);
      expect(pv?.spec).toMatchObject({
        storageClassName: 'standard',
        persistentVolumeReclaimPolicy: 'Delete',
      });
      const pod = get(c, 'pods', `web-${i}`) as Pod | undefined;
      expect(pod?.spec?.hostname).toBe(`web-${i}`);
      expect(pod?.spec?.subdomain).toBe('web');
    }
    const events = c.run('kubectl get events --field-selector involvedObject.kind=StatefulSet').stdout;
    expect(events).toContain('create Pod web-0 in StatefulSet web successful');
    expect(events).toContain('create Claim data-web-0 Pod web-0 in StatefulSet web success');
    expect(c.run('kubectl get events --field-selector involvedObject.name=data-web-0').stdout).toMatch(
      /ProvisioningSucceeded.*Successfully provisioned volume pvc-/,
    );
  });

  it('scales down highest ordinal first and reuses the retained claims (and their data) on scale-up', () => {
    const c = cluster();
    c.run('kubectl apply -f -', stsYaml(3));
    expect(c.runtime.sim.runUntil(() => readyReplicas(c) === 3, 300_000)).toBe(true);
    c.runtime.sim.advance(95_000); // the pods write to their volumes
    const pvOf = (n: string) =>
      (get(c, 'persistentvolumeclaims', n)?.spec as { volumeName: string }).volumeName;
    const before = pvOf('data-web-2');
    expect(c.run('kubectl scale sts web --replicas=1').code).toBe(0);
    expect(c.runtime.sim.runUntil(() => podNames(c).length === 1, 300_000)).toBe(true);
    expect(podWrites(c, 'delete')).toEqual(['web-2', 'web-1']);
    expect(get(c, 'persistentvolumeclaims', 'data-web-2')).toBeDefined(); // Retain
    const out = volumeCommand.run(parseArgs(['data-web-2'], volumeCommand.flags), {
      rt: c.runtime,
      stdin: undefined,
      kubeconfig: defaultKubeConfig(),
    }).stdout;
    expect(out).toMatch(/Data:\s+[1-9]\d* writes \(last by default\/web-2\)/);
    c.run('kubectl scale sts web --replicas=3');
    expect(c.runtime.sim.runUntil(() => readyReplicas(c) === 3, 300_000)).toBe(true);
    expect(pvOf('data-web-2')).toBe(before);
    expect(c.runtime.api.list('persistentvolumes', undefined).items).toHaveLength(3);
  });

  it('a deleted pod comes back with the same name and claim', () => {
    const c = cluster();
    c.run('kubectl apply -f -', stsYaml(2));
    expect(c.runtime.sim.runUntil(() => readyReplicas(c) === 2, 300_000)).toBe(true);
    const uid = get(c, 'pods', 'web-0')?.metadata.uid;
    c.run('kubectl delete pod web-0 --wait=false');
    expect(
      c.runtime.sim.runUntil(
        () => get(c, 'pods', 'web-0')?.metadata.uid !== uid && isReady(get(c, 'pods', 'web-0')),
        300_000,
      ),
    ).toBe(true);
    const pod = get(c, 'pods', 'web-0') as Pod | undefined;
    expect(pod?.spec?.volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe(
      'data-web-0',
    );
    expect(c.runtime.api.list('persistentvolumeclaims', 'default').items).toHaveLength(2);
  });

  it('rolls an update in reverse ordinal order and respects the partition', () => {
    const c = cluster();
    c.run('kubectl apply -f -', stsYaml(3));
    expect(c.runtime.sim.runUntil(() => readyReplicas(c) === 3, 300_000)).toBe(true);
    const rev = (n: string) => get(c, 'pods', n)?.metadata.labels?.['controller-revision-hash'];
    const old = rev('web-0');
    expect(
      c.run(
        'kubectl apply -f -',
        stsYaml(3, '  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}\n', 'nginx:1.26'),
      ).code,
    ).toBe(0);
    c.runtime.sim.settle(300_000);
    const status = get(c, 'statefulsets', 'web')?.status as {
      updateRevision: string;
      currentRevision: string;
      updatedReplicas: number;
    };
    expect([rev('web-0'), rev('web-1'), rev('web-2')]).toEqual([
      old,
      status.updateRevision,
      status.updateRevision,
    ]);
    expect(podWrites(c, 'delete')).toEqual(['web-2', 'web-1']);
    expect(status.updatedReplicas).toBe(2);
    expect(
      c
        .run('kubectl get controllerrevisions')
        .stdout.split('\n')
        .filter((l) => l.startsWith('web-')),
    ).toHaveLength(2);
  });

  it('Parallel creates all pods at once', () => {
    const c = cluster();
    c.run('kubectl apply -f -', stsYaml(3, '  podManagementPolicy: Parallel\n'));
    c.runtime.sim.runUntil(() => podNames(c).length === 3, 10_000);
    c.runtime.sim.advance(1);
    expect(podNames(c)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(c.runtime.api.list('pods', 'default').items.filter(isReady)).toHaveLength(0);
  });

  it('refuses spec updates outside the allowed fields', () => {
    const c = cluster();
    c.run('kubectl apply -f -', stsYaml(1));
    const r = c.run('kubectl apply -f -', stsYaml(1).replace('serviceName: web', 'serviceName: other'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n$/,
    );
    // revisionHistoryLimit may change
    const ok = c.run(`kubectl patch sts web -p '{"spec":{"revisionHistoryLimit":3}}'`);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe('statefulset.apps/web patched\n');
    expect(c.run('kubectl get sts web -o jsonpath={.spec.revisionHistoryLimit}').stdout).toBe('3');
  });

  it('a pod stuck Terminating on a dead node is not replaced until force-deleted', () => {
    const c = cluster();
    c.run('kubectl apply -f -', stsYaml(2));
    expect(c.runtime.sim.runUntil(() => readyReplicas(c) === 2, 300_000)).toBe(true);
    const node = (get(c, 'pods', 'web-1') as Pod).spec?.nodeName ?? '';
    expect(c.run(`sim node fail ${node}`).code).toBe(0);
    // stands in for the taint-eviction controller: a graceful delete the dead kubelet never completes
    c.run('kubectl delete pod web-1 --wait=false');
    c.runtime.sim.advance(120_000);
    const stuck = get(c, 'pods', 'web-1');
    expect(stuck?.metadata.deletionTimestamp).toBeDefined();
    expect(podWrites(c, 'create').filter((n) => n === 'web-1')).toHaveLength(1);
    expect(c.run('kubectl delete pod web-1 --grace-period=0 --force').code).toBe(0);
    expect(
      c.runtime.sim.runUntil(
        () => (get(c, 'pods', 'web-1')?.metadata.uid ?? stuck?.metadata.uid) !== stuck?.metadata.uid,
        60_000,
      ),
    ).toBe(true);
    expect(podWrites(c, 'create').filter((n) => n === 'web-1')).toHaveLength(2);
  });
});
