// JSON merge patch (RFC 7386), as `kubectl patch --type merge` and CRD apply use it.
// mirrors github.com/evanphx/json-patch MergePatch / CreateMergePatch; inputs are never mutated.
import type { JsonObject, JsonValue } from '../types/json';
import { deepClone, deepEqual, getOwn, hasKey, isObject, keysOf, setOwn } from './jsonUtil';

/** RFC 7386 MergePatch: null deletes, objects merge recursively, anything else (arrays too) replaces */
export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return deepClone(patch);
  const base = isObject(target) ? target : {};
  const out: JsonObject = {};
  for (const k of keysOf(base)) {
    if (!hasKey(patch, k)) setOwn(out, k, deepClone(base[k] as JsonValue));
  }
  for (const k of keysOf(patch)) {
    const pv = patch[k] as JsonValue;
    if (pv === null) continue;
    setOwn(out, k, applyMergePatch(getOwn(base, k), pv));
  }
  return out;
}

/** the merge patch that turns `original` into `modified` (keys gone from modified become null) */
export function createMergePatch(original: JsonValue, modified: JsonValue): JsonValue {
  if (!isObject(original) || !isObject(modified)) return deepClone(modified);
  return diffObjects(original, modified);
}

function diffObjects(original: JsonObject, modified: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const k of keysOf(original)) {
    if (!hasKey(modified, k)) setOwn(patch, k, null);
  }
  for (const k of keysOf(modified)) {
    const mv = modified[k] as JsonValue;
    const ov = getOwn(original, k);
    if (ov === undefined) {
      setOwn(patch, k, deepClone(mv));
    } else if (isObject(ov) && isObject(mv)) {
      const sub = diffObjects(ov, mv);
      if (keysOf(sub).length > 0) setOwn(patch, k, sub);
    } else if (!deepEqual(ov, mv)) {
      setOwn(patch, k, deepClone(mv));
    }
  }
  return patch;
}
