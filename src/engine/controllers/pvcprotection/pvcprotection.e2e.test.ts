// End to end through createCluster(): a claim deleted while its StatefulSet pod runs stays Terminating (get, describe,
// -o yaml) until the pod is gone, then it and its Delete-policy volume go; retention policies, namespace deletion,
// `kubectl delete pv` of a bound volume and kubectl delete's wait all still finish.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { StatusError } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';

const stsYaml = (o: { replicas?: number; ns?: string; policy?: string } = {}) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web${o.ns ? `, namespace: ${o.ns}` : ''}}
spec:
  serviceName: web
  replicas: ${o.replicas ?? 2}
  selector: {matchLabels: {app: web}}
${o.policy ? `  persistentVolumeClaimRetentionPolicy: ${o.policy}\n` : ''}  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.25", volumeMounts: [{name: www, mountPath: /data}]}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

function cluster(yaml: string): Cluster {
  const c = createCluster({ seed: 5, nodes: 3 });
  expect(c.run('kubectl apply -f -', yaml).code).toBe(0);
  c.run('sim settle');
  return c;
}

const tryGet = (
  c: Cluster,
  resource: string,
  ns: string | undefined,
  name: string,
): KubeObject | undefined => {
  try {
    return c.runtime.api.get(resource, ns, name);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return undefined;
    throw e;
  }
};
const claimNames = (c: Cluster, ns = 'default') =>
  c.runtime.api.list('pvc', ns).items.map((p) => p.metadata.name ?? '');
const volumeOf = (c: Cluster, claim: string, ns = 'default') =>
  (tryGet(c, 'pvc', ns, claim)?.spec as { volumeName?: string } | undefined)?.volumeName ?? '';
const volumeCount = (c: Cluster) => c.runtime.api.list('pv', undefined).items.length;

describe('storage object in use protection end to end', () => {
  it('kubectl delete pvc of a mounted claim: Terminating until its pod is gone, then the claim and its volume go', () => {
    const c = cluster(stsYaml());
    const pv0 = volumeOf(c, 'www-web-0');
    expect(c.run('kubectl get pvc www-web-0 -o jsonpath={.metadata.finalizers}').stdout).toBe(
      '["kubernetes.io/pvc-protection"]',
    );
    expect(c.run(`kubectl get pv ${pv0} -o yaml`).stdout).toContain(
      'finalizers:\n  - kubernetes.io/pv-protection\n',
    );
    expect(c.run('kubectl delete pvc www-web-0 --wait=false').stdout).toBe(
      'persistentvolumeclaim "www-web-0" deleted\n',
    );
    c.run('sim advance 5s');
    expect(c.run('kubectl get pvc').stdout).toMatch(/\nwww-web-0\s+Terminating\s+pvc-/);
    const described = c.run('kubectl describe pvc www-web-0').stdout;
    expect(described).toContain('Status:        Terminating (lasts 5s)\n');
    expect(described).toContain('Finalizers:    [kubernetes.io/pvc-protection]\n');
    expect(described).toContain('Used By:       web-0\n');
    // the volume stays Bound to the Terminating claim
    expect(c.run(`kubectl get pv ${pv0}`).stdout).toMatch(/\s+Delete\s+Bound\s+default\/www-web-0\s/);

    expect(c.run('kubectl delete sts web').code).toBe(0);
    c.run('sim settle');
    expect(claimNames(c)).toEqual(['www-web-1']); // the other claim is retained (whenDeleted: Retain)
    expect(tryGet(c, 'pv', undefined, pv0)).toBeUndefined();
    expect(volumeCount(c)).toBe(1);
    // the PV controller marks it Released, then deletes it; pv-protection lets a volume that is not Bound go
    const pvWrites = c
      .trace()
      .filter((r) => r.target === `persistentvolumes/${pv0}`)
      .map((r) => `${r.actor} ${r.action}`);
    expect(pvWrites.slice(-3)).toEqual([
      'persistentvolume-controller updateStatus',
      'persistentvolume-controller delete',
      'persistentvolume-protection-controller delete',
    ]);
  });

  it('kubectl delete pvc waits for the finalizer: on the cap it times out and says so; once unused it returns', () => {
    const c = cluster(stsYaml({ replicas: 1 }));
    const r = c.run('kubectl delete pvc www-web-0 --timeout=30s');
    expect([r.code, r.stdout, r.stderr]).toEqual([
      1,
      'persistentvolumeclaim "www-web-0" deleted\n',
      'error: timed out waiting for the condition on persistentvolumeclaims/www-web-0\n',
    ]);
    const capped = c.run('kubectl delete pvc www-web-0');
    expect(capped.stderr).toBe(
      'error: timed out waiting for the condition on persistentvolumeclaims/www-web-0\n' +
        '(kubesim stopped waiting after 10m0s of virtual time; pass --timeout to wait longer)\n',
    );
    c.run('kubectl scale sts web --replicas=0');
    c.run('sim settle');
    expect(claimNames(c)).toEqual([]);
    // a claim no pod uses goes as soon as the controller sees it
    c.run('kubectl scale sts web --replicas=1');
    c.run('sim settle');
    c.run('kubectl scale sts web --replicas=0');
    c.run('sim settle');
    expect(c.run('kubectl delete pvc www-web-0')).toMatchObject({
      code: 0,
      stdout: 'persistentvolumeclaim "www-web-0" deleted\n',
      stderr: '',
    });
  });

  it('retention policy Delete: scaled-down and deleted StatefulSets take their claims and volumes along', () => {
    const c = cluster(stsYaml({ replicas: 3, policy: '{whenDeleted: Delete, whenScaled: Delete}' }));
    expect(volumeCount(c)).toBe(3);
    c.run('kubectl scale sts web --replicas=1');
    c.run('sim settle');
    expect(claimNames(c)).toEqual(['www-web-0']);
    expect(volumeCount(c)).toBe(1);
    c.run('kubectl delete sts web');
    c.run('sim settle');
    expect(claimNames(c)).toEqual([]);
    expect(volumeCount(c)).toBe(0);
  });

  it('deleting the namespace finishes once its pods are gone and the claims let go', () => {
    const c = createCluster({ seed: 5, nodes: 3 });
    c.run('kubectl create namespace shop');
    expect(c.run('kubectl apply -f -', stsYaml({ ns: 'shop' })).code).toBe(0);
    c.run('sim settle');
    expect(claimNames(c, 'shop')).toHaveLength(2);
    expect(c.run('kubectl delete namespace shop --wait=false').code).toBe(0);
    c.run('sim settle');
    expect(tryGet(c, 'namespaces', undefined, 'shop')).toBeUndefined();
    expect(volumeCount(c)).toBe(0);
  });

  it('kubectl delete pv of a bound volume: Terminating until its claim is gone', () => {
    const c = cluster(stsYaml({ replicas: 1 }));
    const pv0 = volumeOf(c, 'www-web-0');
    expect(c.run(`kubectl delete pv ${pv0} --wait=false`).code).toBe(0);
    c.run('sim settle');
    expect(c.run(`kubectl get pv ${pv0}`).stdout).toMatch(/\s+Delete\s+Terminating\s+default\/www-web-0\s/);
    expect(c.run(`kubectl describe pv ${pv0}`).stdout).toMatch(
      /Finalizers:\s+\[kubernetes\.io\/pv-protection\]\n[^]*Status:\s+Terminating \(lasts \d+s\)\n/,
    );
    c.run('kubectl scale sts web --replicas=0');
    c.run('kubectl delete pvc www-web-0 --wait=false');
    c.run('sim settle');
    expect(claimNames(c)).toEqual([]);
    expect(volumeCount(c)).toBe(0);
  });
});
