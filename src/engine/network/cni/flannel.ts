// flannel (kube-flannel.yml, backend vxlan): host-local IPAM on the node's /24 of 10.244.0.0/16, the cni0 bridge on
// each node, and a VXLAN overlay through flannel.1 (VNI 1, UDP 8472). flannel has no NetworkPolicy support at all.
import type { Node } from 'kubernetes-types/core/v1';
import { parseCidr, formatIpv4 } from '../ip';
import { enterPod, hostIf, leavePod, sameNode, wire } from './devices';
import { PerNodeCidrIpam } from './ipam';
import type { CniPlugin, Hop, PathEnd } from './types';

/** the node's podCIDR (kube-controller-manager --allocate-node-cidrs), else the index-th /24 of 10.244.0.0/16 */
export function nodePodCidr(node: Node, index: number): string {
  return node.spec?.podCIDR ?? `10.244.${index}.0/24`;
}

export function gatewayOf(cidr: string): string {
  const c = parseCidr(cidr);
  return c ? formatIpv4(c.base + 1) : '?';
}

export function createFlannel(): CniPlugin {
  const ipam = new PerNodeCidrIpam('host-local: the node podCIDR, a /24 of 10.244.0.0/16', nodePodCidr);
  return {
    name: 'flannel',
    networking: 'VXLAN overlay (flannel.1, UDP 8472) + cni0 bridge',
    policyLevel: 'none',
    enforcesPolicy: false,
    encryption: 'none (wireguard/ipsec backends exist but are not the default)',
    observability: 'none built in',
    ipam,
    path(src: PathEnd, dst: PathEnd, view): Hop[] {
      const sv = hostIf('veth', src);
      const dv = hostIf('veth', dst);
      const srcNode = view.node(src.node);
      const dstNode = view.node(dst.node);
      const srcCidr = srcNode ? ipam.rangeOf(srcNode) : '';
      const dstCidr = dstNode ? ipam.rangeOf(dstNode) : '';
      const hops: Hop[] = [
        leavePod(src, sv),
        {
          node: src.node,
          at: 'cni0',
          detail: `Linux bridge cni0 (${gatewayOf(srcCidr)}) receives the frame on port ${sv}`,
        },
      ];
      if (sameNode(src, dst)) {
        hops.push({
          node: src.node,
          at: 'cni0',
          detail: `same node: bridge forwards to port ${dv} (MAC learned, no routing)`,
        });
        return [...hops, enterPod(dst, dv)];
      }
      const net = parseCidr(dstCidr);
      return [
        ...hops,
        {
          node: src.node,
          at: 'route',
          detail: `ip route: ${dstCidr} via ${net ? formatIpv4(net.base) : '?'} dev flannel.1 onlink`,
        },
        {
          node: src.node,
          at: 'flannel.1',
          detail: `VXLAN encap: VNI 1, outer UDP dport 8472, inner ${src.ip} -> ${dst.ip} (FDB entry of ${dst.node}'s flannel.1 MAC -> ${dst.nodeIp})`,
        },
        wire(src, dst, 'UDP/8472'),
        { node: dst.node, at: 'flannel.1', detail: `VXLAN decap on ${dst.node}` },
        {
          node: dst.node,
          at: 'cni0',
          detail: `ip route: ${dstCidr} dev cni0; bridge forwards to port ${dv}`,
        },
        enterPod(dst, dv),
      ];
    },
    policyHop(end) {
      return {
        node: end.node,
        at: 'none',
        detail: 'flannel does not enforce NetworkPolicy: policies are stored but ignored',
      };
    },
  };
}
