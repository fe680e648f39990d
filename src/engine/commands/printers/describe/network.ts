// `kubectl describe` for services, endpoints and endpointslices: mirrors describe.go (kubectl v0.35) describeService /
// buildIngressString / formatEndpointSlices / describeEndpoints / describeEndpointSliceV1.
import type { Endpoints, LoadBalancerIngress, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../../types/object';
import type { DescribeInputs } from './types';
import { DescribeWriter } from './writer';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { formatLabels } from '../format';

const hostPort = (ip: string, port: number | undefined) =>
  ip.includes(':') ? `[${ip}]:${port ?? 0}` : `${ip}:${port ?? 0}`;

/** mirrors formatEndpointSlices: ready addresses of the named port, up to 3, then ` + N more...` */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const ports = s.ports ?? [];
    const targets = ports.length === 0 ? [undefined] : ports.filter((p) => (p.name ?? '') === portName);
    for (const port of targets) {
      for (const ep of s.endpoints ?? []) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        const addr = ep.addresses[0] ?? '';
        if (!more) list.push(port ? hostPort(addr, port.port) : addr);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** mirrors buildIngressString: `ip (ipMode)` or the hostname, joined by ", " */
export function buildIngressString(ingress: readonly LoadBalancerIngress[]): string {
  return ingress
    .map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? '')))
    .join(', ');
}

export function describeService(obj: KubeObject, inputs: DescribeInputs): string {
  const svc = obj as unknown as Service;
  const spec = svc.spec ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(
    0,
    `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? (spec.ipFamilies ?? []).join(',') : '<none>'}\n`,
  );
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? (spec.clusterIPs ?? []).join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0)
    w.write(0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${buildIngressString(ingress)}\n`);
  const slices = (inputs.endpointSlices ?? []) as unknown as EndpointSlice[];
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    const proto = sp.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${sp.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${String(sp.targetPort ?? sp.port)}/${proto}\n`);
    // no AppProtocol line: kubectl prints it only from v1.36 (describeService in v0.35.x has none)
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0)
    w.write(0, `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}\n`);
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}

export function describeEndpointSlice(obj: KubeObject, inputs: DescribeInputs): string {
  const eps = obj as unknown as EndpointSlice;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType ?? ''}\n`);
  if ((eps.ports ?? []).length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of eps.ports ?? [])
      w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`);
  }
  if ((eps.endpoints ?? []).length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const ep of eps.endpoints ?? []) {
      w.write(1, `- Addresses:\t${ep.addresses.length > 0 ? ep.addresses.join(', ') : '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${ep.conditions?.ready === undefined ? '<unset>' : String(ep.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`);
      const ref = ep.targetRef;
      if (ref) w.write(2, `TargetRef:\t${ref.kind ?? ''}/${ref.name ?? ''}\n`);
      w.write(2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${ep.zone ?? '<unset>'}\n`);
    }
  }
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}

/** mirrors describeEndpoints: per subset its ready and not-ready IPs and a port table, then a blank line */
export function describeEndpoints(obj: KubeObject, inputs: DescribeInputs): string {
  const ep = obj as unknown as Endpoints;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const subset of ep.subsets ?? []) {
    const ips = (list: readonly { ip: string }[] | undefined) =>
      (list ?? []).map((a) => a.ip).join(',') || '<none>';
    w.write(1, `Addresses:\t${ips(subset.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of subset.ports ?? [])
        w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(0, '\n');
  }
  describeEvents(w, inputs.events, inputs.nowMs);
  return w.toString();
}
