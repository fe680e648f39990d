// The kubelet's side of CNI ADD / DEL for a pod sandbox: a hostNetwork pod shares its node's IP (no CNI call, as
// kuberuntime does for host-network sandboxes); every other pod gets its IP from the cluster's CNI plugin model
// (flannel / antrea: host-local on the node podCIDR, calico: /26 blocks, cilium: cluster-pool, weave: its ring).
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ClusterCni } from '../network/cni/index';
import type { KubeObject } from '../types/object';

export class PodIpam {
  constructor(private readonly cni: () => ClusterCni) {}

  /** the sandbox's IP: the node's InternalIP for hostNetwork pods, else one from the CNI's IPAM */
  setUp(
    node: Readonly<KubeObject> | undefined,
    pod: Readonly<KubeObject> | undefined,
    hostIP: string | undefined,
  ): string | undefined {
    if ((pod?.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork) return hostIP;
    if (!node || !pod) return undefined;
    return this.cni().allocatePodIP(node as unknown as Node, pod as unknown as Pod);
  }

  /** CNI DEL: give the address back (a hostNetwork pod's node IP was never taken) */
  tearDown(podIP: string, hostIP: string | undefined): void {
    if (podIP !== hostIP) this.cni().releasePodIP(podIP);
  }
}
