// JSON helpers for the patch libraries: safe own-key access, prototype-safe assignment, deep equality and cloning.
import type { JsonObject, JsonValue } from '../types/json';

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** own property only: never reads through the prototype chain (so '__proto__' is data, not Object.prototype) */
export function getOwn(o: JsonObject, k: string): JsonValue | undefined {
  return hasOwn(o, k) ? o[k] : undefined;
}

export function hasKey(o: JsonObject, k: string): boolean {
  return hasOwn(o, k) && o[k] !== undefined;
}

const dangerous = new Set(['__proto__', 'constructor', 'prototype']);

/** assigns an own data property; keys like '__proto__' are defined, never allowed to reach a prototype */
export function setOwn(o: JsonObject, k: string, v: JsonValue): void {
  if (dangerous.has(k)) {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  } else {
    o[k] = v;
  }
}

/** own enumerable keys whose values are defined (JSON semantics) */
export function keysOf(o: JsonObject): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined);
}

/** deep copy into fresh plain objects/arrays */
export function deepClone(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(deepClone);
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const k of keysOf(v)) setOwn(out, k, deepClone(v[k] as JsonValue));
    return out;
  }
  return v;
}

export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = keysOf(a);
    if (ka.length !== keysOf(b).length) return false;
    for (const k of ka) if (!hasKey(b, k) || !deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** Go's %v-ish rendering of a JSON value for error messages */
export function describe(v: JsonValue | undefined): string {
  if (v === undefined) return '<nil>';
  if (isObject(v))
    return `map[${keysOf(v)
      .sort()
      .map((k) => `${k}:${describe(v[k])}`)
      .join(' ')}]`;
  if (Array.isArray(v)) return `[${v.map(describe).join(' ')}]`;
  return v === null ? '<nil>' : String(v);
}
