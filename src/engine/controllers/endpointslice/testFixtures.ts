// Fixtures of staging/src/k8s.io/endpointslice/reconciler_test.go (newServiceAndEndpointMeta, newPod, newEmptyEndpointSlice).
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointPort } from 'kubernetes-types/discovery/v1';
import { podToEndpoint } from './podToEndpoint';
import { newEndpointSlice } from './sliceMeta';
import type { EndpointSliceObject } from './types';
import { CONTROLLER_NAME } from './types';

export function newService(name = 'foo', namespace = 'test'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, uid: `uid-${name}` },
    spec: {
      ports: [{ name: 'foo', port: 80, targetPort: 80, protocol: 'TCP' }],
      selector: { foo: 'bar' },
      clusterIP: '10.96.0.20',
      ipFamilies: ['IPv4'],
    },
  };
}

export const ENDPOINT_META_PORTS: EndpointPort[] = [{ name: 'foo', port: 80, protocol: 'TCP' }];

export function podIP(i: number): string {
  return `1.2.${Math.floor(i / 256)}.${i % 256}`;
}

export interface PodOpts {
  namespace?: string;
  ready?: boolean;
  terminating?: boolean;
  ips?: string[];
}

/** newPod(n, namespace, ready, nPorts, terminating) */
export function newPod(i: number, namespace = 'test', ready = true, terminating = false): Pod {
  return podWith(i, { namespace, ready, terminating });
}

export function podWith(i: number, o: PodOpts): Pod {
  const ips = o.ips ?? [podIP(i)];
  const ready = o.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `pod${i}`,
      namespace: o.namespace ?? 'test',
      uid: `pod-uid-${i}`,
      labels: { foo: 'bar' },
      ...(o.terminating ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
    },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'container-1', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }],
    },
    status: {
      phase: 'Running',
      podIP: ips[0],
      podIPs: ips.map((ip) => ({ ip })),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

export function node(name: string, zone?: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: zone ? { 'topology.kubernetes.io/zone': zone } : {} },
  };
}

/** newEmptyEndpointSlice(n, namespace, endpointMeta, svc) */
export function newEmptySlice(
  n: number,
  svc: Service,
  ports: EndpointPort[] = ENDPOINT_META_PORTS,
): EndpointSliceObject {
  const s = newEndpointSlice(svc, ports, 'IPv4', CONTROLLER_NAME);
  s.metadata.name = `${svc.metadata?.name ?? ''}-${n}`;
  s.metadata.resourceVersion = String(n + 1);
  return s;
}

/** a slice holding the endpoints of pods, as podToEndpoint(pod, &corev1.Node{}, svc) builds them */
export function sliceWith(n: number, svc: Service, pods: readonly Pod[]): EndpointSliceObject {
  const s = newEmptySlice(n, svc);
  for (const p of pods) s.endpoints.push(podToEndpoint(p, undefined, svc, 'IPv4'));
  return s;
}

export function sizes(slices: readonly EndpointSliceObject[]): number[] {
  return slices.map((s) => s.endpoints.length);
}
