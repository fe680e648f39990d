// Contracts of the API server: resource registry entries, request context, Status errors and the REST verbs.
import type { KubeObject } from '../types/object';
import type { JsonValue } from '../types/json';

/** One served resource, as discovery (`kubectl api-resources`) lists it. */
export interface ResourceInfo {
  /** '' for the core group */
  group: string;
  version: string;
  kind: string;
  /** lower-case plural, e.g. 'deployments' */
  plural: string;
  /** lower-case singular, e.g. 'deployment' */
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** verbs as discovery lists them */
  verbs: string[];
  /** has a status subresource (status is ignored on update of the main resource) */
  hasStatus: boolean;
  categories?: string[];
}

/** apiVersion string of a resource: 'v1' or 'apps/v1' */
export function apiVersionOf(r: Pick<ResourceInfo, 'group' | 'version'>): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** 'deployments.apps' / 'pods', as kubectl and Status messages name a resource */
export function qualifiedResource(r: Pick<ResourceInfo, 'group' | 'plural'>): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** Who is asking and why: feeds the trace, Events' source and managedFields. */
export interface RequestContext {
  /** e.g. 'kubectl', 'replicaset-controller', 'default-scheduler', 'kubelet/node-1' */
  actor: string;
  /** why this request happens, e.g. 'watch ADDED deployments/default/web@12' */
  cause?: string;
  dryRun?: boolean;
  fieldManager?: string;
  /**
   * (create; other verbs ignore it) the caller built the object for this request alone and never touches it
   * again (the event recorder's Events), so the server takes it as its own and freezes it instead of decoding a copy.
   * Its only frozen parts may be values read from the store (deep-frozen), as deepFreeze skips frozen objects.
   */
  handOff?: boolean;
}

/** metav1.StatusCause */
export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

/** metav1.Status as kube-apiserver returns it on failure. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  /** e.g. NotFound, AlreadyExists, Conflict, Invalid, BadRequest, Gone, Expired, Forbidden, MethodNotAllowed */
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
  code: number;
}

/** Thrown by every API verb on failure; kubectl prints it as `Error from server (<reason>): <message>`. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'StatusError';
  }
}

export type PatchType = 'merge' | 'strategic' | 'json';

export interface ListOpts {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface ObjectList {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string; continue?: string };
  items: KubeObject[];
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOpts {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  readonly type: WatchEventType;
  /** deep-frozen; for ERROR a Status */
  readonly object: Readonly<KubeObject>;
}

export interface WatchOpts {
  /** '' or undefined: start now; otherwise deliver events after that resourceVersion (410 Gone if compacted) */
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ApiWatch {
  cancel(): void;
}

/**
 * The REST verbs. `resource` is anything kubectl accepts as a resource name (plural, singular, short name,
 * kind, `plural.group`), resolved through the registry. Every method throws StatusError on failure.
 * Objects returned are deep-frozen snapshots; copy (structuredClone) before changing them.
 */
export interface ApiServer {
  resolve(resource: string): ResourceInfo;
  /** resolve from apiVersion + kind of a manifest */
  resolveKind(apiVersion: string, kind: string): ResourceInfo;
  resources(): readonly ResourceInfo[];

  create(resource: string, namespace: string | undefined, obj: KubeObject, ctx: RequestContext): KubeObject;
  get(resource: string, namespace: string | undefined, name: string): KubeObject;
  list(resource: string, namespace: string | undefined, opts?: ListOpts): ObjectList;
  /** full replace; metadata.resourceVersion, when set, is a precondition (409 Conflict) */
  update(resource: string, namespace: string | undefined, obj: KubeObject, ctx: RequestContext): KubeObject;
  /** the status subresource: only .status changes */
  updateStatus(
    resource: string,
    namespace: string | undefined,
    obj: KubeObject,
    ctx: RequestContext,
  ): KubeObject;
  patch(
    resource: string,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: JsonValue,
    ctx: RequestContext,
    subresource?: 'status',
  ): KubeObject;
  /** returns the object as it stands after the call (with deletionTimestamp when graceful/finalized) */
  delete(
    resource: string,
    namespace: string | undefined,
    name: string,
    opts: DeleteOpts,
    ctx: RequestContext,
  ): KubeObject;
  /**
   * pods/binding subresource (pkg/registry/core/pod/storage BindingREST): sets spec.nodeName and the
   * PodScheduled=True condition; Conflict `pod web-0 is already assigned to node "node-1"` when bound.
   */
  bind(namespace: string, podName: string, nodeName: string, ctx: RequestContext): KubeObject;
  /**
   * pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go EvictionREST.Create): deletes the pod
   * with deleteOptions unless that would violate its PodDisruptionBudget (429 TooManyRequests, cause DisruptionBudget).
   */
  evict(namespace: string, podName: string, deleteOptions: DeleteOpts, ctx: RequestContext): void;
  /** listener is called synchronously after each matching write; it must not write synchronously */
  watch(
    resource: string,
    namespace: string | undefined,
    opts: WatchOpts,
    listener: (event: WatchEvent) => void,
  ): ApiWatch;
  /**
   * runs fn and returns the Warning headers the server sent kubectl's requests meanwhile (requests without a
   * RequestContext, or with actor `kubectl`), each once, in order: what kubectl's deduplicating WarningWriter prints
   */
  collectWarnings<T>(fn: () => T): { result: T; warnings: string[] };
}
