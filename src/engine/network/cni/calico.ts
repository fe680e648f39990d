// Calico (calico.yaml): calico-ipam /26 blocks of 192.168.0.0/16, no bridge (a /32 route per pod to its caliXXX
// veth, proxy ARP), BGP (BIRD) routes between nodes with IP-in-IP (tunl0, the manifest default), VXLAN
// (vxlan.calico, UDP 4789) or no encapsulation; Felix enforces NetworkPolicy in iptables cali-* chains.
import type { DirectionVerdict } from '../policy/evaluate';
import { enterPod, hostIf, leavePod, sameNode, wire } from './devices';
import { CalicoBlockIpam } from './ipam';
import type { CniPlugin, Hop, PathEnd } from './types';

export type CalicoEncapsulation = 'IPIP' | 'VXLAN' | 'None';

export function createCalico(encap: CalicoEncapsulation = 'IPIP', wireguard = false): CniPlugin {
  const ipam = new CalicoBlockIpam();
  const blockOf = (ip: string) => {
    const parts = ip.split('.').map(Number);
    return `${parts[0]}.${parts[1]}.${parts[2]}.${Math.floor((parts[3] ?? 0) / 64) * 64}/26`;
  };
  return {
    name: 'calico',
    networking:
      encap === 'None'
        ? 'BGP-routed, no encapsulation'
        : encap === 'IPIP'
          ? 'BGP routes + IP-in-IP (tunl0)'
          : 'VXLAN (vxlan.calico, UDP 4789)',
    policyLevel: 'L3/L4',
    enforcesPolicy: true,
    encryption: wireguard ? 'WireGuard (wireguard.cali, UDP 51820)' : 'optional WireGuard (off)',
    observability: 'Felix metrics; flow logs only in Calico Enterprise',
    ipam,
    path(src: PathEnd, dst: PathEnd): Hop[] {
      const sv = hostIf('cali', src);
      const dv = hostIf('cali', dst);
      const hops: Hop[] = [
        leavePod(src, sv),
        {
          node: src.node,
          at: sv,
          detail: `default route via 169.254.1.1; ${sv} answers ARP by proxy_arp (no bridge)`,
        },
      ];
      if (sameNode(src, dst))
        return [
          ...hops,
          { node: src.node, at: 'route', detail: `ip route: ${dst.ip} dev ${dv} scope link (per-pod /32)` },
          enterPod(dst, dv),
        ];
      const dev = wireguard
        ? 'wireguard.cali'
        : encap === 'IPIP'
          ? 'tunl0'
          : encap === 'VXLAN'
            ? 'vxlan.calico'
            : 'eth0';
      hops.push({
        node: src.node,
        at: 'route',
        detail: `ip route: ${blockOf(dst.ip)} via ${dst.nodeIp} dev ${dev} proto bird${encap === 'IPIP' ? ' onlink' : ''} (learned over BGP from ${dst.node})`,
      });
      if (wireguard)
        hops.push(
          { node: src.node, at: 'wireguard.cali', detail: 'WireGuard encrypts the packet (UDP 51820)' },
          wire(src, dst, 'WireGuard UDP/51820'),
        );
      else if (encap === 'IPIP')
        hops.push(
          {
            node: src.node,
            at: 'tunl0',
            detail: `IP-in-IP encap: outer ${src.nodeIp} -> ${dst.nodeIp} (IP protocol 4)`,
          },
          wire(src, dst, 'IPIP'),
          { node: dst.node, at: 'tunl0', detail: 'IP-in-IP decap' },
        );
      else if (encap === 'VXLAN')
        hops.push(
          { node: src.node, at: 'vxlan.calico', detail: `VXLAN encap VNI 4096, UDP 4789` },
          wire(src, dst, 'UDP/4789'),
          { node: dst.node, at: 'vxlan.calico', detail: 'VXLAN decap' },
        );
      else hops.push(wire(src, dst, `plain IP (no encapsulation) ${src.ip} -> ${dst.ip}`));
      return [
        ...hops,
        { node: dst.node, at: 'route', detail: `ip route: ${dst.ip} dev ${dv} scope link` },
        enterPod(dst, dv),
      ];
    },
    policyHop(end: PathEnd, v: DirectionVerdict): Hop {
      const iface = hostIf('cali', end);
      const chain = v.direction === 'Ingress' ? `cali-tw-${iface}` : `cali-fw-${iface}`;
      const pol = v.policies.map((p) => `cali-pi-_${p.replace('/', '.')}`).join(', ');
      return {
        node: end.node,
        at: `Felix iptables ${chain}`,
        detail: v.isolated
          ? `${v.allowed ? 'ACCEPT' : 'DROP'} (${pol || 'no policy'}): ${v.reason}`
          : 'no policy selects the pod: ACCEPT',
      };
    },
  };
}
