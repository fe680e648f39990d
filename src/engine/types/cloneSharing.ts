// A deep copy of JSON input that reuses the parts equal to a stored (deep-frozen) value instead of copying them:
// an update that changes one condition writes a status whose other subtrees are the stored ones, so the store
// freezes, compares and watchers diff only what changed (structural sharing, as immutable data structures do).
import { cloneJson } from './json';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A value equal to `input` (as cloneJson(input) with undefined-valued keys left out) in which every subtree equal to
 * the matching subtree of `shared` IS that subtree; when the whole input equals `shared`, `shared` itself is
 * returned. `shared` must be deeply frozen (it is handed out, never copied); `input` is only read.
 */
export function cloneSharing<T>(input: T, shared: unknown): T {
  if (typeof input !== 'object' || input === null) return input;
  if (input === shared) return input;
  if (Array.isArray(input)) {
    const old = Array.isArray(shared) ? (shared as unknown[]) : undefined;
    if (!old) return cloneJson(input);
    const out = new Array<unknown>(input.length);
    let same = old.length === input.length;
    for (let i = 0; i < input.length; i++) {
      const v = cloneSharing(input[i] as unknown, old[i]);
      out[i] = v;
      if (same && v !== old[i]) same = false;
    }
    return (same ? old : out) as T;
  }
  const old = isRecord(shared) ? shared : undefined;
  if (!old) return cloneJson(input);
  const src = input as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let same = true;
  let n = 0;
  for (const k in src) {
    if (!Object.prototype.hasOwnProperty.call(src, k)) continue;
    const x = src[k];
    if (x === undefined) continue;
    n++;
    const prev = Object.prototype.hasOwnProperty.call(old, k) ? old[k] : undefined;
    const v = cloneSharing(x, prev);
    // equal subtrees come back as the shared object itself, so identity is equality here
    if (same && v !== prev) same = false;
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  if (same) {
    // every input key matched: equal only if the stored value has no other (defined) keys
    let m = 0;
    for (const k in old) if (Object.prototype.hasOwnProperty.call(old, k) && old[k] !== undefined) m++;
    if (m === n) return old as T;
  }
  return out as T;
}
