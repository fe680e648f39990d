// Service validation (allocation of cluster IPs and node ports is the allocator's job, not checked here).
// mirrors pkg/apis/core/validation/validation.go ValidateService / validateServicePort / validateServiceExternalTrafficPolicy.
import type { ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { goServicePortKey } from './goFormat';
import { validateDNS1123Label, validateLabels } from './meta';
import { INVALID_IP_MSG, isDNS1123Subdomain, isIP, isValidPortName, isValidPortNum } from './names';
import { SUPPORTED_PORT_PROTOCOLS } from './containers';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITY = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

function validatePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(fieldError.required(`${path}.name`, ''));
  else if (sp.name) {
    errs.push(...validateDNS1123Label(sp.name, `${path}.name`));
    if (names.has(sp.name)) errs.push(fieldError.duplicate(`${path}.name`, sp.name));
    names.add(sp.name);
  }
  for (const msg of isValidPortNum(sp.port)) errs.push(fieldError.invalid(`${path}.port`, sp.port, msg));
  if (!sp.protocol) errs.push(fieldError.required(`${path}.protocol`, ''));
  else if (!SUPPORTED_PORT_PROTOCOLS.includes(sp.protocol))
    errs.push(fieldError.notSupported(`${path}.protocol`, sp.protocol, SUPPORTED_PORT_PROTOCOLS));
  const tp = sp.targetPort;
  if (typeof tp === 'number')
    for (const msg of isValidPortNum(tp)) errs.push(fieldError.invalid(`${path}.targetPort`, tp, msg));
  else if (typeof tp === 'string')
    for (const msg of isValidPortName(tp)) errs.push(fieldError.invalid(`${path}.targetPort`, tp, msg));
  return errs;
}

function validateClusterIPs(s: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ips = s.clusterIPs?.length ? s.clusterIPs : s.clusterIP ? [s.clusterIP] : [];
  if (s.type === 'ExternalName') {
    if (ips.length && ips[0] !== '')
      errs.push(fieldError.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    return errs;
  }
  ips.forEach((ip, i) => {
    if (ip === 'None' && i === 0) {
      if (s.type === 'NodePort' || s.type === 'LoadBalancer') {
        errs.push(
          fieldError.invalid('spec.clusterIPs[0]', ip, `may not be set to 'None' for ${s.type} services`),
        );
      }
    } else if (!isIP(ip)) errs.push(fieldError.invalid(`spec.clusterIPs[${i}]`, ip, INVALID_IP_MSG));
  });
  return errs;
}

function validateTrafficPolicies(s: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer' || (s.externalIPs ?? []).length > 0;
  const etp = s.externalTrafficPolicy;
  if (!external) {
    if (etp)
      errs.push(
        fieldError.invalid(
          'spec.externalTrafficPolicy',
          etp,
          'may only be set for externally-accessible services',
        ),
      );
  } else if (!etp) errs.push(fieldError.required('spec.externalTrafficPolicy', ''));
  else if (!TRAFFIC_POLICIES.includes(etp))
    errs.push(fieldError.notSupported('spec.externalTrafficPolicy', etp, TRAFFIC_POLICIES));
  const itp = s.internalTrafficPolicy;
  if (s.type !== 'ExternalName') {
    if (!itp) errs.push(fieldError.required('spec.internalTrafficPolicy', ''));
    else if (!TRAFFIC_POLICIES.includes(itp))
      errs.push(fieldError.notSupported('spec.internalTrafficPolicy', itp, TRAFFIC_POLICIES));
  }
  return errs;
}

/** ValidateService (spec part; metadata is checked by the caller) */
export function validateServiceSpec(spec: ServiceSpec | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const ports = s.ports ?? [];
  const headless = s.clusterIP === 'None';
  if (ports.length === 0 && !headless && s.type !== 'ExternalName')
    errs.push(fieldError.required('spec.ports', ''));
  if (!s.type) errs.push(fieldError.required('spec.type', ''));
  else if (!SERVICE_TYPES.includes(s.type))
    errs.push(fieldError.notSupported('spec.type', s.type, SERVICE_TYPES));
  if (s.type === 'ExternalName') {
    const cname = s.externalName ?? '';
    if (!cname) errs.push(fieldError.required('spec.externalName', ''));
    else
      for (const msg of isDNS1123Subdomain(cname.replace(/\.$/, '')))
        errs.push(fieldError.invalid('spec.externalName', cname, msg));
  }
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((sp, i) => {
    const p = `spec.ports[${i}]`;
    errs.push(...validatePort(sp, ports.length > 1, names, p));
    if (s.type === 'ClusterIP' && sp.nodePort)
      errs.push(fieldError.forbidden(`${p}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    const key = `${sp.port}/${sp.protocol ?? ''}`;
    if (seen.has(key)) errs.push(fieldError.duplicate(p, goServicePortKey(sp.port, sp.protocol ?? '')));
    seen.add(key);
  });
  errs.push(...validateLabels(s.selector, 'spec.selector'));
  if (!s.sessionAffinity) errs.push(fieldError.required('spec.sessionAffinity', ''));
  else if (!SESSION_AFFINITY.includes(s.sessionAffinity))
    errs.push(fieldError.notSupported('spec.sessionAffinity', s.sessionAffinity, SESSION_AFFINITY));
  errs.push(...validateClusterIPs(s));
  errs.push(...validateTrafficPolicies(s));
  return errs;
}
