// Antrea (antrea.yml): host-local on the node podCIDR, every pod a port on the OVS bridge br-int with antrea-gw0 as
// gateway, Geneve tunnel port antrea-tun0 (UDP 6081) between nodes; the OVS pipeline (tables Classifier, SpoofGuard,
// EgressRule, L3Forwarding, IngressRule, Output) enforces NetworkPolicy with conjunctive flows.
import type { DirectionVerdict } from '../policy/evaluate';
import { enterPod, hostIf, leavePod, sameNode, wire } from './devices';
import { gatewayOf, nodePodCidr } from './flannel';
import { PerNodeCidrIpam } from './ipam';
import type { CniPlugin, Hop, PathEnd } from './types';

export function createAntrea(): CniPlugin {
  const ipam = new PerNodeCidrIpam(
    'host-local: the node podCIDR (NodeIPAM of kube-controller-manager)',
    nodePodCidr,
  );
  return {
    name: 'antrea',
    networking: 'OVS bridge br-int + Geneve tunnel (antrea-tun0, UDP 6081)',
    policyLevel: 'L3/L4',
    enforcesPolicy: true,
    encryption: 'optional IPsec / WireGuard (off)',
    observability: 'Traceflow, flow exporter (IPFIX)',
    ipam,
    path(src: PathEnd, dst: PathEnd, view): Hop[] {
      const sp = hostIf('veth', src);
      const dp = hostIf('veth', dst);
      const node = view.node(src.node);
      const gw = node ? gatewayOf(ipam.rangeOf(node)) : '?';
      const hops: Hop[] = [
        leavePod(src, sp),
        {
          node: src.node,
          at: 'br-int table Classifier',
          detail: `packet in on OVS port ${sp}; marked as from local pod`,
        },
        {
          node: src.node,
          at: 'br-int table SpoofGuard',
          detail: `source ${src.ip} matches the port's IP/MAC`,
        },
      ];
      if (sameNode(src, dst))
        return [
          ...hops,
          {
            node: src.node,
            at: 'br-int table L2ForwardingCalc',
            detail: `dst MAC of ${dst.ip} -> output port ${dp}`,
          },
          enterPod(dst, dp),
        ];
      return [
        ...hops,
        {
          node: src.node,
          at: 'br-int table L3Forwarding',
          detail: `${dst.ip} is in ${dst.node}'s podCIDR: rewrite MAC (gw ${gw}), set tun_dst=${dst.nodeIp}`,
        },
        { node: src.node, at: 'antrea-tun0', detail: 'Geneve encap, UDP 6081' },
        wire(src, dst, 'Geneve UDP/6081'),
        {
          node: dst.node,
          at: 'antrea-tun0',
          detail: 'Geneve decap into br-int (table Classifier: from tunnel)',
        },
        { node: dst.node, at: 'br-int table L2ForwardingCalc', detail: `output port ${dp}` },
        enterPod(dst, dp),
      ];
    },
    policyHop(end: PathEnd, v: DirectionVerdict): Hop {
      const t = v.direction === 'Ingress' ? 'IngressRule' : 'EgressRule';
      return {
        node: end.node,
        at: `br-int table ${t}`,
        detail: v.isolated
          ? v.allowed
            ? `conjunction match (${v.policies.join(', ')}): ${v.reason}`
            : `no conjunction matches -> table ${t.replace('Rule', 'DefaultRule')} drop: ${v.reason}`
          : 'no policy applies to the pod: continue',
      };
    },
  };
}
