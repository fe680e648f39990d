// The controller-revision-hash of a pod template (mirrors pkg/controller/controller_utils.go ComputeHash).
// Kubernetes hashes the Go object dump with FNV-32a; we hash canonical JSON the same way, so equal templates
// give equal hashes and the encoding (apimachinery rand.SafeEncodeString) looks the same, e.g. `5d59d67564`.
import type { JsonValue } from '../../types/json';

/** rand.SafeEncodeString's alphabet: no vowels, no look-alike digits */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** JSON with object keys sorted, undefined fields dropped (what DeepHashObject's spew dump is for us) */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** FNV-1a 32-bit over the UTF-8 bytes of s, continuing from h */
function fnv32a(bytes: Iterable<number>, h = 0x811c9dc5): number {
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** ComputeHash(template, collisionCount): the collision count is mixed in as 4 little-endian bytes */
export function computeHash(template: JsonValue | Readonly<object> | undefined, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const c = collisionCount >>> 0;
    h = fnv32a([c & 255, (c >>> 8) & 255, (c >>> 16) & 255, (c >>> 24) & 255], h);
  }
  return safeEncodeString(String(h));
}
