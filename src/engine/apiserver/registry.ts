// The served resources (as `kubectl api-resources -o wide` lists them) and kubectl-style name resolution.
import type { ResourceInfo } from './types';
import { StatusError, apiVersionOf } from './types';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
// namespaces have no deletecollection (pkg/registry/core/namespace/storage)
const NAMESPACE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  group: string,
  version: string,
  kind: string,
  plural: string,
  shortNames: string[],
  namespaced: boolean,
  hasStatus: boolean,
  categories?: string[],
): ResourceInfo {
  const info: ResourceInfo = {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced,
    verbs: kind === 'Namespace' ? NAMESPACE_VERBS : ALL_VERBS,
    hasStatus,
  };
  if (categories) info.categories = categories;
  return info;
}

const ALL = ['all'];

/** every resource kubesim serves, in `kubectl api-resources` order (core first, then groups alphabetically) */
export const RESOURCES: readonly ResourceInfo[] = Object.freeze([
  r('', 'v1', 'ConfigMap', 'configmaps', ['cm'], true, false),
  r('', 'v1', 'Endpoints', 'endpoints', ['ep'], true, false),
  r('', 'v1', 'Event', 'events', ['ev'], true, false),
  r('', 'v1', 'Namespace', 'namespaces', ['ns'], false, true),
  r('', 'v1', 'Node', 'nodes', ['no'], false, true),
  r('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', ['pvc'], true, true),
  r('', 'v1', 'PersistentVolume', 'persistentvolumes', ['pv'], false, true),
  r('', 'v1', 'Pod', 'pods', ['po'], true, true, ALL),
  r('', 'v1', 'ReplicationController', 'replicationcontrollers', ['rc'], true, true, ALL),
  r('', 'v1', 'Secret', 'secrets', [], true, false),
  r('', 'v1', 'ServiceAccount', 'serviceaccounts', ['sa'], true, false),
  r('', 'v1', 'Service', 'services', ['svc'], true, true, ALL),
  r('apps', 'v1', 'ControllerRevision', 'controllerrevisions', [], true, false),
  r('apps', 'v1', 'DaemonSet', 'daemonsets', ['ds'], true, true, ALL),
  r('apps', 'v1', 'Deployment', 'deployments', ['deploy'], true, true, ALL),
  r('apps', 'v1', 'ReplicaSet', 'replicasets', ['rs'], true, true, ALL),
  r('apps', 'v1', 'StatefulSet', 'statefulsets', ['sts'], true, true, ALL),
  r('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', ['hpa'], true, true, ALL),
  r('coordination.k8s.io', 'v1', 'Lease', 'leases', [], true, false),
  r('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', [], true, false),
  r('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', ['netpol'], true, false),
  r('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', ['pdb'], true, true),
  r('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', ['pc'], false, false),
  r('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', ['sc'], false, false),
]);

/** marks the Status of an unknown resource type so callers can print it as kubectl does (without "Error from server") */
const UNKNOWN_RESOURCE_MARK = 'kubesim/unknown-resource';

function unknownResource(message: string): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'NotFound',
    details: { kind: UNKNOWN_RESOURCE_MARK },
    code: 404,
  });
}

/** true for the error resolve()/resolveKind() throw for a resource the server does not serve */
export function isUnknownResource(err: unknown): err is StatusError {
  return err instanceof StatusError && err.status.details?.kind === UNKNOWN_RESOURCE_MARK;
}

interface Index {
  byName: Map<string, ResourceInfo>;
  byGroupName: Map<string, ResourceInfo>;
  byApiVersionKind: Map<string, ResourceInfo>;
}

function buildIndex(resources: readonly ResourceInfo[]): Index {
  const byName = new Map<string, ResourceInfo>();
  const byGroupName = new Map<string, ResourceInfo>();
  const byApiVersionKind = new Map<string, ResourceInfo>();
  for (const res of resources) {
    const names = [res.plural, res.singular, res.kind.toLowerCase(), ...res.shortNames];
    for (const n of names) {
      if (!byName.has(n)) byName.set(n, res);
      if (res.group) {
        byGroupName.set(`${n}.${res.group}`, res);
        byGroupName.set(`${n}.${res.version}.${res.group}`, res);
      }
    }
    byApiVersionKind.set(`${apiVersionOf(res)}/${res.kind}`, res);
  }
  return { byName, byGroupName, byApiVersionKind };
}

const INDEX = buildIndex(RESOURCES);

/**
 * Resolve a resource name like kubectl's RESTMapper: plural, singular, short name or kind (case-insensitive),
 * optionally qualified as `plural.group` / `kind.group` / `plural.version.group`.
 */
export function resolveResource(input: string): ResourceInfo {
  const key = input.toLowerCase();
  const found = INDEX.byName.get(key) ?? INDEX.byGroupName.get(key);
  if (!found) throw unknownResource(`the server doesn't have a resource type "${input}"`);
  return found;
}

/** resolve from a manifest's apiVersion and kind (exact, as the API server decodes it) */
export function resolveKind(apiVersion: string, kind: string): ResourceInfo {
  const found = INDEX.byApiVersionKind.get(`${apiVersion}/${kind}`);
  if (!found) throw unknownResource(`no matches for kind "${kind}" in version "${apiVersion}"`);
  return found;
}
