// The update no-op check that also shares: a write's unchanged top-level parts become the stored object's own.
import type { KubeObject } from '../types/object';
import { cloneSharing } from '../types/cloneSharing';
import { deepEqual } from './objectUtil';

/**
 * The no-op check (deepEqual(next, old)), which on the way puts the stored object's own frozen subtrees in next
 * wherever they are equal (metadata aside: the write stamps it), so the store freezes only what changed and an
 * unchanged spec or template keeps its identity for the caches keyed by it. True when next equals old.
 */
export function shareUnchangedParts(next: KubeObject, old: Readonly<KubeObject>): boolean {
  const n = next as Record<string, unknown>;
  const o = old as Readonly<Record<string, unknown>>;
  let same = true;
  for (const k in n) {
    if (k === 'metadata' || !Object.prototype.hasOwnProperty.call(n, k) || n[k] === undefined) continue;
    const prev = Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
    const v = cloneSharing(n[k], prev);
    if (v !== n[k]) n[k] = v;
    if (v !== prev) same = false;
  }
  if (same) {
    for (const k in o) {
      if (k === 'metadata' || !Object.prototype.hasOwnProperty.call(o, k) || o[k] === undefined) continue;
      if (!Object.prototype.hasOwnProperty.call(n, k) || n[k] === undefined) same = false;
    }
  }
  return same && deepEqual(next.metadata, old.metadata);
}
