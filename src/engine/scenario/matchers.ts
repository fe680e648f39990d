// Check expectations: dotted-path lookup into JSON objects and the equals/atLeast/atMost/matches/exists matchers.
import type { Matcher } from './types';

/** one path segment: a key, an index, or `*` (every element of a list) */
type Segment = string | number | { wildcard: true };

/** `status.conditions[0].type`, `items.*.status.phase`, `metadata.annotations["a.b/c"]`, `spec.containers.0.image` */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  const re = /\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]|([^.[\]]+)/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(m[2]);
    else if (m[3] !== undefined) out.push(m[3]);
    else if (m[4] === '*') out.push({ wildcard: true });
    else if (m[4] !== undefined) out.push(/^\d+$/.test(m[4]) ? Number(m[4]) : m[4]);
  }
  return out;
}

export type Lookup = { many: false; value: unknown } | { many: true; values: unknown[] };

/** the value at `path`; a `*` segment fans out and returns every value found under it */
export function lookup(root: unknown, path: string): Lookup {
  let values: unknown[] = [root];
  let many = false;
  for (const seg of parsePath(path)) {
    const next: unknown[] = [];
    for (const v of values) {
      if (typeof seg === 'object') {
        many = true;
        if (Array.isArray(v)) next.push(...(v as unknown[]));
      } else if (Array.isArray(v) && typeof seg === 'number') next.push(v[seg]);
      else if (typeof v === 'object' && v !== null && !Array.isArray(v))
        next.push((v as Record<string, unknown>)[String(seg)]);
      else next.push(undefined);
    }
    values = next;
  }
  return many ? { many: true, values } : { many: false, value: values[0] };
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Kubernetes omits zero counts from status (omitempty), so an absent field compares as 0 against numbers */
function asNumber(v: unknown): number | undefined {
  if (v === undefined || v === null) return 0;
  return typeof v === 'number' ? v : undefined;
}

export function show(v: unknown): string {
  if (v === undefined) return '<absent>';
  return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
}

/** why `actual` fails `m`, or undefined when it passes */
export function failureOf(m: Matcher, actual: unknown): string | undefined {
  const present = actual !== undefined && actual !== null;
  if (m.exists !== undefined && m.exists !== present)
    return m.exists ? 'expected it to exist' : 'expected it to be absent';
  if ('equals' in m) {
    const eq = deepEqual(m.equals, actual) || (m.equals === 0 && !present);
    if (!eq) return `expected ${show(m.equals)}`;
  }
  if (m.atLeast !== undefined || m.atMost !== undefined) {
    const n = asNumber(actual);
    if (n === undefined) return 'expected a number';
    if (m.atLeast !== undefined && n < m.atLeast) return `expected at least ${m.atLeast}`;
    if (m.atMost !== undefined && n > m.atMost) return `expected at most ${m.atMost}`;
  }
  if (m.matches !== undefined) {
    if (!present) return `expected a value matching /${m.matches}/`;
    const text = typeof actual === 'string' ? actual : JSON.stringify(actual);
    if (!new RegExp(m.matches).test(text)) return `expected a value matching /${m.matches}/`;
  }
  return undefined;
}

/** matches one path: with `*` every value found must pass, and there must be at least one */
export function evaluatePath(root: unknown, path: string, m: Matcher): { actual: unknown; failure?: string } {
  const found = lookup(root, path);
  if (!found.many) {
    const failure = failureOf(m, found.value);
    return failure ? { actual: found.value, failure } : { actual: found.value };
  }
  if (found.values.length === 0) return { actual: [], failure: 'no values found (empty list)' };
  const bad = found.values.map((v) => failureOf(m, v)).find((f) => f !== undefined);
  return bad ? { actual: found.values, failure: `every value: ${bad}` } : { actual: found.values };
}
