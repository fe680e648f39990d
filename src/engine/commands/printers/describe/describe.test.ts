// Golden tests for describe output (layout as k8s.io/kubectl/pkg/describe/describe.go prints it).
import { describe, expect, it } from 'vitest';
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../types/object';
import { describePod } from './pod';
import { describeDeployment } from './workloads';
import { describeNode } from './node';
import { rfc1123z, describeEvents } from './common';
import { DescribeWriter } from './writer';
import { smartLabelFor } from './generic';
import { webReplicaSet } from './testFixtures';

const MIN = 60_000;

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-7d4b9c-x2x4z',
    namespace: 'default',
    uid: 'u1',
    creationTimestamp: '2025-01-01T00:00:00Z',
    labels: { app: 'web', 'pod-template-hash': '7d4b9c' },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c', uid: 'rs1', controller: true },
    ],
  },
  spec: {
    nodeName: 'node-1',
    serviceAccountName: 'default',
    priority: 0,
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: { requests: { cpu: '100m', memory: '128Mi' } },
      },
    ],
    tolerations: [
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ],
  },
  status: {
    phase: 'Running',
    hostIP: '172.18.0.3',
    podIP: '10.244.1.5',
    podIPs: [{ ip: '10.244.1.5' }],
    startTime: '2025-01-01T00:00:01Z',
    qosClass: 'Burstable',
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
    ],
    containerStatuses: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        imageID: 'docker.io/library/nginx@sha256:abc',
        containerID: 'containerd://0123',
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: '2025-01-01T00:00:05Z' } },
      },
    ],
  },
};

const scheduled: Event = {
  metadata: { name: 'web.1', namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'web-7d4b9c-x2x4z', namespace: 'default' },
  type: 'Normal',
  reason: 'Scheduled',
  message: 'Successfully assigned default/web-7d4b9c-x2x4z to node-1',
  source: { component: 'default-scheduler' },
  firstTimestamp: '2025-01-01T00:00:00Z',
  lastTimestamp: '2025-01-01T00:00:00Z',
  count: 1,
};
const backoff: Event = {
  metadata: { name: 'web.2', namespace: 'default' },
  involvedObject: {
    kind: 'Pod',
    name: 'web-7d4b9c-x2x4z',
    namespace: 'default',
    fieldPath: 'spec.containers{nginx}',
  },
  type: 'Warning',
  reason: 'BackOff',
  message: 'Back-off restarting failed container',
  source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: '2025-01-01T00:00:30Z',
  lastTimestamp: '2025-01-01T00:05:00Z',
  count: 3,
};

describe('describe pod', () => {
  it('matches the kubectl layout', () => {
    const out = describePod(pod, { nowMs: 10 * MIN, events: [backoff, scheduled] });
    expect(out).toBe(
      [
        'Name:             web-7d4b9c-x2x4z',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-1/172.18.0.3',
        'Start Time:       Wed, 01 Jan 2025 00:00:01 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=7d4b9c',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web-7d4b9c',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://0123',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:abc',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:00:05 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Requests:',
        '      cpu:        100m',
        '      memory:     128Mi',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Conditions:',
        '  Type           Status',
        '  Initialized    True ',
        '  Ready          True ',
        'Volumes:         <none>',
        'QoS Class:       Burstable',
        'Node-Selectors:  <none>',
        'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason     Age                 From               Message',
        '  ----     ------     ----                ----               -------',
        '  Normal   Scheduled  10m                 default-scheduler  Successfully assigned default/web-7d4b9c-x2x4z to node-1',
        '  Warning  BackOff    5m (x3 over 9m30s)  kubelet            spec.containers{nginx}: Back-off restarting failed container',
        '',
      ].join('\n'),
    );
  });
  it('prints Events: <none> without events and nothing when events are not shown', () => {
    expect(describePod(pod, { nowMs: 0, events: [] })).toMatch(/\nEvents:\s+<none>\n$/);
    expect(describePod(pod, { nowMs: 0, events: undefined })).not.toContain('Events:');
  });
  it('shows Terminating with the grace period', () => {
    const p = {
      ...pod,
      metadata: {
        ...pod.metadata,
        deletionTimestamp: '2025-01-01T00:09:00Z',
        deletionGracePeriodSeconds: 30,
      },
    };
    const out = describePod(p, { nowMs: 10 * MIN, events: [] });
    expect(out).toContain(
      'Status:                    Terminating (lasts 60s)\nTermination Grace Period:  30s\n',
    );
    expect((pod as unknown as Pod).status?.phase).toBe('Running');
  });
});

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'd1',
    creationTimestamp: '2025-01-01T00:00:00Z',
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '2' },
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    },
  },
  status: {
    replicas: 3,
    updatedReplicas: 3,
    availableReplicas: 3,
    readyReplicas: 3,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
};
describe('describe deployment', () => {
  it('matches the kubectl layout', () => {
    const out = describeDeployment(deployment, {
      nowMs: 0,
      events: [],
      replicaSets: [
        webReplicaSet('web-old', 'nginx:1.26', '2025-01-01T00:00:00Z', '1', 0),
        webReplicaSet('web-new', 'nginx:1.27', '2025-01-01T00:01:00Z', '2', 3),
      ],
    });
    expect(out).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        'Selector:               app=web',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  web-old (0/0 replicas created)',
        'NewReplicaSet:   web-new (3/3 replicas created)',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('describe node', () => {
  const node: KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'node-1',
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: { 'kubernetes.io/hostname': 'node-1' },
    },
    spec: {
      unschedulable: true,
      taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    },
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }],
      nodeInfo: { kubeletVersion: 'v1.31.0' },
    },
  };
  const p = pod as unknown as Pod;
  it('lists non-terminated pods with request percentages and the allocated totals', () => {
    const out = describeNode(node, { nowMs: 10 * MIN, events: [], pods: [p, p] });
    expect(out).toContain(
      'Taints:             node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n',
    );
    expect(out).toContain('Non-terminated Pods:          (2 in total)\n');
    expect(out).toContain(
      '  default                     web-7d4b9c-x2x4z    100m (2%)     0 (0%)      128Mi (0%)       0 (0%)         10m\n',
    );
    expect(out).toContain(
      '  cpu                200m (5%)   0 (0%)\n  memory             256Mi (1%)  0 (0%)\n',
    );
  });
});

describe('helpers', () => {
  it('formats RFC1123Z with the weekday', () => {
    expect(rfc1123z('2025-03-15T13:04:05Z')).toBe('Sat, 15 Mar 2025 13:04:05 +0000');
  });
  it('orders events oldest first', () => {
    const w = new DescribeWriter();
    describeEvents(w, [backoff, scheduled], 10 * MIN);
    const lines = w.toString().split('\n');
    expect(lines[3]).toContain('Scheduled');
    expect(lines[4]).toContain('BackOff');
  });
  it('labels unstructured fields like smartLabelFor', () => {
    expect(smartLabelFor('holderIdentity')).toBe('Holder Identity');
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('leaseDurationSeconds')).toBe('Lease Duration Seconds');
  });
});
