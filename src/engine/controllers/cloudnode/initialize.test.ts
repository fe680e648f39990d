// The cloud node controller's planners: what initialization does to a node, its addresses, and beta labels.
import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import type { InstanceMetadata } from '../../cloud/types';
import { cloudAddresses, initializedNode, TAINT_UNINITIALIZED } from './initialize';
import { labelsToReconcile } from './labels';

const meta: InstanceMetadata = {
  providerID: 'kind://docker/kind/node-4',
  instanceType: 'e2-standard-4',
  nodeAddresses: [
    { type: 'InternalIP', address: '172.18.0.6' },
    { type: 'Hostname', address: 'node-4' },
  ],
  zone: 'zone-a',
  region: 'region-1',
};
const uninitialized = { key: TAINT_UNINITIALIZED, value: 'true', effect: 'NoSchedule' };

describe('initializedNode', () => {
  const cases: Array<{ name: string; node: Node; spec: Node['spec']; labels: Record<string, string> }> = [
    {
      name: 'sets providerID, the zone/region/instance-type labels (GA and beta) and drops the taint',
      node: { metadata: { name: 'node-4', labels: { a: 'b' } }, spec: { taints: [uninitialized] } },
      spec: { providerID: 'kind://docker/kind/node-4' },
      labels: {
        a: 'b',
        'node.kubernetes.io/instance-type': 'e2-standard-4',
        'beta.kubernetes.io/instance-type': 'e2-standard-4',
        'topology.kubernetes.io/zone': 'zone-a',
        'failure-domain.beta.kubernetes.io/zone': 'zone-a',
        'topology.kubernetes.io/region': 'region-1',
        'failure-domain.beta.kubernetes.io/region': 'region-1',
      },
    },
    {
      name: 'keeps a providerID the kubelet set, and other taints',
      node: {
        metadata: { name: 'node-4' },
        spec: {
          providerID: 'kind://docker/kind/kubelet-set',
          taints: [{ key: 'gpu', effect: 'NoSchedule' }, uninitialized],
        },
      },
      spec: { providerID: 'kind://docker/kind/kubelet-set', taints: [{ key: 'gpu', effect: 'NoSchedule' }] },
      labels: {
        'node.kubernetes.io/instance-type': 'e2-standard-4',
        'beta.kubernetes.io/instance-type': 'e2-standard-4',
        'topology.kubernetes.io/zone': 'zone-a',
        'failure-domain.beta.kubernetes.io/zone': 'zone-a',
        'topology.kubernetes.io/region': 'region-1',
        'failure-domain.beta.kubernetes.io/region': 'region-1',
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = initializedNode(c.node, meta);
      expect(out.spec).toEqual(c.spec);
      expect(out.metadata?.labels).toEqual(c.labels);
    });
  }
});

describe('cloudAddresses', () => {
  const node = (addresses: Node['status'], providedIP?: string): Node => ({
    metadata: {
      name: 'node-4',
      ...(providedIP ? { annotations: { 'alpha.kubernetes.io/provided-node-ip': providedIP } } : {}),
    },
    status: addresses,
  });
  it('posts nothing when the kubelet already reports the cloud addresses', () => {
    expect(cloudAddresses(node({ addresses: meta.nodeAddresses }, '172.18.0.6'), meta)).toBeUndefined();
  });
  it('fills in the cloud addresses of a node that reported none', () => {
    expect(cloudAddresses(node({}), meta)).toEqual(meta.nodeAddresses);
  });
  it('keeps the kubelet hostname when the cloud gives none, and puts the provided node IP first', () => {
    const m = {
      ...meta,
      nodeAddresses: [
        { type: 'ExternalIP', address: '34.1.2.3' },
        { type: 'InternalIP', address: '172.18.0.6' },
      ],
    };
    expect(
      cloudAddresses(node({ addresses: [{ type: 'Hostname', address: 'node-4' }] }, '172.18.0.6'), m),
    ).toEqual([
      { type: 'InternalIP', address: '172.18.0.6' },
      { type: 'ExternalIP', address: '34.1.2.3' },
      { type: 'Hostname', address: 'node-4' },
    ]);
  });
  it('refuses a provided node IP the instance does not have', () => {
    expect(cloudAddresses(node({}, '10.9.9.9'), meta)).toBeUndefined();
  });
});

describe('labelsToReconcile', () => {
  const cases: Array<{ name: string; labels: Record<string, string> | undefined; expected: unknown }> = [
    { name: 'no labels', labels: undefined, expected: undefined },
    { name: 'no GA labels', labels: { a: 'b' }, expected: undefined },
    {
      name: 'beta label missing',
      labels: { 'topology.kubernetes.io/zone': 'zone-b' },
      expected: { 'failure-domain.beta.kubernetes.io/zone': 'zone-b' },
    },
    {
      name: 'beta label disagrees',
      labels: { 'node.kubernetes.io/instance-type': 'x', 'beta.kubernetes.io/instance-type': 'y' },
      expected: { 'beta.kubernetes.io/instance-type': 'x' },
    },
    {
      name: 'in step',
      labels: { 'topology.kubernetes.io/region': 'r', 'failure-domain.beta.kubernetes.io/region': 'r' },
      expected: undefined,
    },
  ];
  for (const c of cases) it(c.name, () => expect(labelsToReconcile(c.labels)).toEqual(c.expected));
});
