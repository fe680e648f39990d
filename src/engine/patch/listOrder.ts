// List helpers shared by strategic merge apply and diff: element identity by merge key, ordering, dedupe.
// mirrors k8s.io/apimachinery/pkg/util/strategicpatch/patch.go normalizeElementOrder, mergeSortedSlice, partition*.
import type { JsonValue } from '../types/json';
import { deepEqual, getOwn, isObject } from './jsonUtil';

/** identity of a list element: its merge-key value for maps, itself for primitives */
export function identity(item: JsonValue, mergeKey: string | undefined): JsonValue | undefined {
  if (mergeKey !== undefined && isObject(item)) return getOwn(item, mergeKey);
  return item;
}

/** index of each identity in a list (first occurrence); primitives compare by value and type */
export class OrderIndex {
  private readonly index = new Map<JsonValue, number>();
  constructor(
    list: readonly JsonValue[],
    private readonly mergeKey: string | undefined,
  ) {
    list.forEach((item, i) => {
      const id = identity(item, mergeKey);
      if (id !== undefined && !this.index.has(id)) this.index.set(id, i);
    });
  }
  indexOf(item: JsonValue): number {
    const id = identity(item, this.mergeKey);
    return id === undefined ? -1 : (this.index.get(id) ?? -1);
  }
  has(item: JsonValue): boolean {
    return this.indexOf(item) >= 0;
  }
  /** records a newly appended item's position */
  add(item: JsonValue, at: number): void {
    const id = identity(item, this.mergeKey);
    if (id !== undefined && !this.index.has(id)) this.index.set(id, at);
  }
}

/** keeps the first of equal primitives; mirrors deduplicateScalars */
export function dedupeScalars(list: readonly JsonValue[]): JsonValue[] {
  const seen = new Set<JsonValue>();
  const out: JsonValue[] = [];
  for (const v of list) {
    if (seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

/** removes every element equal to one in `toDelete`; mirrors deleteFromSlice */
export function deleteFromSlice(list: readonly JsonValue[], toDelete: readonly JsonValue[]): JsonValue[] {
  const del = new Set(toDelete.filter((v) => !isObject(v) && !Array.isArray(v)));
  return list.filter(
    (v) => !del.has(v) && !toDelete.some((d) => (isObject(d) || Array.isArray(d)) && deepEqual(d, v)),
  );
}

function sortByOrder(items: JsonValue[], order: OrderIndex): JsonValue[] {
  return items
    .map((item, i) => ({ item, i, at: order.indexOf(item) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((e) => e.item);
}

/**
 * Orders a merged list: items named by the patch (or $setElementOrder) in that order, server-only items
 * in their live order, interleaved where the live order allows; mirrors normalizeElementOrder + mergeSortedSlice.
 */
export function normalizeElementOrder(
  merged: readonly JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string | undefined,
): JsonValue[] {
  const patchIdx = new OrderIndex(patchOrder, mergeKey);
  const serverIdx = new OrderIndex(serverOrder, mergeKey);
  const patchItems = sortByOrder(
    merged.filter((m) => patchIdx.has(m)),
    patchIdx,
  );
  const serverOnly = sortByOrder(
    merged.filter((m) => !patchIdx.has(m)),
    serverIdx,
  );
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    if (i >= serverOnly.length) out.push(patchItems[j++] as JsonValue);
    else if (j >= patchItems.length) out.push(serverOnly[i++] as JsonValue);
    else {
      const li = serverIdx.indexOf(serverOnly[i] as JsonValue);
      const ri = serverIdx.indexOf(patchItems[j] as JsonValue);
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++] as JsonValue);
      else out.push(patchItems[j++] as JsonValue);
    }
  }
  return out;
}
