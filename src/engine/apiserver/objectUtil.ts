// Small helpers on plain JSON objects: deep equality and reading a dotted field path (freezing: store/deepFreeze).

/** structural equality of JSON data (key order ignored; undefined-valued keys count as absent) */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // no key arrays: this runs on every write (the no-op check) and on many validations
  let n = 0;
  for (const k in ao) {
    if (!Object.prototype.hasOwnProperty.call(ao, k) || ao[k] === undefined) continue;
    n++;
    // own keys only: b's inherited members (its __proto__ accessor) are not fields
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !deepEqual(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (Object.prototype.hasOwnProperty.call(bo, k) && bo[k] !== undefined) n--;
  return n === 0;
}

/** value at a dotted path like `spec.nodeName` (undefined when any step is missing) */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** every top-level field except the ones listed: what Kubernetes strategies compare as "spec" */
export function withoutFields(
  obj: Readonly<Record<string, unknown>>,
  omit: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!omit.includes(k)) out[k] = v;
  return out;
}
