// The generic shape of a Kubernetes object as the store and API server handle it.
// Kind-specific shapes come from the `kubernetes-types` package (e.g. `import type { Pod } from 'kubernetes-types/core/v1'`).
import type { OwnerReference, ManagedFieldsEntry } from 'kubernetes-types/meta/v1';

export type { OwnerReference };

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
}

/** Any Kubernetes object. Kind-specific fields are reached by casting to a `kubernetes-types` type. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** namespace/name (or just name for cluster-scoped objects), as Kubernetes' cache.MetaNamespaceKeyFunc builds it. */
export type ObjectKey = string;

export function objectKey(obj: { metadata: ObjectMeta }): ObjectKey {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name ?? ''}` : (obj.metadata.name ?? '');
}

export function splitObjectKey(key: ObjectKey): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
