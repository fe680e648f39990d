// Registers one node as its kubelet would: the Node object, its Lease in kube-node-lease, and a running machine.
// mirrors pkg/kubelet/kubelet_node_status.go registerWithAPIServer and pkg/kubelet/nodelease (ensure lease).
import type { ClusterRuntime, NodeSpec } from './types';
import type { KubeObject } from '../types/object';
import { buildLease, buildNode, microTime, NODE_LEASE_NAMESPACE } from './nodeObject';

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
  const desired = buildNode(spec, index, nowRfc, machineId);
  let node = rt.api.create('nodes', undefined, desired, ctx);
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
