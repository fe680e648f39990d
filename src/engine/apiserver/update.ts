// The update, updateStatus and patch verbs: resourceVersion preconditions, rest.BeforeUpdate, the status
// subresource, no-op detection, and deletion once the last finalizer of a deleting object goes.
import { cloneJson } from '../types/json';
import { cloneSharing } from '../types/cloneSharing';
import type { KubeObject } from '../types/object';
import type { JsonObject, JsonValue } from '../types/json';
import type { KeyValue } from '../store/types';
import type { PatchType, RequestContext, ResourceInfo } from './types';
import { StatusError, apiVersionOf } from './types';
import { resolveResource } from './registry';
import { defaultObject } from './defaulting/index';
import { validateObject } from './validation/index';
import { runAdmission } from './admission/index';
import { keepSystemMetadata, prepareForUpdate } from './strategy';
import { newBadRequest, newConflict, newInvalid, newNoSuchResource, newNotFound } from './errors';
import type { ServerCore } from './core';
import { keyOf, record, requestNamespace, scopeObject, storeDelete, storeUpdate } from './core';
import { shareUnchangedParts } from './shareUnchanged';
import { deepFreeze } from '../store/deepFreeze';
import { decode } from './create';
import { applyMergePatch } from '../patch/mergePatch';
import { applyStrategicMergePatch } from '../patch/strategicMerge';
import { applyJsonPatch } from '../patch/jsonPatch';
import { allocateServiceOnUpdate } from './serviceAlloc/index';

export type UpdateMode = 'main' | 'status';

/** the object as a delete leaves it in watch events and replies: last state, resourceVersion of the deletion */
// one copy per deleted value and revision, however many watchers receive it
const deletedCache = new WeakMap<KeyValue, { revision: number; obj: KubeObject }>();

export function deletedObject(kv: KeyValue, revision: number): KubeObject {
  const hit = deletedCache.get(kv);
  if (hit && hit.revision === revision) return hit.obj;
  // the stored value is deep-frozen: share its subtrees, copy only the root and metadata
  const value = kv.value as KubeObject;
  const obj: KubeObject = { ...value, metadata: { ...value.metadata, resourceVersion: String(revision) } };
  deepFreeze(obj);
  deletedCache.set(kv, { revision, obj });
  return obj;
}

/** the next object: the whole input for the main resource, the old object with the input's status for /status */
function nextObject(
  core: ServerCore,
  res: ResourceInfo,
  input: KubeObject,
  old: Readonly<KubeObject>,
  mode: UpdateMode,
): KubeObject {
  if (mode === 'status') {
    // the old object's frozen subtrees are shared, metadata's too: only its top-level fields are written below
    // (resourceVersion, annotations, omitempty deletions); the input is a decoded copy
    const next: KubeObject = { ...(old as KubeObject), metadata: { ...old.metadata } };
    if (input.status === undefined) delete next.status;
    else next.status = input.status;
    // deploymentStatusStrategy.PrepareForUpdate resets only spec and labels: the deployment controller writes the
    // deployment.kubernetes.io/revision annotation through /status (without bumping generation)
    if (res.kind === 'Deployment') {
      if (input.metadata.annotations === undefined) delete next.metadata.annotations;
      else next.metadata.annotations = cloneJson(input.metadata.annotations);
    }
    return next;
  }
  defaultObject(res, input);
  keepSystemMetadata(input, old);
  prepareForUpdate(res, input, old);
  // Service REST beginUpdate: keep allocated values, allocate what a type change needs
  if (res.kind === 'Service' && res.group === '') allocateServiceOnUpdate(core.store, core.rng, input, old);
  runAdmission(core.plugins, 'UPDATE', res, input, old, core.admissionApi);
  return input;
}

/** store.Update after the object to write is known: precondition, validation, no-op, finalizer-emptied deletion */
export function applyUpdate(
  core: ServerCore,
  res: ResourceInfo,
  key: string,
  cur: KeyValue,
  input: KubeObject,
  ctx: RequestContext,
  mode: UpdateMode,
  action: string,
): KubeObject {
  const old = cur.value;
  const name = old.metadata.name ?? '';
  const rv = input.metadata.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) throw newConflict(res, name);
  const next = nextObject(core, res, input, old, mode);
  const errs = validateObject(res, next, old as KubeObject, mode === 'status' ? 'status' : undefined);
  if (errs.length > 0) throw newInvalid(res, name, errs);
  next.metadata.resourceVersion = old.metadata.resourceVersion;
  if (shareUnchangedParts(next, old)) return old as KubeObject;
  if (ctx.dryRun) return deepFreeze(next);
  // store.shouldDeleteDuringUpdate: finalizers emptied on an object whose grace period is over
  const m = old.metadata;
  if (
    m.deletionTimestamp &&
    (next.metadata.finalizers ?? []).length === 0 &&
    (m.deletionGracePeriodSeconds ?? 0) === 0
  ) {
    const kv = storeDelete(core, res, key, name, cur.modRevision);
    const rev = core.store.revision;
    record(core, ctx, 'delete', res, kv.value, rev);
    return deletedObject(kv, rev);
  }
  const kv = storeUpdate(core, res, key, next, cur.modRevision);
  record(core, ctx, action, res, kv.value, kv.modRevision);
  return kv.value as KubeObject;
}

/**
 * decode for /status: nextObject reads only the input's metadata and status, so only those are copied; of the
 * metadata it keeps only top-level fields (annotations are deep-copied there), so a shallow copy is enough. The
 * status copy reuses the stored status's equal parts (what the store then freezes and compares is only the change).
 */
function decodeStatus(
  input: Readonly<KubeObject>,
  apiVersion: string,
  kind: string,
  stored: Readonly<KubeObject> | undefined,
): KubeObject {
  const meta: unknown = input.metadata;
  const obj: KubeObject = {
    apiVersion,
    kind,
    metadata: typeof meta === 'object' && meta !== null ? { ...input.metadata } : {},
  };
  if (input.status !== undefined) obj.status = cloneSharing(input.status, stored?.status);
  return obj;
}

/** the store key a /status request for input addresses, when it names one (read before decoding, to share parts) */
function statusTargetKey(
  res: ResourceInfo,
  namespace: string | undefined,
  input: Readonly<KubeObject>,
): string | undefined {
  const meta: unknown = input.metadata;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const name: unknown = input.metadata.name;
  if (typeof name !== 'string' || !name) return undefined;
  const ns = res.namespaced ? namespace || input.metadata.namespace : undefined;
  if (res.namespaced && !ns) return undefined;
  return keyOf(res, ns, name);
}

export function updateObject(
  core: ServerCore,
  resource: string,
  namespace: string | undefined,
  input: Readonly<KubeObject>,
  ctx: RequestContext,
  mode: UpdateMode,
): KubeObject {
  const res = resolveResource(resource);
  if (mode === 'status' && !res.hasStatus) throw newNoSuchResource();
  const statusKey = mode === 'status' ? statusTargetKey(res, namespace, input) : undefined;
  const stored = statusKey === undefined ? undefined : core.store.get(statusKey);
  const obj =
    mode === 'status'
      ? decodeStatus(input, apiVersionOf(res), res.kind, stored?.value)
      : decode(input, apiVersionOf(res), res.kind);
  const ns = scopeObject(res, namespace, obj);
  const name = obj.metadata.name;
  if (!name) throw newBadRequest('resource name may not be empty');
  const key = keyOf(res, ns, name);
  // a /status request already read its object (scopeObject rejects a namespace that differs)
  const cur = key === statusKey ? stored : core.store.get(key);
  if (!cur) throw newNotFound(res, name);
  return applyUpdate(core, res, key, cur, obj, ctx, mode, mode === 'status' ? 'updateStatus' : 'update');
}

function applyPatch(base: JsonObject, type: PatchType, patch: JsonValue, kind: string): JsonValue {
  try {
    if (type === 'merge') return applyMergePatch(base, patch);
    if (type === 'strategic') {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        throw new Error('invalid patch: a strategic merge patch must be a JSON object');
      }
      return applyStrategicMergePatch(base, patch, kind);
    }
    return applyJsonPatch(base, patch);
  } catch (e) {
    if (e instanceof StatusError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (type !== 'json') throw newBadRequest(message);
    // patch.go applyJSPatch: NewGenericServerResponse(422, ...) carrying the jsonpatch error as its cause
    const err = newInvalid({ group: '', kind: '' }, '', []);
    err.status.message = 'the server rejected our request due to an error in our request';
    err.status.details = { causes: [{ reason: 'UnexpectedServerResponse', message }] };
    throw err;
  }
}

export function patchObject(
  core: ServerCore,
  resource: string,
  namespace: string | undefined,
  name: string,
  type: PatchType,
  patch: JsonValue,
  ctx: RequestContext,
  subresource?: 'status',
): KubeObject {
  const res = resolveResource(resource);
  if (subresource === 'status' && !res.hasStatus) throw newNoSuchResource();
  const ns = requestNamespace(res, namespace);
  const key = keyOf(res, ns, name);
  const cur = core.store.get(key);
  if (!cur) throw newNotFound(res, name);
  const patched = applyPatch(cloneJson(cur.value) as unknown as JsonObject, type, patch, res.kind);
  if (typeof patched !== 'object' || patched === null || Array.isArray(patched)) {
    throw newBadRequest('the patched object is not a JSON object');
  }
  const obj = decode(patched as unknown as KubeObject, apiVersionOf(res), res.kind);
  if (obj.metadata.name !== name) {
    throw newBadRequest(
      `the name of the object (${String(obj.metadata.name)}) does not match the name on the URL (${name})`,
    );
  }
  scopeObject(res, ns, obj);
  // a patch applies to the current object; a resourceVersion it sets explicitly is a precondition
  if (!obj.metadata.resourceVersion) obj.metadata.resourceVersion = cur.value.metadata.resourceVersion;
  const mode: UpdateMode = subresource === 'status' ? 'status' : 'main';
  return applyUpdate(core, res, key, cur, obj, ctx, mode, 'patch');
}
