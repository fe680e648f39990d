// Table tests for validateObject on kinds beyond workloads, Pods and Services: each case lists the (type, field) pairs Kubernetes reports, like ErrorMatcher ByType ByField.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import type { ResourceInfo } from '../types';
import { R, podTemplate, check, type Expect } from './testFixtures';

describe('validateObject: other kinds', () => {
  const nsObj = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  it.each([
    ['Namespace valid', R.Namespace, nsObj('team-a'), []],
    ['Namespace with dots', R.Namespace, nsObj('team.a'), [['FieldValueInvalid', 'metadata.name']]],
    [
      'ConfigMap bad key',
      R.ConfigMap,
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c', namespace: 'd' },
        data: { 'a/b': 'x', ok: 'y' },
      },
      [['FieldValueInvalid', 'data[a/b]']],
    ],
    [
      'TLS secret missing keys',
      R.Secret,
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's', namespace: 'd' },
        type: 'kubernetes.io/tls',
        data: {},
      },
      [
        ['FieldValueRequired', 'data[tls.crt]'],
        ['FieldValueRequired', 'data[tls.key]'],
      ],
    ],
    [
      'Node bad taint effect, duplicate taint',
      R.Node,
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'n1' },
        spec: {
          taints: [
            { key: 'a', effect: 'Never' },
            { key: 'b', effect: 'NoSchedule' },
            { key: 'b', effect: 'NoSchedule' },
          ],
        },
      },
      [
        ['FieldValueNotSupported', 'spec.taints[0].effect'],
        ['FieldValueDuplicate', 'spec.taints[2]'],
      ],
    ],
    [
      'cluster-scoped with namespace',
      R.Node,
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', namespace: 'x' } },
      [['FieldValueForbidden', 'metadata.namespace']],
    ],
    [
      'PVC missing access modes and storage',
      R.PersistentVolumeClaim,
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'd' }, spec: {} },
      [
        ['FieldValueRequired', 'spec.accessModes'],
        ['FieldValueRequired', 'spec.resources[storage]'],
      ],
    ],
    [
      'PVC valid',
      R.PersistentVolumeClaim,
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'c', namespace: 'd' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
      [],
    ],
    [
      'PV without source',
      R.PersistentVolume,
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'pv' },
        spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
      },
      [['FieldValueRequired', 'spec']],
    ],
    [
      'HPA min > max',
      R.HorizontalPodAutoscaler,
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'h', namespace: 'd' },
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 5, maxReplicas: 0 },
      },
      [
        ['FieldValueInvalid', 'spec.maxReplicas'],
        ['FieldValueInvalid', 'spec.maxReplicas'],
      ],
    ],
    [
      'NetworkPolicy bad protocol',
      R.NetworkPolicy,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'np', namespace: 'd' },
        spec: { podSelector: {}, ingress: [{ ports: [{ protocol: 'ICMP', port: 80 }] }] },
      },
      [['FieldValueNotSupported', 'spec.ingress[0].ports[0].protocol']],
    ],
    [
      'PriorityClass too high',
      R.PriorityClass,
      {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        metadata: { name: 'high' },
        value: 2000000000,
      },
      [['FieldValueForbidden', 'value']],
    ],
    [
      'EndpointSlice bad addressType',
      R.EndpointSlice,
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'e', namespace: 'd' },
        addressType: 'IPv5',
        endpoints: [],
      },
      [['FieldValueNotSupported', 'addressType']],
    ],
  ] as [string, ResourceInfo, KubeObject, Expect][])('%s', (_n, resource, obj, expected) => {
    expect(check(resource, obj)).toEqual(expected);
  });

  it('StatefulSet: valid, then empty selector and bad policy', () => {
    const sts = (): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'd' },
      spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: podTemplate() },
    });
    expect(check(R.StatefulSet, sts())).toEqual([]);
    const bad = sts();
    Object.assign(bad.spec as object, { selector: {}, podManagementPolicy: 'Random' });
    expect(check(R.StatefulSet, bad)).toEqual([
      ['FieldValueInvalid', 'spec.podManagementPolicy'],
      ['FieldValueInvalid', 'spec.selector'],
    ]);
  });

  it('DaemonSet: maxSurge and maxUnavailable both set', () => {
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds', namespace: 'd' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: podTemplate(),
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } },
      },
    };
    expect(check(R.DaemonSet, ds)).toEqual([
      ['FieldValueInvalid', 'spec.updateStrategy.rollingUpdate.maxSurge'],
    ]);
  });
});
