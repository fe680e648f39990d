// HorizontalPodAutoscaler, NetworkPolicy, PriorityClass and EndpointSlice validation.
// mirrors pkg/apis/autoscaling/validation, pkg/apis/networking/validation, pkg/apis/scheduling/validation and
// pkg/apis/discovery/validation.
import type { HorizontalPodAutoscalerSpec } from 'kubernetes-types/autoscaling/v2';
import type { NetworkPolicySpec, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../types/object';
import { fieldError, type FieldError } from '../fieldErrors';
import { SUPPORTED_PORT_PROTOCOLS } from './containers';
import { validateLabelSelector } from './meta';
import { isValidPortName, isValidPortNum } from './names';

/** validateHorizontalPodAutoscalerSpec (minReplicas lower bound 1: HPAScaleToZero is alpha and off) */
export function validateHPASpec(spec: HorizontalPodAutoscalerSpec | undefined): FieldError[] {
  const s = spec ?? ({} as HorizontalPodAutoscalerSpec);
  const errs: FieldError[] = [];
  if (s.minReplicas !== undefined && s.minReplicas < 1)
    errs.push(fieldError.invalid('spec.minReplicas', s.minReplicas, 'must be greater than or equal to 1'));
  const max = s.maxReplicas ?? 0;
  if (max < 1) errs.push(fieldError.invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (s.minReplicas !== undefined && max < s.minReplicas)
    errs.push(fieldError.invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  const ref = s.scaleTargetRef ?? ({} as HorizontalPodAutoscalerSpec['scaleTargetRef']);
  if (!ref.kind) errs.push(fieldError.required('spec.scaleTargetRef.kind', ''));
  if (!ref.name) errs.push(fieldError.required('spec.scaleTargetRef.name', ''));
  (s.metrics ?? []).forEach((m, i) => {
    const p = `spec.metrics[${i}]`;
    const types = ['Object', 'Pods', 'Resource', 'ContainerResource', 'External'];
    if (!m.type) errs.push(fieldError.required(`${p}.type`, 'must specify a metric source type'));
    else if (!types.includes(m.type)) errs.push(fieldError.notSupported(`${p}.type`, m.type, types));
    const util = m.resource?.target.averageUtilization;
    if (util !== undefined && util < 1)
      errs.push(
        fieldError.invalid(`${p}.resource.target.averageUtilization`, util, 'must be greater than 0'),
      );
  });
  return errs;
}

function validateNetworkPolicyPort(port: NetworkPolicyPort, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol && !SUPPORTED_PORT_PROTOCOLS.includes(port.protocol))
    errs.push(fieldError.notSupported(`${path}.protocol`, port.protocol, SUPPORTED_PORT_PROTOCOLS));
  if (typeof port.port === 'number')
    for (const m of isValidPortNum(port.port)) errs.push(fieldError.invalid(`${path}.port`, port.port, m));
  else if (typeof port.port === 'string')
    for (const m of isValidPortName(port.port)) errs.push(fieldError.invalid(`${path}.port`, port.port, m));
  if (port.endPort !== undefined) {
    if (typeof port.port !== 'number')
      errs.push(fieldError.required(`${path}.port`, 'must be specified when endPort is specified'));
    else if (port.endPort < port.port)
      errs.push(
        fieldError.invalid(`${path}.endPort`, port.endPort, 'must be greater than or equal to `port`'),
      );
  }
  return errs;
}

/** ValidateNetworkPolicySpec */
export function validateNetworkPolicySpec(spec: NetworkPolicySpec | undefined): FieldError[] {
  const s = spec ?? ({} as NetworkPolicySpec);
  const errs = validateLabelSelector(s.podSelector, 'spec.podSelector');
  const rules = [
    ...(s.ingress ?? []).map((r, i) => ({
      ports: r.ports,
      peers: r.from,
      p: `spec.ingress[${i}]`,
      peer: 'from',
    })),
    ...(s.egress ?? []).map((r, i) => ({ ports: r.ports, peers: r.to, p: `spec.egress[${i}]`, peer: 'to' })),
  ];
  for (const r of rules) {
    (r.ports ?? []).forEach((port, j) => errs.push(...validateNetworkPolicyPort(port, `${r.p}.ports[${j}]`)));
    (r.peers ?? []).forEach((peer, j) => {
      const p = `${r.p}.${r.peer}[${j}]`;
      const n = [peer.podSelector, peer.namespaceSelector, peer.ipBlock].filter((x) => x != null).length;
      if (n === 0) errs.push(fieldError.required(p, 'must specify a peer'));
      else if (peer.ipBlock && n > 1)
        errs.push(fieldError.forbidden(p, 'may not specify both ipBlock and another peer'));
      errs.push(...validateLabelSelector(peer.podSelector, `${p}.podSelector`));
      errs.push(...validateLabelSelector(peer.namespaceSelector, `${p}.namespaceSelector`));
    });
  }
  const allowed = ['Ingress', 'Egress'];
  const types = s.policyTypes ?? [];
  types.forEach((t, i) => {
    if (!allowed.includes(t)) errs.push(fieldError.notSupported(`spec.policyTypes[${i}]`, t, allowed));
  });
  if (types.length > 2)
    errs.push(fieldError.invalid('spec.policyTypes', types, 'may not specify more than two policyTypes'));
  return errs;
}

const HIGHEST_USER_PRIORITY = 1000000000;

/** ValidatePriorityClass: user classes may not exceed 1e9 nor use the system- prefix */
export function validatePriorityClass(pc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const value = Number(pc.value ?? 0);
  const name = pc.metadata.name ?? '';
  if (name.startsWith('system-')) {
    if (name !== 'system-cluster-critical' && name !== 'system-node-critical') {
      errs.push(
        fieldError.forbidden(
          'metadata.name',
          "priority class names with 'system-' prefix are reserved for system use only",
        ),
      );
    }
  } else if (value > HIGHEST_USER_PRIORITY) {
    errs.push(
      fieldError.forbidden(
        'value',
        `maximum allowed value of a user defined priority is ${HIGHEST_USER_PRIORITY}`,
      ),
    );
  }
  const pp = pc.preemptionPolicy;
  if (pp !== undefined && pp !== 'PreemptLowerPriority' && pp !== 'Never') {
    errs.push(fieldError.notSupported('preemptionPolicy', pp, ['Never', 'PreemptLowerPriority']));
  }
  return errs;
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

/** ValidateEndpointSlice: addressType enum, up to 1000 endpoints with 1..100 addresses, valid ports */
export function validateEndpointSlice(slice: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const at = slice.addressType as string | undefined;
  if (!at) errs.push(fieldError.required('addressType', ''));
  else if (!ADDRESS_TYPES.includes(at)) errs.push(fieldError.notSupported('addressType', at, ADDRESS_TYPES));
  const endpoints = (slice.endpoints ?? []) as { addresses?: string[] }[];
  if (endpoints.length > 1000) errs.push(fieldError.tooMany('endpoints', 1000));
  endpoints.forEach((ep, i) => {
    const n = (ep.addresses ?? []).length;
    if (n === 0)
      errs.push(fieldError.required(`endpoints[${i}].addresses`, 'must contain at least 1 address'));
    else if (n > 100) errs.push(fieldError.tooMany(`endpoints[${i}].addresses`, 100));
  });
  const ports = (slice.ports ?? []) as { name?: string; port?: number; protocol?: string }[];
  ports.forEach((port, i) => {
    const p = `ports[${i}]`;
    if (port.port !== undefined)
      for (const m of isValidPortNum(port.port)) errs.push(fieldError.invalid(`${p}.port`, port.port, m));
    if (port.protocol && !SUPPORTED_PORT_PROTOCOLS.includes(port.protocol))
      errs.push(fieldError.notSupported(`${p}.protocol`, port.protocol, SUPPORTED_PORT_PROTOCOLS));
  });
  return errs;
}
