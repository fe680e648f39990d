import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { createCluster } from '../index';
import { nodeInternalIP, nodePodCIDR } from './nodeObject';
describe('bootstrapCluster (createCluster defaults)', () => {
  // what bootstrap alone writes; the control plane's own objects are tested in systemWorkloads.test.ts
  const c = createCluster({ controlPlane: false });
  const api = c.runtime.api;

  it('creates the four system namespaces, Active, each with a default ServiceAccount', () => {
    const names = api.list('namespaces', undefined).items.map((n) => n.metadata.name);
    expect(names).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    for (const ns of api.list('namespaces', undefined).items) {
      expect((ns.status as { phase?: string }).phase).toBe('Active');
      expect(api.get('serviceaccounts', ns.metadata.name, 'default').metadata.name).toBe('default');
    }
  });

  it('creates the kubernetes Service at 10.96.0.1:443 -> 6443', () => {
    const svc = api.get('services', 'default', 'kubernetes') as {
      spec?: { clusterIP?: string; ports?: unknown[] };
    };
    expect(svc.spec?.clusterIP).toBe('10.96.0.1');
    expect(svc.spec?.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
  });

  it('publishes the API server endpoint (control-plane IP :6443) for the kubernetes Service', () => {
    const slice = api.get('endpointslices', 'default', 'kubernetes') as {
      endpoints?: Array<{ addresses: string[] }>;
    };
    expect(slice.endpoints?.[0]?.addresses).toEqual(['172.18.0.2']);
    // endpointsadapter.go endpointSliceFromEndpoints: only the service-name label, no managed-by
    expect(api.get('endpointslices', 'default', 'kubernetes').metadata.labels).toEqual({
      'kubernetes.io/service-name': 'kubernetes',
    });
    const ep = api.get('endpoints', 'default', 'kubernetes') as {
      subsets?: Array<{ ports?: Array<{ port: number }> }>;
    };
    expect(ep.subsets?.[0]?.ports?.[0]?.port).toBe(6443);
  });

  it('registers control-plane plus node-1..node-3 in zones a/b/c', () => {
    const nodes = api.list('nodes', undefined).items as Node[];
    expect(nodes.map((n) => n.metadata?.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    const zone = (n: Node) => n.metadata?.labels?.['topology.kubernetes.io/zone'];
    expect(nodes.map(zone)).toEqual(['zone-a', 'zone-a', 'zone-b', 'zone-c']);
  });

  it('labels and taints the control-plane node as kubeadm does', () => {
    const cp = api.get('nodes', undefined, 'control-plane') as Node;
    expect(cp.metadata?.labels).toMatchObject({
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
      'kubernetes.io/hostname': 'control-plane',
    });
    expect(cp.spec?.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  });

  it('gives worker nodes capacity, Ready conditions, addresses and nodeInfo', () => {
    const n = api.get('nodes', undefined, 'node-2') as Node;
    expect(n.status?.capacity).toEqual({
      cpu: '4',
      memory: '16Gi',
      pods: '110',
      'ephemeral-storage': '100Gi',
    });
    expect(n.status?.allocatable).toEqual(n.status?.capacity);
    const ready = n.status?.conditions?.find((x) => x.type === 'Ready');
    expect(ready).toMatchObject({
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
    });
    // NetworkUnavailable=False (RouteCreated) as the cloud's route controller leaves it
    expect(n.status?.conditions?.filter((x) => x.status === 'False').map((x) => x.type)).toEqual([
      'MemoryPressure',
      'DiskPressure',
      'PIDPressure',
      'NetworkUnavailable',
    ]);
    expect(n.status?.addresses).toEqual([
      { type: 'InternalIP', address: '172.18.0.4' },
      { type: 'Hostname', address: 'node-2' },
    ]);
    expect(n.status?.nodeInfo).toMatchObject({
      kubeletVersion: 'v1.35.0',
      containerRuntimeVersion: 'containerd://2.2.0',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
    });
    expect(n.spec?.podCIDR).toBe('10.244.2.0/24');
    expect(n.spec?.taints).toBeUndefined();
  });

  it('creates a Lease per node owned by its Node, and a running machine', () => {
    for (const name of ['control-plane', 'node-1', 'node-2', 'node-3']) {
      const lease = api.get('leases', 'kube-node-lease', name) as Lease;
      expect(lease.spec).toMatchObject({ holderIdentity: name, leaseDurationSeconds: 40 });
      expect(lease.metadata?.ownerReferences?.[0]).toMatchObject({
        kind: 'Node',
        name,
        uid: api.get('nodes', undefined, name).metadata.uid,
      });
      expect(c.runtime.machines.get(name)).toEqual({ up: true });
    }
  });

  it('honours explicit node specs: labels, taints, sizes', () => {
    const c2 = createCluster({
      nodes: [
        {
          name: 'gpu-1',
          cpu: '16',
          memory: '64Gi',
          pods: 50,
          zone: 'zone-x',
          labels: { gpu: 'true' },
          taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }],
        },
      ],
    });
    const n = c2.runtime.api.get('nodes', undefined, 'gpu-1') as Node;
    expect(n.metadata?.labels).toMatchObject({ gpu: 'true', 'topology.kubernetes.io/zone': 'zone-x' });
    expect(n.spec?.taints).toEqual([{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }]);
    expect(n.status?.capacity).toMatchObject({ cpu: '16', memory: '64Gi', pods: '50' });
  });

  it('builds 5,000 nodes with distinct IPs and pod CIDRs', { timeout: 60_000 }, () => {
    const big = createCluster({ nodes: 5000 });
    expect(big.runtime.store.count('/registry/nodes/')).toBe(5001);
    expect(big.runtime.store.count('/registry/leases/kube-node-lease/')).toBe(5001);
    expect(big.runtime.machines.size).toBe(5001);
    const cidrs = new Set(Array.from({ length: 5001 }, (_, i) => nodePodCIDR(i)));
    const ips = new Set(Array.from({ length: 5001 }, (_, i) => nodeInternalIP(i)));
    expect(cidrs.size).toBe(5001);
    expect(ips.size).toBe(5001);
    expect(cidrs.has('10.96.0.0/24')).toBe(false);
  });
});
