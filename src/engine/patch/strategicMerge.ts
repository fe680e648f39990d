// Strategic merge patch apply (kubectl patch default, kubectl apply's patches): merge keys and $-directives.
// mirrors k8s.io/apimachinery/pkg/util/strategicpatch/patch.go StrategicMergePatch / mergeMap / mergeSlice.
import type { JsonObject, JsonValue } from '../types/json';
import { deepClone, describe, getOwn, hasKey, isObject, keysOf, setOwn } from './jsonUtil';
import { dedupeScalars, deleteFromSlice, normalizeElementOrder, OrderIndex } from './listOrder';
import { lookupField, schemaForKind, subSchema, type FieldMeta, type SchemaNode } from './strategicSchema';

export const directiveMarker = '$patch';
export const retainKeysDirective = '$retainKeys';
export const setElementOrderPrefix = '$setElementOrder/';
export const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList/';

const isMergeList = (meta: FieldMeta): boolean =>
  meta.strategy === 'merge' || meta.strategy === 'merge,retainKeys';

/** Applies a strategic merge patch to an object of `kind`; inputs are not mutated. Throws Error on a bad patch. */
export function applyStrategicMergePatch(target: JsonObject, patch: JsonObject, kind: string): JsonObject {
  return mergeMapWithSchema(target, patch, schemaForKind(kind));
}

/** the same, with an explicit schema node (used for sub-objects and tests) */
export function mergeMapWithSchema(target: JsonObject, patch: JsonObject, schema: SchemaNode): JsonObject {
  return mergeMap(deepClone(target) as JsonObject, deepClone(patch) as JsonObject, schema);
}

function badPatchType(directive: JsonValue | undefined, m: JsonObject): Error {
  return new Error(`unknown patch type: ${describe(directive)} in map: ${describe(m)}`);
}

/** merges `patch` into `original` in place (both are private clones) */
function mergeMap(original: JsonObject, patch: JsonObject, schema: SchemaNode): JsonObject {
  if (hasKey(patch, directiveMarker)) {
    const directive = patch[directiveMarker];
    if (directive === 'replace') {
      delete patch[directiveMarker];
      return patch;
    }
    if (directive === 'delete') return {};
    throw badPatchType(directive, patch);
  }
  applyRetainKeys(original, patch);
  applySetElementOrder(original, patch, schema);
  for (const k of keysOf(patch)) {
    const pv = patch[k] as JsonValue;
    if (k.startsWith(deleteFromPrimitiveListPrefix)) {
      const field = k.slice(deleteFromPrimitiveListPrefix.length);
      const ov = getOwn(original, field);
      if (!Array.isArray(ov)) continue;
      const rest = deleteFromSlice(ov, Array.isArray(pv) ? pv : [pv]);
      if (rest.length === 0) delete original[field];
      else setOwn(original, field, rest);
      continue;
    }
    if (pv === null) {
      delete original[k];
      continue;
    }
    setOwn(original, k, mergeValue(getOwn(original, k), pv, lookupField(schema, k)));
  }
  return original;
}

/** merges one field's value; an absent or differently-typed original takes the patch value */
function mergeValue(ov: JsonValue | undefined, pv: JsonValue, meta: FieldMeta): JsonValue {
  const sub = subSchema(meta);
  if (isObject(pv)) {
    if (meta.strategy === 'replace') return pv;
    return mergeMap(isObject(ov) ? ov : {}, pv, sub);
  }
  if (Array.isArray(pv)) {
    if (!isMergeList(meta)) return pv;
    return mergeSlice(Array.isArray(ov) ? ov : [], pv, meta, undefined);
  }
  return pv;
}

/** mirrors applyRetainKeysDirective: drop original keys not listed in $retainKeys */
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!hasKey(patch, retainKeysDirective)) return;
  const retain = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!Array.isArray(retain)) throw new Error('invalid patch format of retainKeys');
  const keep = new Set(retain);
  for (const k of keysOf(patch)) {
    const v = patch[k];
    if (v === null || k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix))
      continue;
    if (!keep.has(k)) throw new Error('invalid patch format of retainKeys');
  }
  for (const k of keysOf(original)) if (!keep.has(k)) delete original[k];
}

/** mirrors mergePatchIntoOriginal: merge each list named by $setElementOrder/<field> and order it by that list */
function applySetElementOrder(original: JsonObject, patch: JsonObject, schema: SchemaNode): void {
  for (const key of keysOf(patch)) {
    if (!key.startsWith(setElementOrderPrefix)) continue;
    const order = patch[key];
    delete patch[key];
    const field = key.slice(setElementOrderPrefix.length);
    if (!Array.isArray(order)) throw new Error(`invalid type for ${key}: expected a list`);
    const ov = getOwn(original, field);
    const pv = getOwn(patch, field);
    if (pv === null) continue; // the whole field is deleted below
    const meta = lookupField(schema, field);
    const origList = Array.isArray(ov) ? ov : [];
    const patchList = Array.isArray(pv) ? pv : [];
    if (pv !== undefined) delete patch[field];
    if (!isMergeList(meta)) {
      if (pv !== undefined) setOwn(original, field, patchList);
      continue;
    }
    const merged = mergeSlice(origList, patchList, meta, order);
    if (merged.length === 0) delete original[field];
    else setOwn(original, field, merged);
  }
}

/** mirrors mergeSlice: maps merged by key (with $patch elements), primitives as a set; then ordered */
function mergeSlice(
  original: JsonValue[],
  patch: JsonValue[],
  meta: FieldMeta,
  order: JsonValue[] | undefined,
): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const first = original[0] ?? patch[0];
  const mergeKey = isObject(first) ? meta.mergeKey : undefined;
  let merged: JsonValue[];
  let orderBy = order ?? patch;
  let serverOrder = original;
  if (!isObject(first)) {
    merged = dedupeScalars([...original, ...patch]);
  } else {
    if (mergeKey === undefined) throw new Error('cannot merge lists without merge key');
    const special = applySpecialElements(original, patch, mergeKey);
    if (special.replace) {
      merged = special.patch;
      orderBy = order ?? [];
      serverOrder = special.patch;
    } else {
      merged = mergeByKey(special.original, special.patch, mergeKey, subSchema(meta));
      orderBy = order ?? special.patch;
    }
  }
  return normalizeElementOrder(merged, orderBy, serverOrder, mergeKey);
}

function noMergeKey(m: JsonObject, key: string): Error {
  return new Error(`map: ${describe(m)} does not contain declared merge key: ${key}`);
}

/** mirrors mergeSliceWithSpecialElements: `$patch: delete` removes by key, `$patch: replace` replaces the list */
function applySpecialElements(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
): { original: JsonValue[]; patch: JsonValue[]; replace: boolean } {
  const plain: JsonValue[] = [];
  let replace = false;
  let remaining = original;
  for (const v of patch) {
    if (!isObject(v) || !hasKey(v, directiveMarker)) {
      plain.push(v);
      continue;
    }
    const directive = v[directiveMarker];
    if (directive === 'delete') {
      const keyValue = getOwn(v, mergeKey);
      if (keyValue === undefined) throw noMergeKey(v, mergeKey);
      remaining = remaining.filter((o) => !(isObject(o) && getOwn(o, mergeKey) === keyValue));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw new Error('merging lists cannot yet be specified in the patch');
    } else {
      throw badPatchType(directive, v);
    }
  }
  return { original: remaining, patch: plain, replace };
}

/** mirrors mergeSliceWithoutSpecialElements: merge elements with the same key value, append the rest */
function mergeByKey(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  schema: SchemaNode,
): JsonValue[] {
  const out = [...original];
  const index = new OrderIndex(out, mergeKey);
  for (const v of patch) {
    if (!isObject(v)) throw new Error(`invalid list element ${describe(v)}: expected a map`);
    if (getOwn(v, mergeKey) === undefined) throw noMergeKey(v, mergeKey);
    const at = index.indexOf(v);
    if (at >= 0) {
      const o = out[at];
      out[at] = mergeMap(isObject(o) ? o : {}, v, schema);
    } else {
      index.add(v, out.length);
      out.push(mergeMap({}, v, schema));
    }
  }
  return out;
}
