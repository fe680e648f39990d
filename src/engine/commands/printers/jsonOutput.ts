// -o json / -o yaml as kubectl prints them: objects pass through Go maps, so keys come out sorted at every level;
// JSON is json.MarshalIndent with 4 spaces and Go's HTML escaping; YAML is sigs.k8s.io/yaml (2-space, unindented lists).
import { Document, isScalar, parse, visit } from 'yaml';
import type { JsonValue } from '../../types/json';

/** a deep copy with object keys sorted (Go's encoding of map[string]interface{}) */
export function sortKeysDeep(v: unknown): JsonValue {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeysDeep(x);
    }
    return out;
  }
  return v as JsonValue;
}

/** Go's json.Marshal escapes <, >, & and U+2028/9 inside strings */
const goEscape = (s: string): string =>
  s.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** JSON as Go prints it: sorted keys; indented with 4 spaces, or compact */
export function goJson(v: unknown, indent: boolean): string {
  return goEscape(JSON.stringify(sortKeysDeep(v), null, indent ? 4 : undefined) ?? 'null');
}

/** `kubectl get -o json` text for one object or a List */
export function printJson(v: unknown): string {
  return `${goJson(v, true)}\n`;
}

const resolvesAsNonString = new Map<string, boolean>();

/** would YAML 1.1 read this plain scalar as something other than a string (a bool, number, null, timestamp)? */
function isAmbiguous(s: string): boolean {
  if (s === '') return true;
  if (s.length > 40 || !/^[-+.\d~nNyYtTfFoO<=]/.test(s)) return false;
  let r = resolvesAsNonString.get(s);
  if (r === undefined) {
    try {
      r = typeof parse(s, { version: '1.1' }) !== 'string';
    } catch {
      r = false;
    }
    resolvesAsNonString.set(s, r);
  }
  return r;
}

/**
 * `kubectl get -o yaml` text, as go-yaml v2 writes it: sorted keys, lists flush with their key, lines folded at 80,
 * strings that would read back as another type in "double quotes", other strings needing quotes in 'single quotes'.
 */
export function printYaml(v: unknown): string {
  const doc = new Document(sortKeysDeep(v), { version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && isAmbiguous(node.value))
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ indentSeq: false, singleQuote: true });
}

/** the List kubectl wraps several objects in (get.go printGeneric) */
export function asList(items: readonly unknown[]): JsonValue {
  return {
    apiVersion: 'v1',
    items: items.map(sortKeysDeep),
    kind: 'List',
    metadata: { resourceVersion: '' },
  };
}
