// The rules kube-proxy would program for one service port, printed as `iptables-save` or `ipvsadm -Ln` shows them.
// mirrors pkg/proxy/iptables/proxier.go syncProxyRules (chain names, comments, probabilities) in shape;
// chain suffixes are a stable hash standing in for portProtoHash's sha256+base32.
import { stableBase32 } from '../ip';
import type { ProxyEndpoint } from './endpoints';
import type { ProxyMode } from './state';

export interface RuleInput {
  mode: ProxyMode;
  /** "default/web:http" */
  svcPortName: string;
  protocol: string;
  /** how the packet entered: e.g. `-d 10.96.0.12/32 --dport 80` */
  match: { ip?: string; port: number; chain: 'KUBE-SERVICES' | 'KUBE-NODEPORTS'; what: string };
  endpoints: readonly ProxyEndpoint[];
  local: boolean;
  affinitySeconds?: number;
  /** REJECT / DROP when there is nothing to send to */
  filter?: { target: 'REJECT' | 'DROP'; comment: string };
}

export const svcChain = (name: string, proto: string) => `KUBE-SVC-${stableBase32(`${name}${proto}`)}`;
export const svlChain = (name: string, proto: string) => `KUBE-SVL-${stableBase32(`${name}${proto}`)}`;
export const extChain = (name: string, proto: string) => `KUBE-EXT-${stableBase32(`${name}${proto}`)}`;
export const sepChain = (name: string, proto: string, ep: ProxyEndpoint) =>
  `KUBE-SEP-${stableBase32(`${name}${proto}${ep.ip}:${ep.port}`)}`;

export function renderRules(r: RuleInput): string[] {
  const p = r.protocol.toLowerCase();
  const dst = r.match.ip ? `-d ${r.match.ip}/32 ` : '';
  if (r.mode === 'ipvs') {
    const head = `${r.protocol}  ${r.match.ip ?? '0.0.0.0'}:${r.match.port} rr${r.affinitySeconds ? ` persistent ${r.affinitySeconds}` : ''}`;
    return [head, ...r.endpoints.map((e) => `  -> ${e.ip}:${e.port}  Masq  1  0  0`)];
  }
  if (r.filter) {
    // filter table: KUBE-SERVICES for cluster IPs, KUBE-EXTERNAL-SERVICES for node ports and external IPs
    const table = r.match.chain === 'KUBE-NODEPORTS' ? 'KUBE-EXTERNAL-SERVICES' : 'KUBE-SERVICES';
    return [
      `-A ${table} ${dst}-p ${p} -m comment --comment "${r.filter.comment}" -m ${p} --dport ${r.match.port} -j ${r.filter.target}`,
    ];
  }
  const target =
    r.match.chain === 'KUBE-NODEPORTS'
      ? extChain(r.svcPortName, r.protocol)
      : r.local
        ? svlChain(r.svcPortName, r.protocol)
        : svcChain(r.svcPortName, r.protocol);
  const lines = [
    `-A ${r.match.chain} ${dst}-p ${p} -m comment --comment "${r.svcPortName} ${r.match.what}" -m ${p} --dport ${r.match.port} -j ${target}`,
  ];
  const chain = r.local ? svlChain(r.svcPortName, r.protocol) : svcChain(r.svcPortName, r.protocol);
  if (r.match.chain === 'KUBE-NODEPORTS') lines.push(`-A ${target} -j ${chain}`);
  const n = r.endpoints.length;
  if (r.affinitySeconds !== undefined)
    for (const e of r.endpoints) {
      const sep = sepChain(r.svcPortName, r.protocol, e);
      lines.push(
        `-A ${chain} -m comment --comment "${r.svcPortName} -> ${e.ip}:${e.port}" -m recent --name ${sep} --mask 255.255.255.255 --rsource --rcheck --seconds ${r.affinitySeconds} --reap -j ${sep}`,
      );
    }
  r.endpoints.forEach((e, i) => {
    const sep = sepChain(r.svcPortName, r.protocol, e);
    const stat = i < n - 1 ? ` -m statistic --mode random --probability ${(1 / (n - i)).toFixed(10)}` : '';
    lines.push(`-A ${chain} -m comment --comment "${r.svcPortName} -> ${e.ip}:${e.port}"${stat} -j ${sep}`);
  });
  return lines;
}

/** the one KUBE-SEP DNAT rule for the chosen endpoint */
export function dnatRule(r: Pick<RuleInput, 'svcPortName' | 'protocol'>, e: ProxyEndpoint): string {
  const p = r.protocol.toLowerCase();
  return `-A ${sepChain(r.svcPortName, r.protocol, e)} -p ${p} -m comment --comment "${r.svcPortName}" -m ${p} -j DNAT --to-destination ${e.ip}:${e.port}`;
}
