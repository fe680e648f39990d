// One packet through kube-proxy on one node: find the Service behind (IP, port), pick an endpoint under the traffic
// policy and session affinity, or REJECT ("has no endpoints") / DROP ("has no local endpoints").
// mirrors pkg/proxy/iptables/proxier.go syncProxyRules (hasEndpoints / hasInternalEndpoints / hasExternalEndpoints).
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { NetworkView } from '../view';
import { categorizeEndpoints, endpointsFor, type ProxyEndpoint } from './endpoints';
import { DEFAULT_AFFINITY_SECONDS, pickEndpoint } from './pick';
import { dnatRule, renderRules } from './rules';
import type { ProxyMode, ProxyState } from './state';

export type EntryPoint = 'clusterIP' | 'nodePort' | 'loadBalancer' | 'externalIP';

export interface RouteRequest {
  dstIp: string;
  dstPort: number;
  protocol: string;
  clientIp: string;
  /** the node whose kube-proxy handles the packet (the client pod's node, or the node receiving a NodePort hit) */
  node: string;
  /** the client is outside the cluster (externalTrafficPolicy applies) */
  fromOutside: boolean;
  nowMs: number;
}

interface Matched {
  service: Service;
  port: ServicePort;
  entry: EntryPoint;
}

export type RouteResult =
  | { kind: 'direct' }
  | (Matched & {
      kind: 'dnat';
      svcPortName: string;
      endpoint: ProxyEndpoint;
      trafficPolicy: 'Cluster' | 'Local';
      sticky: boolean;
      rules: string[];
    })
  | (Matched & { kind: 'reject' | 'drop'; svcPortName: string; reason: string; rules: string[] });

/** the Service port a destination (IP, port) belongs to, and how it was reached */
export function findServicePort(
  view: NetworkView,
  ip: string,
  port: number,
  protocol: string,
): Matched | undefined {
  const byPort = (s: Service, f: (p: ServicePort) => boolean) =>
    (s.spec?.ports ?? []).find((p) => (p.protocol ?? 'TCP') === protocol && f(p));
  const svc = view.serviceByClusterIp(ip);
  if (svc) {
    const p = byPort(svc, (sp) => sp.port === port);
    return p ? { service: svc, port: p, entry: 'clusterIP' } : undefined;
  }
  const onNode = view.nodeByIp(ip) !== undefined;
  for (const s of view.services) {
    const t = s.spec?.type;
    if (onNode && (t === 'NodePort' || t === 'LoadBalancer')) {
      const p = byPort(s, (sp) => sp.nodePort === port);
      if (p) return { service: s, port: p, entry: 'nodePort' };
    }
    if (t === 'LoadBalancer' && (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip)) {
      const p = byPort(s, (sp) => sp.port === port);
      if (p) return { service: s, port: p, entry: 'loadBalancer' };
    }
    if ((s.spec?.externalIPs ?? []).includes(ip)) {
      const p = byPort(s, (sp) => sp.port === port);
      if (p) return { service: s, port: p, entry: 'externalIP' };
    }
  }
  return undefined;
}

const WHAT: Record<EntryPoint, string> = {
  clusterIP: 'cluster IP',
  nodePort: 'node port',
  loadBalancer: 'loadbalancer IP',
  externalIP: 'external IP',
};

export function routeRequest(
  view: NetworkView,
  state: ProxyState,
  mode: ProxyMode,
  req: RouteRequest,
): RouteResult {
  const m = findServicePort(view, req.dstIp, req.dstPort, req.protocol);
  if (!m) return { kind: 'direct' };
  const svc = m.service;
  const svcPortName = `${svc.metadata?.namespace ?? ''}/${svc.metadata?.name ?? ''}${m.port.name ? `:${m.port.name}` : ''}`;
  const eps = endpointsFor(view, svc, m.port);
  const cat = categorizeEndpoints(eps, req.node);
  const external = m.entry !== 'clusterIP';
  // in-cluster clients reaching an external entry point are short-circuited to the cluster endpoints
  const policy: 'Cluster' | 'Local' = external
    ? req.fromOutside && svc.spec?.externalTrafficPolicy === 'Local'
      ? 'Local'
      : 'Cluster'
    : svc.spec?.internalTrafficPolicy === 'Local'
      ? 'Local'
      : 'Cluster';
  const candidates = policy === 'Local' ? cat.local : cat.cluster;
  const affinitySeconds =
    svc.spec?.sessionAffinity === 'ClientIP'
      ? (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS)
      : undefined;
  const match = {
    ip: m.entry === 'nodePort' ? undefined : req.dstIp,
    port: req.dstPort,
    chain: m.entry === 'nodePort' ? ('KUBE-NODEPORTS' as const) : ('KUBE-SERVICES' as const),
    what: WHAT[m.entry],
  };
  const base = {
    mode,
    svcPortName,
    protocol: req.protocol,
    match,
    local: policy === 'Local',
    affinitySeconds,
  };
  if (!cat.any || candidates.length === 0) {
    const kind = cat.any ? 'drop' : 'reject';
    const reason = cat.any ? `${svcPortName} has no local endpoints` : `${svcPortName} has no endpoints`;
    const rules = renderRules({
      ...base,
      endpoints: [],
      filter: { target: kind === 'reject' ? 'REJECT' : 'DROP', comment: reason },
    });
    return { ...m, kind, svcPortName, reason, rules };
  }
  const picked = pickEndpoint(state, svcPortName, candidates, {
    mode,
    clientIp: req.clientIp,
    nowMs: req.nowMs,
    affinityTimeoutSeconds: affinitySeconds,
  });
  const endpoint = picked?.endpoint as ProxyEndpoint;
  const rules = renderRules({ ...base, endpoints: candidates });
  if (mode !== 'ipvs') rules.push(dnatRule(base, endpoint));
  return {
    ...m,
    kind: 'dnat',
    svcPortName,
    endpoint,
    trafficPolicy: policy,
    sticky: picked?.sticky ?? false,
    rules,
  };
}
