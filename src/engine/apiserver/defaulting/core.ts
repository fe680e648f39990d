// Core kinds' defaulting: Service, Namespace, PersistentVolume(Claim), Secret, Node, Endpoints, LimitRange.
// mirrors pkg/apis/core/v1/defaults.go (SetDefaults_Service, _Namespace, _NamespaceStatus, _PersistentVolume,
// _PersistentVolumeClaim(Spec), _Secret, _NodeStatus, _Endpoints, _LimitRangeItem) plus the ipFamilyPolicy the
// Service REST storage fills in (pkg/registry/core/service/storage initIPFamilyFields, single-stack IPv4 cluster).
import type {
  EndpointSubset,
  LimitRangeSpec,
  NodeStatus,
  PersistentVolumeClaimSpec,
  PersistentVolumeSpec,
  ServiceSpec,
} from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { defaultResourceList } from './resourceList';

export function defaultService(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as ServiceSpec;
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (
    spec.sessionAffinity === 'ClientIP' &&
    spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined
  ) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ||= 'ClusterIP';
  for (const p of spec.ports ?? []) {
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const external =
    spec.type === 'NodePort' ||
    spec.type === 'LoadBalancer' ||
    (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (external) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.type !== 'ExternalName') {
    spec.internalTrafficPolicy ??= 'Cluster';
    spec.ipFamilyPolicy ??= 'SingleStack';
    if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
  }
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

/** SetDefaults_Namespace (the kubernetes.io/metadata.name label) and SetDefaults_NamespaceStatus */
export function defaultNamespace(obj: KubeObject): void {
  const name = obj.metadata.name;
  if (name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
  const status = (obj.status ??= {}) as { phase?: string };
  status.phase ||= 'Active';
}

export function defaultPersistentVolumeClaim(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as PersistentVolumeClaimSpec;
  spec.volumeMode ??= 'Filesystem';
  defaultResourceList(spec.resources?.requests);
  defaultResourceList(spec.resources?.limits);
  const status = (obj.status ??= {}) as { phase?: string };
  status.phase ||= 'Pending';
}

export function defaultPersistentVolume(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as PersistentVolumeSpec;
  spec.persistentVolumeReclaimPolicy ||= 'Retain';
  spec.volumeMode ??= 'Filesystem';
  defaultResourceList(spec.capacity);
  if (spec.hostPath) spec.hostPath.type ??= '';
  const status = (obj.status ??= {}) as { phase?: string };
  status.phase ||= 'Pending';
}

export function defaultSecret(obj: KubeObject): void {
  if (!obj.type) obj.type = 'Opaque';
}

/** SetDefaults_NodeStatus: allocatable = capacity when unset */
export function defaultNode(obj: KubeObject): void {
  const status = obj.status as NodeStatus | undefined;
  if (!status) return;
  defaultResourceList(status.capacity);
  defaultResourceList(status.allocatable);
  if (status.allocatable === undefined && status.capacity !== undefined)
    status.allocatable = { ...status.capacity };
}

export function defaultEndpoints(obj: KubeObject): void {
  for (const subset of (obj.subsets ?? []) as EndpointSubset[])
    for (const p of subset.ports ?? []) p.protocol ||= 'TCP';
}

/** SetDefaults_LimitRangeItem: container defaults from max, defaultRequest from default then min */
export function defaultLimitRange(obj: KubeObject): void {
  for (const item of ((obj.spec ?? {}) as LimitRangeSpec).limits ?? []) {
    if (item.type !== 'Container') continue;
    const def = (item.default ??= {});
    const defReq = (item.defaultRequest ??= {});
    for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in defReq)) defReq[k] = v;
  }
}
