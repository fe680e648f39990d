// Endpoints kube-proxy programs for one service port, read from EndpointSlices, and the traffic-policy filter.
// mirrors pkg/proxy/endpointslicecache.go (port matching by name) and pkg/proxy/topology.go CategorizeEndpoints.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { NetworkView } from '../view';

export interface ProxyEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  /** EndpointConditions, with ready/serving defaulted as kube-proxy does (nil ready = true, nil serving = ready) */
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** targetRef pod, for printing */
  podName?: string;
  podNamespace?: string;
  hostname?: string;
}

/** all IPv4 endpoints of the service port `svcPort` (matched by port name, as EndpointSlice ports are) */
export function endpointsFor(view: NetworkView, svc: Service, svcPort: ServicePort): ProxyEndpoint[] {
  const ns = svc.metadata?.namespace ?? '';
  const out: ProxyEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of view.slicesOf(ns, svc.metadata?.name ?? '')) {
    if (slice.addressType !== 'IPv4') continue;
    const port = (slice.ports ?? []).find((p) => (p.name ?? '') === (svcPort.name ?? ''));
    if (!port || port.port === undefined) continue;
    if ((port.protocol ?? 'TCP') !== (svcPort.protocol ?? 'TCP')) continue;
    for (const ep of slice.endpoints) {
      const ready = ep.conditions?.ready ?? true;
      const ip = ep.addresses[0];
      if (!ip || seen.has(`${ip}:${port.port}`)) continue;
      seen.add(`${ip}:${port.port}`);
      out.push({
        ip,
        port: port.port,
        nodeName: ep.nodeName,
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
        podName: ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : undefined,
        podNamespace: ep.targetRef?.namespace ?? ns,
        hostname: ep.hostname,
      });
    }
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.port - b.port));
}

/** ready endpoints, else the serving+terminating ones (KEP-1669 ProxyTerminatingEndpoints) */
export function usableEndpoints(eps: readonly ProxyEndpoint[]): ProxyEndpoint[] {
  const ready = eps.filter((e) => e.ready);
  return ready.length > 0 ? ready : eps.filter((e) => e.serving && e.terminating);
}

export interface Categorized {
  /** what traffic under policy Cluster may use */
  cluster: ProxyEndpoint[];
  /** what traffic under policy Local on `node` may use */
  local: ProxyEndpoint[];
  /** any endpoint reachable at all (hasEndpoints in the proxier) */
  any: boolean;
}

export function categorizeEndpoints(eps: readonly ProxyEndpoint[], node: string): Categorized {
  const cluster = usableEndpoints(eps);
  const local = usableEndpoints(eps.filter((e) => e.nodeName === node));
  return { cluster, local, any: cluster.length > 0 || local.length > 0 };
}
