// kubectl apply's three-way patches: deletions since last-applied plus changes from live to the new manifest.
// mirrors strategicpatch.CreateThreeWayMergePatch and jsonmergepatch.CreateThreeWayJSONMergePatch (overwrite=true);
// and kubectl edit's two-way patch (strategicpatch.CreateTwoWayMergePatch).
import type { JsonObject, JsonValue } from '../types/json';
import { deepClone, getOwn, isObject, keysOf, setOwn } from './jsonUtil';
import { createMergePatch, applyMergePatch } from './mergePatch';
import { diffMaps } from './strategicDiff';
import { identity } from './listOrder';
import { lookupField, schemaForKind, subSchema, type SchemaNode } from './strategicSchema';

/**
 * The strategic merge patch kubectl apply sends: `original` is the last-applied-configuration (undefined when
 * absent), `modified` the new manifest, `current` the live object. Returns `{}` when nothing needs to change.
 */
export function createThreeWayMergePatch(
  original: JsonObject | undefined,
  modified: JsonObject,
  current: JsonObject,
  kind: string,
): JsonObject {
  const schema = schemaForKind(kind);
  const delta = diffMaps(current, modified, schema, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(original ?? {}, modified, schema, {
    ignoreChangesAndAdditions: true,
    setElementOrder: true,
  });
  return combinePatches(deletions, delta, schema);
}

/** strategicpatch.CreateTwoWayMergeMapPatch: the patch that turns original into modified (`{}` when equal) */
export function createTwoWayMergePatch(original: JsonObject, modified: JsonObject, kind: string): JsonObject {
  return diffMaps(original, modified, schemaForKind(kind), { setElementOrder: true });
}

/**
 * Merges two strategic patches into one (delta wins; directives kept, nulls kept);
 * mirrors mergeMap(deletionsMap, deltaMap, schema, MergeOptions{}) as CreateThreeWayMergePatch calls it.
 */
function combinePatches(deletions: JsonObject, delta: JsonObject, schema: SchemaNode): JsonObject {
  const out = deepClone(deletions) as JsonObject;
  for (const k of keysOf(delta)) {
    const dv = delta[k] as JsonValue;
    const ov = getOwn(out, k);
    const meta = lookupField(schema, k);
    if (isObject(ov) && isObject(dv) && meta.strategy !== 'replace') {
      setOwn(out, k, combinePatches(ov, dv, subSchema(meta)));
    } else if (Array.isArray(ov) && Array.isArray(dv) && meta.mergeKey !== undefined && !k.startsWith('$')) {
      setOwn(out, k, combineLists(ov, dv, meta.mergeKey, subSchema(meta)));
    } else {
      setOwn(out, k, deepClone(dv));
    }
  }
  return out;
}

/** list parts of two patches: delta's elements first (merged with a same-key element), then deletion directives */
function combineLists(
  deletions: JsonValue[],
  delta: JsonValue[],
  mergeKey: string,
  schema: SchemaNode,
): JsonValue[] {
  const rest = [...deletions];
  const out: JsonValue[] = [];
  for (const d of delta) {
    const id = identity(d, mergeKey);
    const at = id === undefined ? -1 : rest.findIndex((r) => identity(r, mergeKey) === id);
    if (at >= 0 && isObject(d) && isObject(rest[at])) {
      out.push(combinePatches(rest[at] as JsonObject, d, schema));
      rest.splice(at, 1);
    } else {
      out.push(deepClone(d));
    }
  }
  return [...out, ...rest];
}

/** keeps only the null leaves (keepNull) or drops them, removing maps left empty; mirrors keepOrDeleteNullInObj */
function keepOrDeleteNull(obj: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const k of keysOf(obj)) {
    const v = obj[k] as JsonValue;
    if (v === null) {
      if (keepNull) setOwn(out, k, null);
    } else if (isObject(v) && keysOf(v).length === 0) {
      // explicitly-set empty maps are values, not empty patches
      if (!keepNull) setOwn(out, k, {});
    } else if (isObject(v)) {
      const sub = keepOrDeleteNull(v, keepNull);
      if (keysOf(sub).length > 0) setOwn(out, k, sub);
    } else if (!keepNull) {
      setOwn(out, k, deepClone(v));
    }
  }
  return out;
}

/** The JSON merge patch kubectl apply sends for kinds without a strategic schema (CRDs, unstructured). */
export function createThreeWayJsonMergePatch(
  original: JsonObject | undefined,
  modified: JsonObject,
  current: JsonObject,
): JsonObject {
  const addAndChange = createMergePatch(current, modified);
  const deletes = createMergePatch(original ?? {}, modified);
  const addAndChangeObj = isObject(addAndChange) ? keepOrDeleteNull(addAndChange, false) : {};
  const deleteObj = isObject(deletes) ? keepOrDeleteNull(deletes, true) : {};
  const merged = applyMergePatchKeepingNulls(deleteObj, addAndChangeObj);
  return merged;
}

/** jsonpatch.MergePatch(deletePatch, addAndChangePatch): addAndChange has no nulls, so deletion nulls survive */
function applyMergePatchKeepingNulls(base: JsonObject, patch: JsonObject): JsonObject {
  const out = applyMergePatch(base, patch);
  return isObject(out) ? out : {};
}
