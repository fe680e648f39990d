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
    if (!Array.isArray(shared)) return cloneJson(input);
    return shareArray(input as unknown[], shared as unknown[]) as T;
  }
  if (!isRecord(shared)) return cloneJson(input);
  return shareRecord(input as Record<string, unknown>, shared) as T;
}

/** the output is only allocated once an element differs (most of a status write is unchanged) */
function shareArray(input: readonly unknown[], old: readonly unknown[]): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < input.length; i++) {
    const v = cloneSharing(input[i], old[i]);
    if (out === undefined) {
      if (v === old[i] && i < old.length) continue;
      out = new Array<unknown>(input.length);
      for (let j = 0; j < i; j++) out[j] = old[j];
    }
    out[i] = v;
  }
  if (out !== undefined) return out;
  return input.length === old.length ? (old as unknown[]) : old.slice(0, input.length);
}

function shareRecord(src: Record<string, unknown>, old: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  let n = 0;
  for (const k in src) {
    if (!hasOwn(src, k)) continue;
    const x = src[k];
    if (x === undefined) continue;
    n++;
    const prev = hasOwn(old, k) ? old[k] : undefined;
    const v = cloneSharing(x, prev);
    if (out === undefined) {
      // equal subtrees come back as the shared object itself, so identity is equality here
      if (v === prev) continue;
      out = copyKeysBefore(src, old, k);
    }
    setKey(out, k, v);
  }
  if (out !== undefined) return out;
  // every input key matched: equal only if the stored value has no other (defined) keys
  let m = 0;
  for (const k in old) if (hasOwn(old, k) && old[k] !== undefined) m++;
  return m === n ? old : copyKeysBefore(src, old, undefined);
}

/** a new object with src's defined keys before `stop` (all of them for undefined), valued from old (they matched) */
function copyKeysBefore(
  src: Record<string, unknown>,
  old: Record<string, unknown>,
  stop: string | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const j in src) {
    if (j === stop) break;
    if (hasOwn(src, j) && src[j] !== undefined) setKey(out, j, old[j]);
  }
  return out;
}

function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** keys like `__proto__` become own properties, never prototypes (as cloneJson does) */
function setKey(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}
