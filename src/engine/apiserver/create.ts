// The create verb: decode, default, admit, prepare (rest.BeforeCreate), name generation, validate, store.
import { cloneJson } from '../types/json';
import type { KubeObject } from '../types/object';
import type { RequestContext } from './types';
import { apiVersionOf } from './types';
import type { Rng } from '../sim/types';
import { resolveResource } from './registry';
import { defaultObject } from './defaulting/index';
import { validateObject } from './validation/index';
import { fieldError } from './fieldErrors';
import { runAdmission } from './admission/index';
import { prepareForCreate } from './strategy';
import { newAlreadyExists, newBadRequest, newInvalid, hasReason } from './errors';
import type { ServerCore } from './core';
import { keyOf, record, scopeObject, storeCreate } from './core';
import { deepFreeze } from '../store/deepFreeze';
import { allocateServiceOnCreate } from './serviceAlloc/index';

/** apiserver/pkg/storage/names/generate.go: 5 characters with no vowels and no confusable 0/1/3 */
export const GENERATE_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = 63 - RANDOM_LENGTH;
/** RetryGenerateName: the apiserver tries up to 8 names before giving up */
const GENERATE_NAME_ATTEMPTS = 8;

export function generateName(rng: Rng, base: string): string {
  const prefix = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  return prefix + rng.string(RANDOM_LENGTH, GENERATE_NAME_ALPHABET);
}

/** decode: a fresh mutable copy with the resource's apiVersion/kind and a metadata object */
export function decode(input: Readonly<KubeObject>, apiVersion: string, kind: string): KubeObject {
  const obj = cloneJson(input) as KubeObject;
  obj.apiVersion = apiVersion;
  obj.kind = kind;
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  return obj;
}

/** decode for a handed-off object: it becomes the server's own, with the resource's apiVersion/kind */
function adopt(input: Readonly<KubeObject>, apiVersion: string, kind: string): KubeObject {
  if (Object.isFrozen(input) || typeof input.metadata !== 'object' || input.metadata === null)
    return decode(input, apiVersion, kind);
  const obj = input as KubeObject;
  obj.apiVersion = apiVersion;
  obj.kind = kind;
  return obj;
}

export function createObject(
  core: ServerCore,
  resource: string,
  namespace: string | undefined,
  input: Readonly<KubeObject>,
  ctx: RequestContext,
): KubeObject {
  const res = resolveResource(resource);
  const obj = ctx.handOff
    ? adopt(input, apiVersionOf(res), res.kind)
    : decode(input, apiVersionOf(res), res.kind);
  const ns = scopeObject(res, namespace, obj);
  if (obj.metadata.resourceVersion)
    throw newBadRequest('resourceVersion should not be set on objects to be created');
  defaultObject(res, obj);
  runAdmission(core.plugins, 'CREATE', res, obj, undefined, core.admissionApi);
  // rest.BeforeCreate: strategy.PrepareForCreate, FillObjectMetaSystemFields, name generation
  const now = core.sim.clock.nowRfc3339();
  prepareForCreate(res, obj, now);
  // Service REST beginCreate: ClusterIP and NodePort allocation (released by the allocators' watch on delete)
  if (res.kind === 'Service' && res.group === '') allocateServiceOnCreate(core.store, core.rng, obj);
  delete obj.metadata.deletionTimestamp;
  delete obj.metadata.deletionGracePeriodSeconds;
  obj.metadata.uid = core.rng.uuid();
  obj.metadata.creationTimestamp = now;
  const generate = !obj.metadata.name && !!obj.metadata.generateName;
  for (let attempt = 1; ; attempt++) {
    if (generate) obj.metadata.name = generateName(core.rng, obj.metadata.generateName ?? '');
    const errs = validateObject(res, obj);
    if (!obj.metadata.name && errs.length === 0) {
      errs.push(fieldError.required('metadata.name', 'name or generateName is required'));
    }
    if (errs.length > 0) throw newInvalid(res, obj.metadata.name ?? '', errs);
    const name = obj.metadata.name ?? '';
    const key = keyOf(res, ns, name);
    if (ctx.dryRun) {
      if (core.store.get(key)) throw newAlreadyExists(res, name);
      return deepFreeze(obj);
    }
    try {
      const kv = storeCreate(core, res, key, obj);
      record(core, ctx, 'create', res, kv.value, kv.modRevision);
      return kv.value as KubeObject;
    } catch (e) {
      if (!(generate && hasReason(e, 'AlreadyExists') && attempt < GENERATE_NAME_ATTEMPTS)) throw e;
    }
  }
}
