// Weave Net (weave-daemonset-k8s.yaml): its own IPAM over 10.32.0.0/12, the `weave` bridge per node, fastdp (kernel
// OVS datapath, VXLAN UDP 6784) between peers, falling back to sleeve; encryption when WEAVE_PASSWORD is set
// (IPsec ESP in fastdp); weave-npc enforces NetworkPolicy with iptables (WEAVE-NPC-INGRESS / -EGRESS) and ipsets.
import type { DirectionVerdict } from '../policy/evaluate';
import { enterPod, hostIf, leavePod, sameNode, wire } from './devices';
import { WeaveRingIpam } from './ipam';
import type { CniPlugin, Hop, PathEnd } from './types';

export function createWeave(encrypted = false): CniPlugin {
  const ipam = new WeaveRingIpam();
  return {
    name: 'weave',
    networking: 'weave bridge + fastdp VXLAN (UDP 6784)',
    policyLevel: 'L3/L4',
    enforcesPolicy: true,
    encryption: encrypted ? 'IPsec ESP (WEAVE_PASSWORD set)' : 'yes when WEAVE_PASSWORD is set (not set)',
    observability: 'weave status / metrics',
    ipam,
    path(src: PathEnd, dst: PathEnd): Hop[] {
      const sv = hostIf('vethwepl', src);
      const dv = hostIf('vethwepl', dst);
      const hops: Hop[] = [
        leavePod(src, sv),
        { node: src.node, at: 'weave', detail: `Linux bridge weave receives the frame on port ${sv}` },
      ];
      if (sameNode(src, dst))
        return [
          ...hops,
          { node: src.node, at: 'weave', detail: `bridge forwards to port ${dv}` },
          enterPod(dst, dv),
        ];
      return [
        ...hops,
        {
          node: src.node,
          at: 'vethwe-datapath',
          detail: `fastdp: the kernel OVS datapath flow for ${dst.ip} (peer ${dst.node})`,
        },
        {
          node: src.node,
          at: 'vxlan-6784',
          detail: `VXLAN encap, UDP 6784${encrypted ? ', IPsec ESP encrypted' : ' (unencrypted: no WEAVE_PASSWORD)'}`,
        },
        wire(src, dst, encrypted ? 'ESP' : 'UDP/6784'),
        { node: dst.node, at: 'vxlan-6784', detail: 'VXLAN decap into the weave bridge' },
        { node: dst.node, at: 'weave', detail: `bridge forwards to port ${dv}` },
        enterPod(dst, dv),
      ];
    },
    policyHop(end: PathEnd, v: DirectionVerdict): Hop {
      const chain = v.direction === 'Ingress' ? 'WEAVE-NPC-INGRESS' : 'WEAVE-NPC-EGRESS';
      return {
        node: end.node,
        at: `weave-npc iptables ${chain}`,
        detail: v.isolated
          ? `${v.allowed ? 'ACCEPT' : 'DROP'}: ${v.reason}`
          : 'pod not selected: WEAVE-NPC-DEFAULT ACCEPT',
      };
    },
  };
}
