// The contract every CNI plugin model fulfils: how it hands out pod IPs, the hops a packet takes between two pods,
// where (and whether) NetworkPolicy is enforced, encryption and observability — the rows of `sim cni compare`.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { CniName } from '../../cluster/types';
import type { DirectionVerdict } from '../policy/evaluate';
import type { NetworkView } from '../view';

/** one end of a pod-to-pod packet */
export interface PathEnd {
  /** undefined for a client outside the cluster / a host-network process */
  pod?: Pod;
  ip: string;
  node: string;
  nodeIp: string;
}

export interface Hop {
  node: string;
  /** short device/program name: "veth", "cni0", "flannel.1", "bpf_lxc", "br-int table 70" */
  at: string;
  detail: string;
}

export interface CniIpam {
  /** e.g. "host-local: the node's podCIDR (/24 out of 10.244.0.0/16)" */
  readonly summary: string;
  /** an address for a new pod on node, never one in use; undefined when the node's range is exhausted */
  allocate(node: Node, pod: Pod): string | undefined;
  release(ip: string): void;
  /** the range this node's pods draw from, for printing */
  rangeOf(node: Node): string;
}

export type PolicyLevel = 'none' | 'L3/L4' | 'L3/L4 + L7 (HTTP)';

export interface CniPlugin {
  readonly name: CniName;
  /** "VXLAN overlay (flannel.1, UDP 8472)" */
  readonly networking: string;
  readonly policyLevel: PolicyLevel;
  readonly enforcesPolicy: boolean;
  readonly encryption: string;
  readonly observability: string;
  readonly ipam: CniIpam;
  /** data path between two pods (same node or across nodes), excluding policy and kube-proxy */
  path(src: PathEnd, dst: PathEnd, view: NetworkView): Hop[];
  /** where a policy verdict is enforced for the pod at `end` (only called when enforcesPolicy) */
  policyHop(end: PathEnd, verdict: DirectionVerdict): Hop;
}
