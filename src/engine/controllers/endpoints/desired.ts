// The subsets an Endpoints object should hold for a Service and its pods (the pure part of syncService).
// mirrors pkg/controller/endpoint/endpoints_controller.go syncService and podToEndpointAddressForService.
import type { EndpointAddress, EndpointPort, EndpointSubset, Pod, Service } from 'kubernetes-types/core/v1';
import { isPodReady } from '../shared/index';
import { findPort, shouldPodBeInEndpoints, shouldSetHostname } from '../endpointslice/podToEndpoint';
import { addEndpointSubset, repackSubsets } from './subsets';

const isIPv6 = (ip: string) => ip.includes(':');

/** podToEndpointAddressForService: the pod IP of the Service's (first) family; undefined when it has none */
export function podToEndpointAddress(
  svc: Readonly<Service>,
  pod: Readonly<Pod>,
): EndpointAddress | undefined {
  let v6 = false;
  const fam = svc.spec?.ipFamilies?.[0];
  if (fam) v6 = fam === 'IPv6';
  else if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') v6 = isIPv6(svc.spec.clusterIP);
  else v6 = isIPv6(pod.status?.podIP ?? '');
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip ?? '');
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  const ip = ips.find((x) => x && isIPv6(x) === v6);
  if (!ip) return undefined;
  const addr: EndpointAddress = {
    ip,
    nodeName: pod.spec?.nodeName ?? '',
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      uid: pod.metadata?.uid ?? '',
    },
  };
  if (shouldSetHostname(pod, svc)) addr.hostname = pod.spec?.hostname;
  return addr;
}

/** the repacked subsets for svc over pods (pods already selected by the Service) */
export function desiredSubsets(svc: Readonly<Service>, pods: readonly Readonly<Pod>[]): EndpointSubset[] {
  const tolerate = !!svc.spec?.publishNotReadyAddresses;
  const subsets: EndpointSubset[] = [];
  const ports = svc.spec?.ports ?? [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const epa = podToEndpointAddress(svc, pod);
    if (!epa) continue;
    const ready = tolerate || isPodReady(pod);
    if (ports.length === 0 && svc.spec?.clusterIP === 'None') {
      addEndpointSubset(subsets, epa, undefined, ready);
      continue;
    }
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const epp: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol !== undefined) epp.appProtocol = sp.appProtocol;
      addEndpointSubset(subsets, epa, epp, ready);
    }
  }
  return repackSubsets(subsets);
}
