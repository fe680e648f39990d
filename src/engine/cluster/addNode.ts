// Registers one node as its kubelet would: the cloud instance it runs on, the Node object, its Lease in
// kube-node-lease, and a running machine.
// mirrors pkg/kubelet/kubelet_node_status.go registerWithAPIServer and pkg/kubelet/nodelease (ensure lease).
import type { ClusterRuntime, NodeSpec } from './types';
import type { KubeObject } from '../types/object';
import type { Node } from 'kubernetes-types/core/v1';
import type { InstanceMetadata } from '../cloud/types';
import { cloudOf } from '../cloud/registry';
import { cloudAddresses, CLOUD_NODE_CONTROLLER, initializedNode } from '../controllers/cloudnode/initialize';
import { withNetworkCondition } from '../controllers/route/plan';
import {
  buildLease,
  buildNode,
  microTime,
  NODE_LEASE_NAMESPACE,
  nodeInternalIP,
  nodePodCIDR,
  withExternalCloudProvider,
} from './nodeObject';

/** next node index per cluster (numbers IPs and podCIDRs); the control-plane node takes 0 */
const nextIndex = new WeakMap<ClusterRuntime, number>();

export function kubeletActor(nodeName: string): string {
  return `kubelet/${nodeName}`;
}

/** Create the Node and its Lease and power its machine on. Throws the API server's StatusError (e.g. AlreadyExists). */
export function addNode(rt: ClusterRuntime, spec: NodeSpec): KubeObject {
  const index = nextIndex.get(rt) ?? 0;
  const now = rt.sim.clock.nowMs();
  const nowRfc = rt.sim.clock.toRfc3339(now);
  const machineId = rt.sim.rng.fork(`machine/${spec.name}`).uuid();
  const ctx = { actor: kubeletActor(spec.name), cause: 'kubelet registers its node' };
  const cloud = cloudOf(rt);
  const instance = cloud.launchInstance({
    name: spec.name,
    zone: spec.zone ?? spec.labels?.['topology.kubernetes.io/zone'],
    cpu: spec.cpu ?? '4',
    memory: spec.memory ?? '16Gi',
    internalIP: nodeInternalIP(index),
  });
  const meta = cloud.instanceMetadata(instance.providerID, spec.name) as InstanceMetadata;
  // with a cloud node controller running, the node waits for it under the uninitialized taint; nodes registered
  // before the control plane starts (the bootstrap ones) are taken as initialized, their routes in place
  const external = rt.components.some((c) => c.name === CLOUD_NODE_CONTROLLER);
  const desired = external
    ? withExternalCloudProvider(
        buildNode({ ...spec, zone: undefined }, index, nowRfc, machineId),
        instance.internalIP,
      )
    : bornInitialized(buildNode(spec, index, nowRfc, machineId), meta, nowRfc);
  let node = rt.api.create('nodes', undefined, desired, ctx);
  if (!external && node.metadata.uid) cloud.createRoute(node.metadata.uid, spec.name, nodePodCIDR(index));
  // Nodes may carry status on create (pkg/registry/core/node/strategy.go); post it if this server dropped it
  if (!(node.status as { conditions?: unknown[] } | undefined)?.conditions) {
    node = rt.api.updateStatus('nodes', undefined, { ...node, status: desired.status }, ctx);
  }
  nextIndex.set(rt, index + 1);
  rt.api.create(
    'leases',
    NODE_LEASE_NAMESPACE,
    buildLease(spec.name, node.metadata.uid, microTime(nowRfc, now)),
    {
      actor: kubeletActor(spec.name),
      cause: 'node lease controller ensures the lease',
    },
  );
  rt.machines.set(spec.name, { up: true });
  return node;
}

/** a Node as the cloud node controller and route controller leave it (providerID, labels, addresses, network) */
function bornInitialized(node: KubeObject, meta: InstanceMetadata, nowRfc: string): KubeObject {
  const init = initializedNode(node as Node, meta);
  const addresses = cloudAddresses(init, meta) ?? init.status?.addresses;
  const conditions = withNetworkCondition(init.status?.conditions ?? [], true, nowRfc);
  return { ...init, status: { ...init.status, addresses, conditions } } as KubeObject;
}
