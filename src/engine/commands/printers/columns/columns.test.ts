// Column printer table tests for the non-pod kinds: fixtures in, exact cells out (printers_test.go style).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../types/object';
import { printerForKind } from './index';

const meta = { name: 'x', namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z' };
const obj = (
  apiVersion: string,
  kind: string,
  rest: Record<string, unknown>,
  m: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion,
  kind,
  metadata: { ...meta, ...m },
  ...rest,
});
const HOUR = 3_600_000;

describe('column printers', () => {
  const rows: { name: string; obj: KubeObject; wide?: boolean; want: string[] }[] = [
    {
      name: 'deployment wide',
      obj: obj('apps/v1', 'Deployment', {
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
        },
        status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
      }),
      wide: true,
      want: ['x', '2/3', '3', '2', '5h', 'nginx', 'nginx:1.27', 'app=web'],
    },
    {
      name: 'replicaset',
      obj: obj('apps/v1', 'ReplicaSet', { spec: { replicas: 2 }, status: { replicas: 2 } }),
      want: ['x', '2', '2', '0', '5h'],
    },
    {
      name: 'statefulset',
      obj: obj('apps/v1', 'StatefulSet', { spec: { replicas: 3 }, status: { readyReplicas: 1 } }),
      want: ['x', '1/3', '5h'],
    },
    {
      name: 'daemonset node selector',
      obj: obj('apps/v1', 'DaemonSet', {
        spec: { template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [] } } },
        status: {
          desiredNumberScheduled: 3,
          currentNumberScheduled: 3,
          numberReady: 2,
          updatedNumberScheduled: 3,
          numberAvailable: 2,
        },
      }),
      want: ['x', '3', '3', '2', '3', '2', 'kubernetes.io/os=linux', '5h'],
    },
    {
      name: 'service ClusterIP',
      obj: obj('v1', 'Service', {
        spec: {
          type: 'ClusterIP',
          clusterIP: '10.96.0.10',
          clusterIPs: ['10.96.0.10'],
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
        },
      }),
      want: ['x', 'ClusterIP', '10.96.0.10', '<none>', '53/UDP,53/TCP', '5h'],
    },
    {
      name: 'service NodePort',
      obj: obj('v1', 'Service', {
        spec: {
          type: 'NodePort',
          clusterIPs: ['10.96.1.1'],
          ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }],
        },
      }),
      want: ['x', 'NodePort', '10.96.1.1', '<none>', '80:30080/TCP', '5h'],
    },
    {
      name: 'service LoadBalancer pending',
      obj: obj('v1', 'Service', { spec: { type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [] } }),
      want: ['x', 'LoadBalancer', '10.96.1.2', '<pending>', '<none>', '5h'],
    },
    {
      name: 'endpoints with more than three',
      obj: obj('v1', 'Endpoints', {
        subsets: [
          {
            addresses: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((ip) => ({ ip })),
            ports: [{ port: 80 }],
          },
        ],
      }),
      want: ['x', '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...', '5h'],
    },
    {
      name: 'endpoints none',
      obj: obj('v1', 'Endpoints', {}),
      want: ['x', '<none>', '5h'],
    },
    {
      name: 'endpointslice',
      obj: obj('discovery.k8s.io/v1', 'EndpointSlice', {
        addressType: 'IPv4',
        ports: [{ port: 80 }],
        endpoints: [{ addresses: ['10.0.0.1'] }],
      }),
      want: ['x', 'IPv4', '80', '10.0.0.1', '5h'],
    },
    {
      name: 'endpointslice empty',
      obj: obj('discovery.k8s.io/v1', 'EndpointSlice', { addressType: 'IPv4' }),
      want: ['x', 'IPv4', '<unset>', '<unset>', '5h'],
    },
    {
      name: 'node cordoned control plane',
      obj: obj(
        'v1',
        'Node',
        {
          spec: { unschedulable: true },
          status: {
            conditions: [{ type: 'Ready', status: 'True' }],
            nodeInfo: { kubeletVersion: 'v1.31.0' },
          },
        },
        { namespace: undefined, labels: { 'node-role.kubernetes.io/control-plane': '' } },
      ),
      want: ['x', 'Ready,SchedulingDisabled', 'control-plane', '5h', 'v1.31.0'],
    },
    {
      name: 'node not ready, no role',
      obj: obj('v1', 'Node', {
        status: {
          conditions: [{ type: 'Ready', status: 'Unknown' }],
          nodeInfo: { kubeletVersion: 'v1.31.0' },
        },
      }),
      want: ['x', 'NotReady', '<none>', '5h', 'v1.31.0'],
    },
    {
      name: 'namespace',
      obj: obj('v1', 'Namespace', { status: { phase: 'Active' } }),
      want: ['x', 'Active', '5h'],
    },
    { name: 'configmap', obj: obj('v1', 'ConfigMap', { data: { a: '1', b: '2' } }), want: ['x', '2', '5h'] },
    {
      name: 'secret',
      obj: obj('v1', 'Secret', { type: 'Opaque', data: { a: 'MQ==' } }),
      want: ['x', 'Opaque', '1', '5h'],
    },
    { name: 'serviceaccount', obj: obj('v1', 'ServiceAccount', {}), want: ['x', '0', '5h'] },
    {
      name: 'event',
      obj: obj('v1', 'Event', {
        type: 'Normal',
        reason: 'Scheduled',
        message: 'Successfully assigned default/web-1 to node-1 ',
        involvedObject: { kind: 'Pod', name: 'web-1' },
        lastTimestamp: '2025-01-01T04:59:00Z',
      }),
      want: ['60s', 'Normal', 'Scheduled', 'pod/web-1', 'Successfully assigned default/web-1 to node-1'],
    },
    {
      name: 'hpa',
      obj: obj('autoscaling/v2', 'HorizontalPodAutoscaler', {
        spec: {
          scaleTargetRef: { kind: 'Deployment', name: 'web' },
          minReplicas: 1,
          maxReplicas: 10,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
            },
          ],
        },
        status: { currentReplicas: 1 },
      }),
      want: ['x', 'Deployment/web', 'cpu: <unknown>/50%', '1', '10', '1', '5h'],
    },
    {
      name: 'pvc bound',
      obj: obj('v1', 'PersistentVolumeClaim', {
        spec: { volumeName: 'pv-1', storageClassName: 'standard' },
        status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] },
      }),
      want: ['x', 'Bound', 'pv-1', '1Gi', 'RWO', 'standard', '<unset>', '5h'],
    },
    {
      name: 'default storageclass',
      obj: obj(
        'storage.k8s.io/v1',
        'StorageClass',
        { provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' },
        {
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        },
      ),
      want: ['x (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', 'false', '5h'],
    },
    {
      name: 'networkpolicy empty selector',
      obj: obj('networking.k8s.io/v1', 'NetworkPolicy', { spec: { podSelector: {} } }),
      want: ['x', '<none>', '5h'],
    },
    {
      name: 'pdb',
      obj: obj('policy/v1', 'PodDisruptionBudget', {
        spec: { minAvailable: 2 },
        status: { disruptionsAllowed: 1 },
      }),
      want: ['x', '2', 'N/A', '1', '5h'],
    },
    {
      name: 'controllerrevision',
      obj: obj(
        'apps/v1',
        'ControllerRevision',
        { revision: 2 },
        {
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true },
          ],
        },
      ),
      want: ['x', 'statefulset.apps/db', '2', '5h'],
    },
    {
      name: 'lease',
      obj: obj('coordination.k8s.io/v1', 'Lease', { spec: { holderIdentity: 'node-1' } }),
      want: ['x', 'node-1', '5h'],
    },
    { name: 'generic fallback', obj: obj('batch/v1', 'Job', {}), want: ['x', '5h'] },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const p = printerForKind(r.obj.kind);
      const cells = p.row(r.obj, { nowMs: 5 * HOUR, wide: r.wide ?? false });
      const kept = cells.filter((_, i) => r.wide || (p.columns[i]?.priority ?? 0) === 0);
      expect(kept).toEqual(r.want);
    });
  }
});
