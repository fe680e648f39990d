// A read-only snapshot of the objects the data path depends on (pods, services, EndpointSlices, nodes,
// NetworkPolicies, namespaces), listed from the API once per command and indexed for O(1) lookups.
import type { Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { ApiServer } from '../apiserver/types';
import type { KubeObject } from '../types/object';

export interface NetworkView {
  readonly pods: readonly Pod[];
  readonly services: readonly Service[];
  readonly nodes: readonly Node[];
  readonly policies: readonly NetworkPolicy[];
  pod(namespace: string, name: string): Pod | undefined;
  /** the running (not terminated) pod holding this IP, host-network pods excluded */
  podByIp(ip: string): Pod | undefined;
  service(namespace: string, name: string): Service | undefined;
  serviceByClusterIp(ip: string): Service | undefined;
  /** slices labelled kubernetes.io/service-name=<name> in the namespace */
  slicesOf(namespace: string, service: string): readonly EndpointSlice[];
  node(name: string): Node | undefined;
  nodeByIp(ip: string): Node | undefined;
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
  policiesIn(namespace: string): readonly NetworkPolicy[];
  configMap(namespace: string, name: string): KubeObject | undefined;
}

function list<T>(api: ApiServer, resource: string): T[] {
  try {
    return api.list(resource, undefined).items as unknown as T[];
  } catch {
    return [];
  }
}

const key = (ns: string | undefined, name: string | undefined) => `${ns ?? ''}/${name ?? ''}`;

export function nodeInternalIp(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

export function buildNetworkView(api: ApiServer): NetworkView {
  return viewFromObjects(
    {
      pods: list<Pod>(api, 'pods'),
      services: list<Service>(api, 'services'),
      slices: list<EndpointSlice>(api, 'endpointslices'),
      nodes: list<Node>(api, 'nodes'),
      policies: list<NetworkPolicy>(api, 'networkpolicies'),
      namespaces: list<Namespace>(api, 'namespaces'),
    },
    (ns, name) => {
      try {
        return api.get('configmaps', ns, name);
      } catch {
        return undefined;
      }
    },
  );
}

export interface ViewObjects {
  pods?: Pod[];
  services?: Service[];
  slices?: EndpointSlice[];
  nodes?: Node[];
  policies?: NetworkPolicy[];
  namespaces?: Namespace[];
}

/** a view over given objects (tests, or callers that already hold the lists) */
export function viewFromObjects(
  objs: ViewObjects,
  configMap: (ns: string, name: string) => KubeObject | undefined = () => undefined,
): NetworkView {
  const { pods = [], services = [], slices = [], nodes = [], policies = [], namespaces = [] } = objs;
  const podMap = new Map(pods.map((p) => [key(p.metadata?.namespace, p.metadata?.name), p]));
  const podIps = new Map<string, Pod>();
  for (const p of pods) {
    const phase = p.status?.phase;
    if (p.spec?.hostNetwork || phase === 'Succeeded' || phase === 'Failed') continue;
    for (const ip of p.status?.podIPs?.map((x) => x.ip) ?? [p.status?.podIP]) if (ip) podIps.set(ip, p);
  }
  const svcMap = new Map(services.map((s) => [key(s.metadata?.namespace, s.metadata?.name), s]));
  const svcIps = new Map<string, Service>();
  for (const s of services)
    for (const ip of s.spec?.clusterIPs ?? [s.spec?.clusterIP]) if (ip && ip !== 'None') svcIps.set(ip, s);
  const sliceMap = new Map<string, EndpointSlice[]>();
  for (const sl of slices) {
    const svc = sl.metadata?.labels?.['kubernetes.io/service-name'];
    if (!svc) continue;
    const k = key(sl.metadata?.namespace, svc);
    const arr = sliceMap.get(k) ?? [];
    arr.push(sl);
    sliceMap.set(k, arr);
  }
  const nodeMap = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
  const nodeIps = new Map<string, Node>();
  for (const n of nodes)
    for (const a of n.status?.addresses ?? []) if (a.type !== 'Hostname') nodeIps.set(a.address, n);
  const nsLabels = new Map(namespaces.map((n) => [n.metadata?.name ?? '', n.metadata?.labels ?? {}]));
  const polMap = new Map<string, NetworkPolicy[]>();
  for (const p of policies) {
    const arr = polMap.get(p.metadata?.namespace ?? '') ?? [];
    arr.push(p);
    polMap.set(p.metadata?.namespace ?? '', arr);
  }
  return {
    pods,
    services,
    nodes,
    policies,
    pod: (ns, name) => podMap.get(key(ns, name)),
    podByIp: (ip) => podIps.get(ip),
    service: (ns, name) => svcMap.get(key(ns, name)),
    serviceByClusterIp: (ip) => svcIps.get(ip),
    slicesOf: (ns, name) => sliceMap.get(key(ns, name)) ?? [],
    node: (name) => nodeMap.get(name),
    nodeByIp: (ip) => nodeIps.get(ip),
    // the kubernetes.io/metadata.name label is set on every namespace by the API server (NamespaceDefaultLabelName)
    namespaceLabels: (ns) => {
      const l = nsLabels.get(ns);
      return l === undefined ? undefined : { 'kubernetes.io/metadata.name': ns, ...l };
    },
    policiesIn: (ns) => polMap.get(ns) ?? [],
    configMap,
  };
}
