// Service networking columns: services, endpoints, endpointslices.
// mirrors pkg/printers/internalversion/printers.go printService / getServiceExternalIP / makePortString /
// formatEndpoints / printEndpointSlice (formatDiscoveryPorts, formatDiscoveryEndpoints, listWithMoreString).
import type { Endpoints, LoadBalancerStatus, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KindPrinter } from './types';
import { translateTimestampSince } from '../age';
import { formatLabels } from '../format';

const LOAD_BALANCER_WIDTH = 16;

/** mirrors loadBalancerStatusStringer: ingress IPs/hostnames, truncated to 16 chars unless wide */
export function loadBalancerStatusString(s: LoadBalancerStatus | undefined, wide: boolean): string {
  const ips = (s?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((x) => x !== '');
  let r = ips.join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return r;
}

export function serviceExternalIP(svc: Service, wide: boolean): string {
  const ext = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length > 0 ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatusString(svc.status?.loadBalancer, wide);
      if (ext.length > 0) return [...(lb ? lb.split(',') : []), ...ext].join(',');
      return lb.length > 0 ? lb : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** `80/TCP`, `80:30080/TCP`, joined by ',' */
export function makePortString(ports: readonly ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => {
      const proto = p.protocol ?? 'TCP';
      return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${proto}` : `${p.port}/${proto}`;
    })
    .join(',');
}

export const servicePrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Type' },
    { name: 'Cluster-IP' },
    { name: 'External-IP' },
    { name: 'Port(s)' },
    { name: 'Age' },
    { name: 'Selector', priority: 1 },
  ],
  row(obj, { nowMs, wide }) {
    const svc = obj as unknown as Service;
    const ports = makePortString(svc.spec?.ports);
    return [
      obj.metadata.name ?? '',
      svc.spec?.type ?? 'ClusterIP',
      svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? '<none>',
      serviceExternalIP(svc, wide),
      ports.length === 0 ? '<none>' : ports,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      formatLabels(svc.spec?.selector),
    ];
  },
};

/** mirrors formatEndpoints: up to 3 ip:port, then ` + N more...`; `<none>` without subsets */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const add = (s: string) => {
    if (list.length === max) more = true;
    else list.push(s);
  };
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      count += addrs.length;
      for (const a of addrs) add(a.ip);
      continue;
    }
    for (const port of ss.ports ?? []) {
      count += addrs.length;
      for (const a of addrs) add(a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsPrinter: KindPrinter = {
  columns: [{ name: 'Name', format: 'name' }, { name: 'Endpoints' }, { name: 'Age' }],
  row(obj, { nowMs }) {
    return [
      obj.metadata.name ?? '',
      formatEndpoints(obj as unknown as Endpoints),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};

function listWithMore(items: readonly string[]): string {
  const max = 3;
  const ret = items.slice(0, max).join(',');
  if (items.length > max) return `${ret} + ${items.length - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

export const endpointSlicePrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'AddressType' },
    { name: 'Ports' },
    { name: 'Endpoints' },
    { name: 'Age' },
  ],
  row(obj, { nowMs }) {
    const es = obj as unknown as EndpointSlice;
    const ports = (es.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')));
    const addrs = (es.endpoints ?? []).flatMap((e) => e.addresses);
    return [
      obj.metadata.name ?? '',
      es.addressType ?? '',
      listWithMore(ports),
      listWithMore(addrs),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
