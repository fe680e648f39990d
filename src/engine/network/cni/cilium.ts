// Cilium (helm defaults: routingMode tunnel, tunnelProtocol vxlan, ipam cluster-pool 10.0.0.0/8 mask /24): no bridge;
// eBPF programs on the lxc veth (bpf_lxc), the tunnel device (bpf_overlay) and the node NIC (bpf_host); identity-based
// L3/L4 policy plus L7 HTTP rules through the Envoy proxy; Hubble keeps a flow log.
import { hashString } from '../../sim/rng';
import type { DirectionVerdict } from '../policy/evaluate';
import { enterPod, hostIf, leavePod, sameNode, wire } from './devices';
import { PerNodeCidrIpam } from './ipam';
import type { CniPlugin, Hop, PathEnd } from './types';

/** a security identity as Cilium allocates from labels (>= 256; reserved identities below) */
export function securityIdentity(end: PathEnd): number {
  if (!end.pod) return 2; // reserved:world
  const labels = Object.entries(end.pod.metadata?.labels ?? {})
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return 256 + ((hashString(`${end.pod.metadata?.namespace ?? ''}|${labels}`) >>> 0) % 65000);
}

export function createCilium(
  routing: 'tunnel' | 'native' = 'tunnel',
  encryption: 'none' | 'wireguard' | 'ipsec' = 'none',
): CniPlugin {
  const ipam = new PerNodeCidrIpam(
    'cluster-pool: 10.0.0.0/8, a /24 per node (CiliumNode spec.ipam.podCIDRs)',
    (_n, i) => `10.0.${i}.0/24`,
  );
  return {
    name: 'cilium',
    networking: routing === 'tunnel' ? 'eBPF, VXLAN tunnel (cilium_vxlan, UDP 8472)' : 'eBPF, native routing',
    policyLevel: 'L3/L4 + L7 (HTTP)',
    enforcesPolicy: true,
    encryption:
      encryption === 'none'
        ? 'optional WireGuard / IPsec (off)'
        : encryption === 'wireguard'
          ? 'WireGuard (cilium_wg0)'
          : 'IPsec',
    observability: 'Hubble flow log (sim cni flows)',
    ipam,
    path(src: PathEnd, dst: PathEnd): Hop[] {
      const sl = hostIf('lxc', src);
      const dl = hostIf('lxc', dst);
      const hops: Hop[] = [
        leavePod(src, sl),
        {
          node: src.node,
          at: `bpf_lxc (${sl}, from-container)`,
          detail: `tc ingress eBPF: identity ${securityIdentity(src)}, conntrack lookup, no bridge and no iptables`,
        },
      ];
      if (sameNode(src, dst))
        return [
          ...hops,
          {
            node: src.node,
            at: 'bpf_lxc',
            detail: `endpoint map hit for ${dst.ip}: bpf_redirect_peer straight to ${dl}`,
          },
          enterPod(dst, dl),
        ];
      if (routing === 'tunnel')
        hops.push(
          {
            node: src.node,
            at: 'cilium_vxlan (bpf_overlay)',
            detail: `tunnel map: ${dst.ip} -> ${dst.nodeIp}; VXLAN encap with VNI = source identity ${securityIdentity(src)}, UDP 8472`,
          },
          wire(src, dst, encryption === 'wireguard' ? 'WireGuard (cilium_wg0)' : 'UDP/8472'),
          {
            node: dst.node,
            at: 'cilium_vxlan (bpf_overlay)',
            detail: 'VXLAN decap; source identity read from the VNI',
          },
        );
      else
        hops.push(
          { node: src.node, at: 'bpf_host (eth0)', detail: `native routing: ${dst.ip} via ${dst.nodeIp}` },
          wire(src, dst, 'plain IP'),
        );
      return [
        ...hops,
        {
          node: dst.node,
          at: `bpf_lxc (${dl}, to-container)`,
          detail: `policy map lookup for identity ${securityIdentity(src)}`,
        },
        enterPod(dst, dl),
      ];
    },
    policyHop(end: PathEnd, v: DirectionVerdict): Hop {
      return {
        node: end.node,
        at: `bpf_lxc policy map (${v.direction.toLowerCase()})`,
        detail: v.isolated
          ? `${v.allowed ? 'ALLOWED' : 'DENIED (Policy denied)'}: ${v.reason}`
          : 'endpoint has no policy: default allow',
      };
    },
  };
}
