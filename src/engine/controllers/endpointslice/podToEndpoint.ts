// From a Pod to its Endpoint and ports for a Service. mirrors staging/src/k8s.io/endpointslice/utils.go
// (podToEndpoint, getEndpointPorts, getEndpointAddresses, getAddressTypesForService), util.ShouldPodBeInEndpoints,
// endpointutil.ShouldSetHostname and pkg/api/v1/pod FindPort.
import type { Node, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import { isPodReady } from '../shared/index';
import type { AddressType } from './types';
import { LABEL_TOPOLOGY_ZONE } from './types';

/** ShouldPodBeInEndpoints(pod, includeTerminating) */
export function shouldPodBeInEndpoints(pod: Readonly<Pod>, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: the pod asks for a hostname and its subdomain names this Service */
export function shouldSetHostname(pod: Readonly<Pod>, svc: Readonly<Service>): boolean {
  return (
    !!pod.spec?.hostname &&
    pod.spec.subdomain === svc.metadata?.name &&
    svc.metadata?.namespace === pod.metadata?.namespace
  );
}

export function ipFamily(ip: string): AddressType {
  return ip.includes(':') ? 'IPv6' : 'IPv4';
}

/** podutil.FindPort: a number is used as is, a name is looked up among the containers' ports with the same protocol */
export function findPort(pod: Readonly<Pod>, sp: Readonly<ServicePort>): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  const protocol = sp.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? [])
      if (p.name === tp && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

/** getEndpointPorts: one port per Service port whose target this pod resolves */
export function getEndpointPorts(svc: Readonly<Service>, pod: Readonly<Pod>): EndpointPort[] {
  const out: EndpointPort[] = [];
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0 && svc.spec?.clusterIP === 'None') return out;
  for (const sp of ports) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol !== undefined) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/** getEndpointAddresses: the pod's IP of the slice's family */
export function getEndpointAddresses(pod: Readonly<Pod>, addressType: AddressType): string[] {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip ?? '').filter((ip) => ip);
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  for (const ip of ips) if (ipFamily(ip) === addressType) return [ip];
  return [];
}

/** podToEndpoint */
export function podToEndpoint(
  pod: Readonly<Pod>,
  node: Readonly<Node> | undefined,
  svc: Readonly<Service>,
  addressType: AddressType,
): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  // for compatibility, ready is never true for a terminating pod unless publishNotReadyAddresses
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating);
  const ep: Endpoint = {
    addresses: getEndpointAddresses(pod, addressType),
    conditions: { ready, serving, terminating },
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      uid: pod.metadata?.uid ?? '',
    },
  };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata?.labels?.[LABEL_TOPOLOGY_ZONE];
  if (zone) ep.zone = zone;
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec?.hostname;
  return ep;
}

/** getAddressTypesForService: the Service's ipFamilies; else its clusterIP's family; headless without families: both */
export function getAddressTypesForService(svc: Readonly<Service>): AddressType[] {
  const out: AddressType[] = [];
  for (const f of svc.spec?.ipFamilies ?? [])
    if ((f === 'IPv4' || f === 'IPv6') && !out.includes(f)) out.push(f);
  if (out.length > 0) return out;
  const cip = svc.spec?.clusterIP ?? '';
  if (cip && cip !== 'None') return [ipFamily(cip)];
  return ['IPv4', 'IPv6'];
}
