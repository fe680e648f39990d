// The pod-template-hash of a Deployment's ReplicaSets (mirrors pkg/controller/controller_utils.go ComputeHash).
// Kubernetes hashes a spew dump of the Go struct; we hash canonical JSON instead, so hash VALUES differ from a
// real cluster, but the format (SafeEncodeString of the decimal FNV-32a), stability and collisionCount salting match.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';

/** k8s.io/apimachinery/pkg/util/rand alphanums: no vowels, no confusable characters */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: map every byte onto the safe alphabet */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length] ?? '';
  return out;
}

/** deterministic JSON: object keys sorted, undefined members dropped */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const rec = v as Record<string, unknown>;
  const keys = Object.keys(rec)
    .filter((k) => rec[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(rec[k])}`).join(',')}}`;
}

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** hash/fnv New32a over bytes, continuing from h */
export function fnv32a(bytes: Iterable<number>, h: number = FNV32_OFFSET): number {
  let hash = h >>> 0;
  for (const b of bytes) {
    hash ^= b & 0xff;
    hash = Math.imul(hash, FNV32_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/** UTF-8 bytes of s (what Go hashes for a string) */
function* utf8(s: string): Generator<number> {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) yield cp;
    else if (cp < 0x800) yield* [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
    else if (cp < 0x10000) yield* [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    else yield* [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  }
}

/** ComputeHash: FNV-32a of the template, salted with collisionCount as 8 little-endian bytes when set */
export function computeHash(
  template: Readonly<PodTemplateSpec> | undefined,
  collisionCount?: number,
): string {
  let h = fnv32a(utf8(canonicalJson(template ?? {})));
  if (collisionCount !== undefined) {
    const c = collisionCount >>> 0;
    h = fnv32a([c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff, 0, 0, 0, 0], h);
  }
  return safeEncodeString(String(h));
}
