// Builds the Node and Lease objects a kubelet registers (kind/kubeadm shaped), and the kubelet's node conditions.
// mirrors pkg/kubelet/kubelet_node_status.go initialNode + nodestatus setters (MemoryPressure/DiskPressure/PIDPressure/Ready).
import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { NodeSpec, Taint } from './types';
import type { KubeObject } from '../types/object';

/** the Kubernetes release kubesim models (kind's kindest/node:v1.35.0 image: containerd 2.2.0 on Debian 12) */
export const KUBELET_VERSION = 'v1.35.0';
export const CONTROL_PLANE_NODE = 'control-plane';
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** pkg/kubelet/kubelet.go: nodeLeaseDurationSeconds default (kubelet config NodeLeaseDurationSeconds) */
export const LEASE_DURATION_SECONDS = 40;

/** the control-plane node kind/kubeadm create: labelled and tainted so ordinary pods avoid it */
export function controlPlaneSpec(): NodeSpec {
  return {
    name: CONTROL_PLANE_NODE,
    zone: 'zone-a',
    labels: {
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
    },
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
  };
}

/** dotted IPv4 of a 32-bit number */
function ipv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** InternalIP on kind's docker network 172.18.0.0/16: .1 is the gateway, so node index i gets 172.18.0.(i+2) */
export function nodeInternalIP(index: number): string {
  return ipv4(((172 << 24) >>> 0) + (18 << 16) + index + 2);
}

/**
 * podCIDR of node index i: 10.244.i.0/24 as kube-controller-manager's range allocator hands out of kind's
 * 10.244.0.0/16. Past 256 nodes the simulated cluster CIDR simply continues (10.245.x, ... up to 10.255.x,
 * then 10.112.0.0 upward, clear of the 10.96.0.0/12 service range), so 5,000 nodes never share a range.
 */
export function nodePodCIDR(index: number): string {
  const base =
    index < 3072 ? (10 << 24) + (244 << 16) + index * 256 : (10 << 24) + (112 << 16) + (index - 3072) * 256;
  return `${ipv4(base)}/24`;
}

const KUBELET_CONDITIONS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/**
 * The conditions a healthy kubelet posts. A pressure condition some other part of the kubelet set (True) is kept,
 * only its heartbeat refreshed; Ready, and anything the node lifecycle controller marked Unknown, is reset to the
 * healthy value. lastTransitionTime changes only when the status does (nodestatus.go setters). Other condition
 * types (e.g. NetworkUnavailable) are passed through untouched.
 */
export function kubeletConditions(
  nowRfc3339: string,
  previous: readonly NodeCondition[] = [],
): NodeCondition[] {
  const out: NodeCondition[] = KUBELET_CONDITIONS.map(([type, status, reason, message]) => {
    const prev = previous.find((c) => c.type === type);
    if (prev && type !== 'Ready' && prev.status !== 'Unknown')
      return { ...prev, lastHeartbeatTime: nowRfc3339 };
    const lastTransitionTime =
      prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : nowRfc3339;
    return { type, status, lastHeartbeatTime: nowRfc3339, lastTransitionTime, reason, message };
  });
  for (const c of previous) if (!KUBELET_CONDITIONS.some(([type]) => type === c.type)) out.push(c);
  return out;
}

function nodeLabels(spec: NodeSpec): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
  };
  if (spec.zone) labels['topology.kubernetes.io/zone'] = spec.zone;
  return { ...labels, ...spec.labels };
}

function taintsOf(taints: readonly Taint[] | undefined): Taint[] | undefined {
  if (!taints || taints.length === 0) return undefined;
  return taints.map((t) =>
    t.value ? { key: t.key, value: t.value, effect: t.effect } : { key: t.key, effect: t.effect },
  );
}

/** The Node object the kubelet registers for spec; index numbers its IP and podCIDR. */
export function buildNode(spec: NodeSpec, index: number, nowRfc3339: string, machineId: string): KubeObject {
  const resources = {
    cpu: spec.cpu ?? '4',
    'ephemeral-storage': '100Gi',
    memory: spec.memory ?? '16Gi',
    pods: String(spec.pods ?? 110),
  };
  const podCIDR = nodePodCIDR(index);
  const taints = taintsOf(spec.taints);
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: nodeLabels(spec),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR,
      podCIDRs: [podCIDR],
      providerID: `kind://docker/kind/${spec.name}`,
      ...(taints ? { taints } : {}),
    },
    status: {
      capacity: { ...resources },
      allocatable: { ...resources },
      conditions: kubeletConditions(nowRfc3339),
      addresses: [
        { type: 'InternalIP', address: nodeInternalIP(index) },
        { type: 'Hostname', address: spec.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: machineId,
        containerRuntimeVersion: 'containerd://2.2.0',
        kernelVersion: '6.1.0-28-amd64',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: machineId.replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: machineId,
      },
    },
  };
  return node as KubeObject;
}

/**
 * The Node a kubelet started with --cloud-provider=external (and kind's --node-ip) registers: no providerID yet, the
 * node IP announced in an annotation for the cloud node controller, and the uninitialized taint appended last.
 * mirrors pkg/kubelet/kubelet_node_status.go initialNode (externalCloudProvider branch).
 */
export function withExternalCloudProvider(node: KubeObject, nodeIP: string): KubeObject {
  const n = node as Node & KubeObject;
  const spec = { ...n.spec };
  delete spec.providerID;
  spec.taints = [
    ...(spec.taints ?? []),
    { key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' },
  ];
  const annotations = { ...n.metadata.annotations, 'alpha.kubernetes.io/provided-node-ip': nodeIP };
  return { ...n, metadata: { ...n.metadata, annotations }, spec } as KubeObject;
}

/** metav1.MicroTime wire format (RFC 3339 with microseconds), as Lease.spec.renewTime carries it */
export function microTime(rfc3339Seconds: string, ms: number): string {
  const frac = String(Math.floor(ms % 1000) * 1000).padStart(6, '0');
  return rfc3339Seconds.replace(/Z$/, `.${frac}Z`);
}

/** The node's Lease in kube-node-lease, owned by the Node (pkg/kubelet/util/nodelease.go setNodeOwnerFunc). */
export function buildLease(nodeName: string, nodeUid: string | undefined, renewTime: string): KubeObject {
  const lease: Lease = {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: nodeName,
      namespace: NODE_LEASE_NAMESPACE,
      ...(nodeUid
        ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid }] }
        : {}),
    },
    spec: { holderIdentity: nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
  };
  return lease as KubeObject;
}
