// A pod's /etc/resolv.conf as the kubelet writes it, and the order a stub resolver tries names (search + ndots).
// mirrors pkg/kubelet/network/dns/dns.go GetPodDNS / generateSearchesForDNSClusterFirst / appendDNSConfig.
import type { Pod } from 'kubernetes-types/core/v1';
import { NODE_RESOLVER_IP } from './upstream';

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  options: { name: string; value?: string }[];
}

export const CLUSTER_DOMAIN = 'cluster.local';
/** validation.MaxDNSNameservers */
const MAX_NAMESERVERS = 3;
/** validation.MaxDNSSearchPaths */
const MAX_SEARCHES = 32;

/** the node's own resolv.conf in this simulation (what dnsPolicy Default copies) */
export function nodeResolvConf(): ResolvConf {
  return { nameservers: [NODE_RESOLVER_IP], searches: [], options: [] };
}

function mergeOptions(
  base: ResolvConf['options'],
  extra: readonly { name?: string; value?: string }[],
): ResolvConf['options'] {
  const out = [...base];
  for (const o of extra) {
    if (!o.name) continue;
    const i = out.findIndex((x) => x.name === o.name);
    const v = { name: o.name, value: o.value };
    if (i >= 0) out[i] = v;
    else out.push(v);
  }
  return out;
}

export function podResolvConf(pod: Pod, clusterDnsIp: string, clusterDomain = CLUSTER_DOMAIN): ResolvConf {
  const ns = pod.metadata?.namespace ?? 'default';
  let policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  // ClusterFirst on a hostNetwork pod falls back to Default (dns.go getPodDNSType)
  if (policy === 'ClusterFirst' && pod.spec?.hostNetwork) policy = 'Default';
  let rc: ResolvConf;
  if (policy === 'None') rc = { nameservers: [], searches: [], options: [] };
  else if (policy === 'Default') rc = nodeResolvConf();
  else
    rc = {
      nameservers: [clusterDnsIp],
      searches: [
        `${ns}.svc.${clusterDomain}`,
        `svc.${clusterDomain}`,
        clusterDomain,
        ...nodeResolvConf().searches,
      ],
      options: [{ name: 'ndots', value: '5' }],
    };
  const cfg = pod.spec?.dnsConfig;
  if (cfg) {
    rc = {
      nameservers: [...new Set([...rc.nameservers, ...(cfg.nameservers ?? [])])].slice(0, MAX_NAMESERVERS),
      searches: [...new Set([...rc.searches, ...(cfg.searches ?? [])])].slice(0, MAX_SEARCHES),
      options: mergeOptions(rc.options, cfg.options ?? []),
    };
  }
  return rc;
}

export function renderResolvConf(rc: ResolvConf): string {
  const lines: string[] = [];
  if (rc.searches.length > 0) lines.push(`search ${rc.searches.join(' ')}`);
  for (const ns of rc.nameservers) lines.push(`nameserver ${ns}`);
  if (rc.options.length > 0)
    lines.push(
      `options ${rc.options.map((o) => (o.value === undefined ? o.name : `${o.name}:${o.value}`)).join(' ')}`,
    );
  return `${lines.join('\n')}\n`;
}

export function ndotsOf(rc: ResolvConf): number {
  const v = rc.options.find((o) => o.name === 'ndots')?.value;
  return v === undefined ? 1 : Math.min(15, Number(v) || 0);
}

/** names in the order a glibc/musl stub resolver queries them */
export function candidateNames(name: string, rc: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = rc.searches.map((s) => `${name}.${s}`);
  return dots >= ndotsOf(rc) ? [name, ...searched] : [...searched, name];
}
