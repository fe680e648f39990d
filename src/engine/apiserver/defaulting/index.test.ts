// Defaulting table tests per kind: what `kubectl get -o yaml` shows that the manifest did not say.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import { defaultObject, imageTag } from './index';
import { R, deployment, pod, service } from '../validation/testFixtures';

const get = (o: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((cur, k) => (cur == null ? undefined : (cur as Record<string, unknown>)[k]), o);

function defaulted(resource: keyof typeof R, obj: KubeObject): KubeObject {
  defaultObject(R[resource], obj);
  return obj;
}

describe('workloads', () => {
  it('Deployment', () => {
    const d = defaulted('Deployment', deployment());
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(get(d, 'spec.template.spec')).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
    });
    // templates do not get the Pod-only defaults
    expect(get(d, 'spec.template.spec.enableServiceLinks')).toBeUndefined();
    // apps/v1 never defaults the selector
    const noSel = deployment();
    delete (noSel.spec as Record<string, unknown>).selector;
    expect(get(defaulted('Deployment', noSel), 'spec.selector')).toBeUndefined();
  });

  it('Deployment keeps explicit values and Recreate gets no rollingUpdate', () => {
    const d = deployment();
    Object.assign(d.spec as object, { replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 });
    defaultObject(R.Deployment, d);
    expect(d.spec).toMatchObject({ replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 });
    expect(get(d, 'spec.strategy.rollingUpdate')).toBeUndefined();
  });

  it('ReplicaSet and ReplicationController', () => {
    expect(get(defaulted('ReplicaSet', deployment()), 'spec.replicas')).toBe(1);
    const rc: KubeObject = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'rc' },
      spec: { template: { metadata: { labels: { app: 'x' } }, spec: { containers: [] } } },
    };
    defaulted('ReplicationController', rc);
    expect(rc.spec).toMatchObject({ replicas: 1, selector: { app: 'x' } });
    expect(rc.metadata.labels).toEqual({ app: 'x' });
  });

  it('StatefulSet', () => {
    const s: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        selector: {},
        template: { spec: { containers: [] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }],
      },
    };
    defaulted('StatefulSet', s);
    expect(s.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      replicas: 1,
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      volumeClaimTemplates: [{ spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
    });
    // the v1 conversion gives each claim template its TypeMeta, first in its JSON
    const [template] = (s.spec as { volumeClaimTemplates: Record<string, unknown>[] }).volumeClaimTemplates;
    expect(Object.keys(template ?? {})).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(template).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
  });

  it('DaemonSet', () => {
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds' },
      spec: { template: { spec: { containers: [] } } },
    };
    defaulted('DaemonSet', ds);
    expect(ds.spec).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    });
  });
});

describe('Pod', () => {
  it('spec, containers, ports, probes, volumes', () => {
    const p = pod();
    Object.assign(p.spec as object, {
      containers: [
        {
          name: 'c',
          image: 'nginx',
          ports: [{ containerPort: 80 }],
          livenessProbe: { httpGet: { port: 80 } },
          resources: { limits: { cpu: '500m', memory: 1073741824 } },
        },
      ],
      volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'c' } }],
    });
    defaulted('Pod', p);
    expect(p.spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      enableServiceLinks: true,
      containers: [
        {
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          livenessProbe: {
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
            httpGet: { path: '/', scheme: 'HTTP' },
          },
          // limits copied into requests; quantities as canonical strings (a bare number is DecimalSI, no Gi)
          resources: {
            limits: { cpu: '500m', memory: '1073741824' },
            requests: { cpu: '500m', memory: '1073741824' },
          },
        },
      ],
      volumes: [
        { name: 'scratch', emptyDir: {} },
        { name: 'cfg', configMap: { name: 'c', defaultMode: 420 } },
      ],
    });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('imagePullPolicy for %s is %s', (image, policy) => {
    const p = pod();
    (p.spec as { containers: { image: string }[] }).containers[0]!.image = image;
    defaulted('Pod', p);
    expect(get(p, 'spec.containers')).toMatchObject([{ imagePullPolicy: policy }]);
    expect(imageTag(image) === 'latest').toBe(policy === 'Always');
  });

  it('does not override explicit values and rounds sub-milli CPU up', () => {
    const p = pod();
    Object.assign(p.spec as object, {
      restartPolicy: 'Never',
      containers: [
        {
          name: 'c',
          image: 'x',
          imagePullPolicy: 'Never',
          resources: { requests: { cpu: '100u' }, limits: { cpu: '1000m' } },
        },
      ],
    });
    defaulted('Pod', p);
    expect(p.spec).toMatchObject({
      restartPolicy: 'Never',
      containers: [
        { imagePullPolicy: 'Never', resources: { requests: { cpu: '1m' }, limits: { cpu: '1' } } },
      ],
    });
  });

  it('hostNetwork copies containerPort into hostPort', () => {
    const p = pod();
    Object.assign(p.spec as object, {
      hostNetwork: true,
      containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080 }] }],
    });
    defaulted('Pod', p);
    expect(get(p, 'spec.containers')).toMatchObject([{ ports: [{ containerPort: 8080, hostPort: 8080 }] }]);
  });
});

describe('core kinds', () => {
  it.each([
    [
      'ClusterIP',
      {
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
      },
      undefined,
    ],
    [
      'NodePort',
      { type: 'NodePort', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
      'Cluster',
    ],
    ['LoadBalancer', { allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster' }, 'Cluster'],
  ])('Service %s', (type, expected, etp) => {
    const s = service();
    if (type !== 'ClusterIP') (s.spec as Record<string, unknown>).type = type;
    defaulted('Service', s);
    expect(s.spec).toMatchObject({ ...expected, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(get(s, 'spec.externalTrafficPolicy')).toBe(etp);
  });

  it('ExternalName services get no traffic or family policy', () => {
    const s: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x' },
      spec: { type: 'ExternalName', externalName: 'example.com' },
    };
    defaulted('Service', s);
    expect(get(s, 'spec.internalTrafficPolicy')).toBeUndefined();
    expect(get(s, 'spec.ipFamilyPolicy')).toBeUndefined();
  });

  it('Namespace, Secret, PVC, PV, Node', () => {
    const ns = defaulted('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team' });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(defaulted('Secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }).type).toBe(
      'Opaque',
    );
    const pvc = defaulted('PersistentVolumeClaim', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      spec: { resources: { requests: { storage: '1024Mi' } } },
    });
    expect(pvc.spec).toMatchObject({ volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } });
    const pv = defaulted('PersistentVolume', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'v' },
      spec: {},
    });
    expect(pv.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    const node = defaulted('Node', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n' },
      status: { capacity: { cpu: '4', pods: '110' } },
    });
    expect(get(node, 'status.allocatable')).toEqual({ cpu: '4', pods: '110' });
  });
});

describe('other kinds', () => {
  it('HPA v2: minReplicas and default CPU metric; behavior filled when present', () => {
    const h = defaulted('HorizontalPodAutoscaler', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: { maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
    });
    expect(h.spec).toMatchObject({
      minReplicas: 1,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
        },
      ],
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Max',
          policies: [
            { type: 'Pods', value: 4, periodSeconds: 15 },
            { type: 'Percent', value: 100, periodSeconds: 15 },
          ],
        },
        scaleDown: {
          stabilizationWindowSeconds: 60,
          selectPolicy: 'Max',
          policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
        },
      },
    });
  });

  it.each([
    [{}, ['Ingress']],
    [{ egress: [{}] }, ['Ingress', 'Egress']],
    [{ policyTypes: ['Egress'] }, ['Egress']],
  ])('NetworkPolicy policyTypes for %j', (spec, types) => {
    const np = defaulted('NetworkPolicy', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'n' },
      spec: { podSelector: {}, ...spec },
    });
    expect(get(np, 'spec.policyTypes')).toEqual(types);
  });

  it('EndpointSlice ports and PriorityClass', () => {
    const es = defaulted('EndpointSlice', {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'e' },
      ports: [{ port: 80 }],
    });
    expect(es.ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
    expect(
      defaulted('PriorityClass', {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        metadata: { name: 'p' },
        value: 10,
      }).preemptionPolicy,
    ).toBe('PreemptLowerPriority');
  });

  it('defaulting is idempotent', () => {
    const d = defaulted('Deployment', deployment());
    const again = structuredClone(d);
    defaultObject(R.Deployment, again);
    expect(again).toEqual(d);
  });
});
