// Strategic merge diff of two objects (the building block of kubectl apply's three-way patch).
// mirrors k8s.io/apimachinery/pkg/util/strategicpatch/patch.go diffMaps, handleMapDiff, handleSliceDiff, diffLists.
import type { JsonObject, JsonValue } from '../types/json';
import { deepClone, deepEqual, describe, getOwn, hasKey, isObject, keysOf, setOwn } from './jsonUtil';
import { dedupeScalars, OrderIndex } from './listOrder';
import { lookupField, subSchema, type FieldMeta, type SchemaNode } from './strategicSchema';
import {
  deleteFromPrimitiveListPrefix,
  directiveMarker,
  retainKeysDirective,
  setElementOrderPrefix,
} from './strategicMerge';

export interface DiffOptions {
  /** do not emit nulls / delete directives for things missing from `modified` */
  ignoreDeletions?: boolean;
  /** emit only deletions */
  ignoreChangesAndAdditions?: boolean;
  /** emit $setElementOrder lists for merged lists */
  setElementOrder?: boolean;
}
interface InnerOptions extends DiffOptions {
  buildRetainKeys?: boolean;
}

type Kind = 'object' | 'array' | 'scalar' | 'null';
const kindOf = (v: JsonValue): Kind =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : isObject(v) ? 'object' : 'scalar';
/** Go's %v for merge-key values and scalars: how strategicpatch sorts and compares them */
const goString = (v: JsonValue | undefined): string => describe(v);
const byGoString = (a: JsonValue, b: JsonValue): number => {
  const x = goString(a);
  const y = goString(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** the strategic patch turning `original` into `modified` under `opts`; mirrors diffMaps */
export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  schema: SchemaNode,
  opts: InnerOptions,
): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const key of keysOf(modified)) {
    const mv = modified[key] as JsonValue;
    if (opts.buildRetainKeys && mv !== null) retainKeys.push(key);
    const ov = getOwn(original, key);
    if (ov === undefined || kindOf(ov) !== kindOf(mv)) {
      if (!opts.ignoreChangesAndAdditions) setOwn(patch, key, deepClone(mv));
      continue;
    }
    if (isObject(ov) && isObject(mv)) handleMapDiff(key, ov, mv, patch, lookupField(schema, key), opts);
    else if (Array.isArray(ov) && Array.isArray(mv))
      handleSliceDiff(key, ov, mv, patch, lookupField(schema, key), opts);
    else if (!opts.ignoreChangesAndAdditions && !deepEqual(ov, mv)) setOwn(patch, key, mv);
  }
  if (!opts.ignoreDeletions) {
    for (const key of keysOf(original)) if (!hasKey(modified, key)) setOwn(patch, key, null);
  }
  const hasAdditionalNewField = keysOf(original).some((k) => !hasKey(modified, k));
  if (retainKeys.length > 0 && (keysOf(patch).length > 0 || hasAdditionalNewField)) {
    setOwn(patch, retainKeysDirective, retainKeys.sort(byGoString));
  }
  return patch;
}

const retainKeysOf = (meta: FieldMeta): boolean =>
  meta.strategy === 'retainKeys' || meta.strategy === 'merge,retainKeys';

function handleMapDiff(
  key: string,
  ov: JsonObject,
  mv: JsonObject,
  patch: JsonObject,
  meta: FieldMeta,
  opts: InnerOptions,
): void {
  if (meta.strategy === 'replace') {
    if (!opts.ignoreChangesAndAdditions && !deepEqual(ov, mv)) setOwn(patch, key, deepClone(mv));
    return;
  }
  const sub = diffMaps(ov, mv, subSchema(meta), { ...opts, buildRetainKeys: retainKeysOf(meta) });
  if (keysOf(sub).length > 0) setOwn(patch, key, sub);
}

function handleSliceDiff(
  key: string,
  ov: JsonValue[],
  mv: JsonValue[],
  patch: JsonObject,
  meta: FieldMeta,
  opts: InnerOptions,
): void {
  if (meta.strategy !== 'merge' && meta.strategy !== 'merge,retainKeys') {
    if (!opts.ignoreChangesAndAdditions && !deepEqual(ov, mv)) setOwn(patch, key, deepClone(mv));
    return;
  }
  const { add, del, order } = diffLists(ov, mv, meta, { ...opts, buildRetainKeys: retainKeysOf(meta) });
  if (add.length > 0) setOwn(patch, key, add);
  if (del.length > 0) setOwn(patch, `${deleteFromPrimitiveListPrefix}${key}`, del);
  if (order.length > 0) setOwn(patch, `${setElementOrderPrefix}${key}`, order);
}

interface ListDiff {
  add: JsonValue[];
  del: JsonValue[];
  order: JsonValue[];
}

/** mirrors diffLists: a patch list, a primitive deletion list and a $setElementOrder list */
function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  meta: FieldMeta,
  opts: InnerOptions,
): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || opts.ignoreChangesAndAdditions) return { add: [], del: [], order: [] };
    return { add: deepClone(modified) as JsonValue[], del: [], order: [] };
  }
  const first = original[0] ?? modified[0];
  if (Array.isArray(first)) throw new Error('lists of lists are not supported');
  if (!isObject(first)) return diffScalarLists(original, modified, opts);
  const mergeKey = meta.mergeKey;
  if (mergeKey === undefined) throw new Error('cannot merge lists without merge key');
  const { patch, deletions } = diffListsOfMaps(original, modified, mergeKey, subSchema(meta), opts);
  const modIdx = new OrderIndex(modified, mergeKey);
  patch.sort((a, b) => modIdx.indexOf(a) - modIdx.indexOf(b));
  const add = [...patch, ...deletions];
  const orderSame =
    original.length === modified.length &&
    modified.every(
      (m, i) =>
        isObject(m) &&
        isObject(original[i]) &&
        getOwn(original[i] as JsonObject, mergeKey) === getOwn(m, mergeKey),
    );
  let order: JsonValue[] = [];
  if (
    opts.setElementOrder &&
    ((!opts.ignoreChangesAndAdditions && (add.length > 0 || !orderSame)) ||
      (!opts.ignoreDeletions && add.length > 0))
  ) {
    order = modified.map((m) => {
      const o: JsonObject = {};
      setOwn(o, mergeKey, (isObject(m) ? getOwn(m, mergeKey) : undefined) ?? null);
      return o;
    });
  }
  return { add, del: [], order };
}

function diffScalarLists(original: JsonValue[], modified: JsonValue[], opts: InnerOptions): ListDiff {
  const origSet = new Set(original.map(goString));
  const modSet = new Set(modified.map(goString));
  const add = opts.ignoreChangesAndAdditions
    ? []
    : dedupeScalars(modified.filter((m) => !origSet.has(goString(m))));
  const del = opts.ignoreDeletions
    ? []
    : dedupeScalars([...original].sort(byGoString).filter((o) => !modSet.has(goString(o))));
  const order =
    opts.setElementOrder &&
    ((!opts.ignoreDeletions && del.length > 0) ||
      (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)))
      ? [...modified]
      : [];
  return { add, del, order };
}

/** mirrors diffListsOfMaps: matched elements diffed recursively, new ones added, missing ones deleted */
function diffListsOfMaps(
  original: JsonValue[],
  modified: JsonValue[],
  mergeKey: string,
  schema: SchemaNode,
  opts: InnerOptions,
): { patch: JsonValue[]; deletions: JsonValue[] } {
  const keyOf = (m: JsonValue): JsonValue => {
    const v = isObject(m) ? getOwn(m, mergeKey) : undefined;
    if (v === undefined || !isObject(m))
      throw new Error(`map: ${describe(m)} does not contain declared merge key: ${mergeKey}`);
    return v;
  };
  const origByKey = new Map<string, JsonObject>();
  for (const o of original) origByKey.set(goString(keyOf(o)), o as JsonObject);
  const modKeys = new Set(modified.map((m) => goString(keyOf(m))));
  const patch: JsonValue[] = [];
  for (const m of modified) {
    const k = keyOf(m);
    const o = origByKey.get(goString(k));
    if (o === undefined) {
      if (!opts.ignoreChangesAndAdditions) patch.push(deepClone(m));
      continue;
    }
    const sub = diffMaps(o, m as JsonObject, schema, opts);
    if (keysOf(sub).length > 0) {
      setOwn(sub, mergeKey, k);
      patch.push(sub);
    }
  }
  const deletions: JsonValue[] = [];
  if (!opts.ignoreDeletions) {
    const removed = original
      .filter((o) => !modKeys.has(goString(keyOf(o))))
      .sort((a, b) => byGoString(keyOf(a), keyOf(b)));
    for (const o of removed) {
      const d: JsonObject = { [directiveMarker]: 'delete' };
      setOwn(d, mergeKey, keyOf(o));
      deletions.push(d);
    }
  }
  return { patch, deletions };
}
