// DNS message shapes of the model, and the records the CoreDNS `kubernetes` plugin serves for a name, per the
// Kubernetes DNS specification (github.com/kubernetes/dns docs/specification.md) and plugin/kubernetes/kubernetes.go.
import type { Service } from 'kubernetes-types/core/v1';
import { dashedIp, undashIp } from '../ip';
import type { NetworkView } from '../view';

export type QType = 'A' | 'SRV' | 'PTR' | 'CNAME';
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

export interface ResourceRecord {
  /** FQDN without trailing dot */
  name: string;
  type: QType;
  ttl: number;
  /** A: address; CNAME/PTR: target (no trailing dot); SRV: target */
  data: string;
  srv?: { priority: number; weight: number; port: number };
}

export interface DnsResponse {
  rcode: Rcode;
  answers: ResourceRecord[];
  /** which plugin answered, e.g. "kubernetes", "forward 10.0.0.53", "hosts" */
  via: string;
}

export interface KubernetesPluginConfig {
  zones: string[];
  pods: 'disabled' | 'insecure' | 'verified';
  ttl: number;
  fallthrough?: string[];
}

interface Endpoint {
  ip: string;
  hostname?: string;
  ports: { name: string; port: number; protocol: string }[];
}

function readyEndpoints(view: NetworkView, svc: Service): Endpoint[] {
  const out: Endpoint[] = [];
  const seen = new Set<string>();
  for (const sl of view.slicesOf(svc.metadata?.namespace ?? '', svc.metadata?.name ?? '')) {
    if (sl.addressType !== 'IPv4') continue;
    const ports = (sl.ports ?? []).map((p) => ({
      name: p.name ?? '',
      port: p.port ?? 0,
      protocol: p.protocol ?? 'TCP',
    }));
    for (const ep of sl.endpoints) {
      const ip = ep.addresses[0];
      if (!ip || !(ep.conditions?.ready ?? true) || seen.has(ip)) continue;
      seen.add(ip);
      out.push({ ip, hostname: ep.hostname, ports });
    }
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : 1));
}

const isHeadless = (s: Service) => s.spec?.clusterIP === 'None';

/** records for qname (lower case, no trailing dot) inside `zone`; undefined rcode NXDOMAIN when nothing matches */
export function kubernetesRecords(
  view: NetworkView,
  cfg: KubernetesPluginConfig,
  zone: string,
  qname: string,
  qtype: QType,
): DnsResponse {
  const res = (rcode: Rcode, answers: ResourceRecord[] = []): DnsResponse => ({
    rcode,
    answers,
    via: 'kubernetes',
  });
  const rel = qname === zone ? [] : qname.slice(0, -(zone.length + 1)).split('.');
  const rr = (name: string, type: QType, data: string, srv?: ResourceRecord['srv']): ResourceRecord => ({
    name,
    type,
    ttl: cfg.ttl,
    data,
    srv,
  });
  const nsExists = (ns: string) => view.namespaceLabels(ns) !== undefined;
  const kind = rel.at(-1);
  if (kind === 'pod' && rel.length === 3) {
    const [label, ns] = rel as [string, string];
    const ip = undashIp(label);
    if (cfg.pods === 'disabled' || !ip || !nsExists(ns)) return res('NXDOMAIN');
    if (cfg.pods === 'verified' && view.podByIp(ip)?.metadata?.namespace !== ns) return res('NXDOMAIN');
    return res('NOERROR', qtype === 'A' ? [rr(qname, 'A', ip)] : []);
  }
  if (kind !== 'svc') return res('NXDOMAIN');
  if (rel.length === 2) return res(nsExists(rel[0] as string) ? 'NOERROR' : 'NXDOMAIN');
  let portLabel: string | undefined;
  let protoLabel: string | undefined;
  let endpointName: string | undefined;
  let parts = rel.slice(0, -1);
  if (parts.length === 4 && parts[0]?.startsWith('_') && parts[1]?.startsWith('_')) {
    portLabel = parts[0].slice(1);
    protoLabel = parts[1].slice(1);
    parts = parts.slice(2);
  } else if (parts.length === 3) {
    endpointName = parts[0];
    parts = parts.slice(1);
  }
  if (parts.length !== 2) return res('NXDOMAIN');
  const [svcName, ns] = parts as [string, string];
  const svc = view.service(ns, svcName);
  if (!svc) return res('NXDOMAIN');
  const svcFqdn = `${svcName}.${ns}.svc.${zone}`;
  if (svc.spec?.type === 'ExternalName') {
    const target = (svc.spec.externalName ?? '').replace(/\.$/, '');
    return portLabel || endpointName ? res('NXDOMAIN') : res('NOERROR', [rr(qname, 'CNAME', target)]);
  }
  const eps = readyEndpoints(view, svc);
  if (endpointName !== undefined) {
    const ep = eps.find((e) => (e.hostname ?? dashedIp(e.ip)) === endpointName);
    if (!ep) return res('NXDOMAIN');
    return res('NOERROR', qtype === 'A' ? [rr(qname, 'A', ep.ip)] : []);
  }
  if (portLabel !== undefined) {
    const proto = (protoLabel ?? '').toUpperCase();
    if (isHeadless(svc)) {
      const targets = eps.flatMap((e) =>
        e.ports
          .filter((p) => p.name !== '' && p.name === portLabel && p.protocol === proto)
          .map((p) => ({ e, p })),
      );
      if (targets.length === 0) return res('NXDOMAIN');
      const weight = Math.floor(100 / targets.length);
      if (qtype !== 'SRV')
        return res(
          'NOERROR',
          targets.map(({ e }) => rr(qname, 'A', e.ip)),
        );
      return res(
        'NOERROR',
        targets.map(({ e, p }) =>
          rr(qname, 'SRV', `${e.hostname ?? dashedIp(e.ip)}.${svcFqdn}`, {
            priority: 0,
            weight,
            port: p.port,
          }),
        ),
      );
    }
    const sp = (svc.spec?.ports ?? []).find(
      (p) => p.name && p.name === portLabel && (p.protocol ?? 'TCP') === proto,
    );
    if (!sp) return res('NXDOMAIN');
    if (qtype !== 'SRV') return res('NOERROR', [rr(qname, 'A', svc.spec?.clusterIP ?? '')]);
    return res('NOERROR', [rr(qname, 'SRV', svcFqdn, { priority: 0, weight: 100, port: sp.port })]);
  }
  if (isHeadless(svc)) {
    if (eps.length === 0) return res('NXDOMAIN');
    if (qtype === 'SRV') {
      const named = eps.flatMap((e) => e.ports.filter((p) => p.name !== '').map((p) => ({ e, p })));
      return res(
        'NOERROR',
        named.map(({ e, p }) =>
          rr(qname, 'SRV', `${e.hostname ?? dashedIp(e.ip)}.${svcFqdn}`, {
            priority: 0,
            weight: Math.floor(100 / named.length),
            port: p.port,
          }),
        ),
      );
    }
    return res('NOERROR', qtype === 'A' ? eps.map((e) => rr(qname, 'A', e.ip)) : []);
  }
  if (qtype === 'SRV') {
    const named = (svc.spec?.ports ?? []).filter((p) => p.name);
    return res(
      'NOERROR',
      named.map((p) =>
        rr(qname, 'SRV', svcFqdn, { priority: 0, weight: Math.floor(100 / named.length), port: p.port }),
      ),
    );
  }
  return res(
    'NOERROR',
    qtype === 'A'
      ? (svc.spec?.clusterIPs ?? [svc.spec?.clusterIP ?? '']).map((ip) => rr(qname, 'A', ip))
      : [],
  );
}

/** PTR for a service ClusterIP or a headless endpoint (in-addr.arpa), as plugin/kubernetes/reverse.go serves */
export function reverseRecord(
  view: NetworkView,
  cfg: KubernetesPluginConfig,
  zone: string,
  ip: string,
  qname: string,
): DnsResponse {
  const svc = view.serviceByClusterIp(ip);
  const rr = (data: string): DnsResponse => ({
    rcode: 'NOERROR',
    answers: [{ name: qname, type: 'PTR', ttl: cfg.ttl, data }],
    via: 'kubernetes',
  });
  if (svc) return rr(`${svc.metadata?.name ?? ''}.${svc.metadata?.namespace ?? ''}.svc.${zone}`);
  for (const s of view.services) {
    if (!isHeadless(s)) continue;
    const ep = readyEndpoints(view, s).find((e) => e.ip === ip);
    if (ep)
      return rr(
        `${ep.hostname ?? dashedIp(ip)}.${s.metadata?.name ?? ''}.${s.metadata?.namespace ?? ''}.svc.${zone}`,
      );
  }
  return { rcode: 'NXDOMAIN', answers: [], via: 'kubernetes' };
}
