// The CoreDNS server model: pick the server block for a name (most specific zone), then run its plugins in
// plugin.cfg order (rewrite, hosts, kubernetes, forward), honouring `fallthrough`. CNAMEs are chased.
import { DEFAULT_COREFILE } from '../../cluster/systemWorkloads/coredns';
import { parseIpv4, formatIpv4 } from '../ip';
import type { NetworkView } from '../view';
import { directive, parseCorefile, type CorefileResult, type Directive, type ServerBlock } from './corefile';
import {
  kubernetesRecords,
  reverseRecord,
  type DnsResponse,
  type KubernetesPluginConfig,
  type QType,
} from './records';
import { queryUpstream } from './upstream';

/** the Corefile CoreDNS runs: kube-system/coredns key Corefile, else kubeadm's default */
export function loadCorefile(view: NetworkView): CorefileResult & { source: string } {
  const cm = view.configMap('kube-system', 'coredns');
  const text = ((cm?.data ?? {}) as Record<string, string>)['Corefile'];
  if (text === undefined) return { ...parseCorefile(DEFAULT_COREFILE), source: 'kubeadm default Corefile' };
  return { ...parseCorefile(text), source: 'configmap kube-system/coredns' };
}

const inZone = (qname: string, zone: string) =>
  zone === '.' || `${qname}.`.endsWith(`.${zone}`) || `${qname}.` === zone;

function blockFor(
  blocks: readonly ServerBlock[],
  qname: string,
): { block: ServerBlock; zone: string } | undefined {
  let best: { block: ServerBlock; zone: string } | undefined;
  for (const b of blocks)
    for (const z of b.zones)
      if (z.port === 53 && inZone(qname, z.zone) && (!best || z.zone.length > best.zone.length))
        best = { block: b, zone: z.zone };
  return best;
}

function kubernetesConfig(d: Directive): KubernetesPluginConfig {
  const sub = (n: string) => d.block.find((s) => s.name === n);
  const ft = sub('fallthrough');
  return {
    zones: d.args.map((z) => (z.endsWith('.') ? z.slice(0, -1) : z).toLowerCase()),
    pods: (sub('pods')?.args[0] as KubernetesPluginConfig['pods'] | undefined) ?? 'disabled',
    ttl: Number(sub('ttl')?.args[0] ?? 5),
    fallthrough: ft ? ft.args.map((z) => z.replace(/\.$/, '')) : undefined,
  };
}

/** `rewrite name [exact] FROM TO` */
function applyRewrite(block: ServerBlock, qname: string): string {
  for (const d of block.directives) {
    if (d.name !== 'rewrite' || d.args[0] !== 'name') continue;
    const [from, to] = d.args[1] === 'exact' ? [d.args[2], d.args[3]] : [d.args[1], d.args[2]];
    if (from && to && from.replace(/\.$/, '') === qname) return to.replace(/\.$/, '');
  }
  return qname;
}

/** `hosts { 1.2.3.4 name ... ; fallthrough }` */
function hostsLookup(d: Directive, qname: string): string | undefined {
  for (const line of d.block)
    if (parseIpv4(line.name) !== undefined && line.args.includes(qname)) return line.name;
  return undefined;
}

function reverseIp(qname: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(qname);
  if (!m) return undefined;
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  const n = parseIpv4(ip);
  return n === undefined ? undefined : formatIpv4(n);
}

/** one query answered by this CoreDNS (no CNAME chasing) */
function serveOnce(
  view: NetworkView,
  blocks: readonly ServerBlock[],
  name: string,
  qtype: QType,
): DnsResponse {
  const found = blockFor(blocks, name);
  if (!found) return { rcode: 'REFUSED', answers: [], via: 'no server block' };
  const { block } = found;
  const qname = applyRewrite(block, name);
  const hosts = directive(block, 'hosts');
  if (hosts) {
    const ip = hostsLookup(hosts, qname);
    if (ip)
      return {
        rcode: 'NOERROR',
        answers: qtype === 'A' ? [{ name, type: 'A', ttl: 3600, data: ip }] : [],
        via: 'hosts',
      };
    if (!hosts.block.some((l) => l.name === 'fallthrough'))
      return { rcode: 'NXDOMAIN', answers: [], via: 'hosts' };
  }
  const k8s = directive(block, 'kubernetes');
  if (k8s) {
    const cfg = kubernetesConfig(k8s);
    const zone = [...cfg.zones]
      .sort((a, b) => b.length - a.length)
      .find((z) => qname === z || qname.endsWith(`.${z}`));
    if (zone !== undefined) {
      const ip = reverseIp(qname);
      const r = zone.endsWith('arpa')
        ? ip
          ? reverseRecord(view, cfg, cfg.zones[0] ?? 'cluster.local', ip, qname)
          : { rcode: 'NXDOMAIN' as const, answers: [], via: 'kubernetes' }
        : kubernetesRecords(view, cfg, zone, qname, qtype);
      const falls =
        cfg.fallthrough && (cfg.fallthrough.length === 0 || cfg.fallthrough.some((z) => qname.endsWith(z)));
      if (r.rcode !== 'NXDOMAIN' || !falls) return { ...r, answers: r.answers.map((a) => ({ ...a, name })) };
    }
  }
  const fwd = directive(block, 'forward');
  if (fwd && inZone(qname, (fwd.args[0] ?? '.') === '.' ? '.' : `${fwd.args[0]}.`))
    return queryUpstream(fwd.args[1] ?? '', qname, qtype);
  return { rcode: 'SERVFAIL', answers: [], via: 'no plugin handled the query' };
}

/** answer a query, following CNAMEs (ExternalName) through the same server, at most 8 deep */
export function coreDnsServe(
  view: NetworkView,
  blocks: readonly ServerBlock[],
  qname: string,
  qtype: QType,
): DnsResponse {
  const first = serveOnce(view, blocks, qname.toLowerCase().replace(/\.$/, ''), qtype);
  let r = first;
  const answers = [...first.answers];
  for (let depth = 0; depth < 8; depth++) {
    const last = r.answers.at(-1);
    if (!last || last.type !== 'CNAME' || qtype === 'CNAME') break;
    r = serveOnce(view, blocks, last.data, qtype);
    answers.push(...r.answers);
    if (r.rcode !== 'NOERROR') return { rcode: r.rcode, answers, via: first.via };
  }
  return { rcode: first.rcode, answers, via: first.via };
}
