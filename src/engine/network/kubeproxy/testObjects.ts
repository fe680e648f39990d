// Builders of Services, EndpointSlices and Nodes for the network model tests.
import type { Node, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

export interface EpSpec {
  ip: string;
  node: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
  pod?: string;
  hostname?: string;
}

export function svc(
  name: string,
  clusterIP: string,
  extra: Partial<NonNullable<Service['spec']>> = {},
): Service {
  return {
    metadata: { namespace: 'default', name },
    spec: {
      clusterIP,
      clusterIPs: clusterIP === 'None' ? undefined : [clusterIP],
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      ...extra,
    },
  };
}

export function slice(service: string, eps: EpSpec[], port = 8080, portName = 'http'): EndpointSlice {
  return {
    metadata: {
      namespace: 'default',
      name: `${service}-abc`,
      labels: { 'kubernetes.io/service-name': service },
    },
    addressType: 'IPv4',
    ports: [{ name: portName, port, protocol: 'TCP' }],
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      nodeName: e.node,
      hostname: e.hostname,
      conditions: {
        ready: e.ready ?? true,
        serving: e.serving ?? e.ready ?? true,
        terminating: e.terminating ?? false,
      },
      targetRef: { kind: 'Pod', namespace: 'default', name: e.pod ?? `pod-${e.ip}` },
    })),
  };
}

export function node(name: string, ip: string, podCIDR: string): Node {
  return {
    metadata: { name },
    spec: { podCIDR, podCIDRs: [podCIDR] },
    status: { addresses: [{ type: 'InternalIP', address: ip }] },
  };
}
