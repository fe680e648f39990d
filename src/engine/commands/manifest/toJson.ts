// Deep-copies what the YAML library produced into plain JSON data: fresh objects for every alias use (no shared
// references), `__proto__` kept as an own property (never a prototype), and a cap on the total node count.
import type { JsonObject, JsonValue } from '../../types/json';

export class JsonConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonConversionError';
  }
}

/** assign without ever invoking the `__proto__` setter */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

interface Budget {
  nodes: number;
  readonly maxNodes: number;
  readonly maxDepth: number;
}

function scalar(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new JsonConversionError(
        `json: unsupported value: ${value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN'}`,
      );
    }
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (ArrayBuffer.isView(value)) {
    // !!binary: go-yaml decodes it to the raw bytes as a string
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return s;
  }
  throw new JsonConversionError(`json: unsupported type: ${typeof value}`);
}

function copy(value: unknown, depth: number, budget: Budget): JsonValue {
  if (++budget.nodes > budget.maxNodes) {
    throw new JsonConversionError(
      `document too large: more than ${budget.maxNodes} values after expanding aliases`,
    );
  }
  if (depth > budget.maxDepth) throw new JsonConversionError(`exceeded max depth of ${budget.maxDepth}`);
  if (Array.isArray(value)) return value.map((v) => copy(v, depth + 1, budget));
  if (value instanceof Map) {
    const out: JsonObject = {};
    for (const [k, v] of value) setOwn(out, k === null ? 'null' : String(k), copy(v, depth + 1, budget));
    return out;
  }
  if (value instanceof Set) {
    const out: JsonObject = {};
    for (const k of value) setOwn(out, String(k), null);
    return out;
  }
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    const out: JsonObject = {};
    for (const k of Object.keys(value)) {
      setOwn(out, k, copy((value as Record<string, unknown>)[k], depth + 1, budget));
    }
    return out;
  }
  return scalar(value);
}

/** plain, unshared JSON copy of a YAML-decoded value; throws JsonConversionError */
export function toPlainJson(value: unknown, maxNodes: number, maxDepth: number): JsonValue {
  return copy(value, 1, { nodes: 0, maxNodes, maxDepth });
}
