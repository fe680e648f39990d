// The Service REST storage's beginCreate/beginUpdate (pkg/registry/core/service/storage/storage.go): normalize
// clusterIP/clusterIPs, keep allocated values a client left out, then allocate. One allocator set per store, kept in
// step with stored Services by a watch, so deletes (by any path) release and a restart rebuilds from storage.
import type { ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { MvccStore } from '../../store/types';
import type { Rng } from '../../sim/types';
import type { KubeObject } from '../../types/object';
import { registryPrefix } from '../../store/keys';
import {
  ServiceAllocators,
  needsClusterIP,
  needsHealthCheck,
  needsNodePort,
  nodePortsOf,
  specOf,
} from './allocators';

const allocatorsByStore = new WeakMap<MvccStore, ServiceAllocators>();

/** the store's allocators, built on first use from the Services already stored (bootstrap's `kubernetes` at .1) */
export function serviceAllocators(store: MvccStore, rng: Rng): ServiceAllocators {
  let al = allocatorsByStore.get(store);
  if (al) return al;
  const created = new ServiceAllocators(rng.fork('service-allocators'));
  const prefix = registryPrefix('services');
  const list = store.list(prefix);
  for (const kv of list.items) created.occupy(kv.value);
  store.watch(
    prefix,
    (events) => {
      for (const e of events) {
        if (e.prevKv) created.vacate(e.prevKv.value);
        if (e.type !== 'DELETED') created.occupy(e.kv.value);
      }
    },
    { fromRevision: list.revision },
  );
  allocatorsByStore.set(store, (al = created));
  return al;
}

function sameClusterIPs(a: ServiceSpec, b: ServiceSpec): boolean {
  const x = a.clusterIPs ?? [];
  const y = b.clusterIPs ?? [];
  return x.length === y.length && x.every((ip, i) => ip === y[i]);
}

/** pkg/registry/core/service/strategy.go NormalizeClusterIPs */
export function normalizeClusterIPs(spec: ServiceSpec, old: ServiceSpec | undefined): void {
  if (!old) {
    if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if ((old.clusterIPs ?? []).length > 0 && !spec.clusterIPs?.length && old.clusterIP === spec.clusterIP) {
    spec.clusterIPs = old.clusterIPs;
  }
  if ((old.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    if (old.clusterIP && !spec.clusterIP && sameClusterIPs(old, spec)) delete spec.clusterIPs;
    if (sameClusterIPs(old, spec) && spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
  }
}

/** storage.go patchAllocatedValues: a client that omits clusterIP/nodePort on update keeps the allocated ones */
export function patchAllocatedValues(svc: KubeObject, old: Readonly<KubeObject>): void {
  const spec = specOf(svc);
  const o = specOf(old);
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP && o.clusterIP) spec.clusterIP = o.clusterIP;
    if (!spec.clusterIPs?.length && o.clusterIPs?.length) spec.clusterIPs = [...o.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const used = new Set((spec.ports ?? []).map((p) => p.nodePort).filter((n) => !!n));
    const byName = new Map<string, number>();
    for (const p of o.ports ?? []) if (p.nodePort) byName.set(p.name ?? '', p.nodePort);
    for (const p of spec.ports ?? []) {
      const oldVal = byName.get(p.name ?? '');
      if (!p.nodePort && oldVal && !used.has(oldVal)) p.nodePort = oldVal;
    }
  }
  if (needsHealthCheck(o) && needsHealthCheck(spec) && !spec.healthCheckNodePort) {
    spec.healthCheckNodePort = o.healthCheckNodePort;
  }
}

/** strategy.go dropTypeDependentFields: values the old type needed go when the type drops them, if left unchanged */
function dropTypeDependentFields(svc: KubeObject, old: Readonly<KubeObject>): void {
  const spec = specOf(svc);
  const o = specOf(old);
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    if (spec.clusterIP === o.clusterIP && sameClusterIPs(spec, o)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
      delete spec.ipFamilies;
      delete spec.ipFamilyPolicy;
    }
  }
  if (needsNodePort(old) && !needsNodePort(svc)) {
    const oldPorts = new Map((o.ports ?? []).map((p: ServicePort) => [p.port, p.nodePort]));
    for (const p of spec.ports ?? [])
      if (p.nodePort && oldPorts.get(p.port) === p.nodePort) delete p.nodePort;
  }
  if (needsHealthCheck(o) && !needsHealthCheck(spec) && spec.healthCheckNodePort === o.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
  // fields only a LoadBalancer (or an externally reachable type) has, dropped when the user left them unchanged
  if (o.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts)
      delete spec.allocateLoadBalancerNodePorts;
    if (spec.loadBalancerClass === o.loadBalancerClass) delete spec.loadBalancerClass;
  }
  const external = (t: string | undefined) => t === 'NodePort' || t === 'LoadBalancer';
  if (external(o.type) && !external(spec.type) && spec.externalTrafficPolicy === o.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
}

/** beginCreate: normalize, then allocate the ClusterIP and node ports (throws StatusError) */
export function allocateServiceOnCreate(store: MvccStore, rng: Rng, svc: KubeObject): void {
  const spec = (svc.spec ??= {}) as ServiceSpec;
  normalizeClusterIPs(spec, undefined);
  const al = serviceAllocators(store, rng);
  al.allocClusterIP(svc);
  al.allocNodePorts(svc);
}

/** beginUpdate: patch allocated values, normalize, allocate what the new type needs (old values release via the watch) */
export function allocateServiceOnUpdate(
  store: MvccStore,
  rng: Rng,
  svc: KubeObject,
  old: Readonly<KubeObject>,
): void {
  const spec = (svc.spec ??= {}) as ServiceSpec;
  dropTypeDependentFields(svc, old);
  patchAllocatedValues(svc, old);
  normalizeClusterIPs(spec, specOf(old));
  const al = serviceAllocators(store, rng);
  // CASE A of updateClusterIPs: ExternalName -> a type with a ClusterIP allocates one
  if (!needsClusterIP(old) && needsClusterIP(svc)) {
    spec.ipFamilyPolicy ??= 'SingleStack';
    if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
    al.allocClusterIP(svc);
  }
  al.allocNodePorts(svc, nodePortsOf(specOf(old)));
}
