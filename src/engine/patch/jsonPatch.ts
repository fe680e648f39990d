// JSON patch (RFC 6902), as `kubectl patch --type json` sends it; inputs are never mutated.
// mirrors gopkg.in/evanphx/json-patch.v4 Patch.Apply (error texts included) with RFC 6901 pointers.
import type { JsonObject, JsonValue } from '../types/json';
import { deepClone, deepEqual, getOwn, hasKey, isObject, setOwn } from './jsonUtil';

type Container = JsonObject | JsonValue[];
const missing = 'missing value';
const invalidIndex = 'invalid index referenced';

/** RFC 6901 reference tokens; '' is the whole document */
function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`JSON pointer must be empty or start with a "/": ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(token: string, length: number, allowEnd: boolean): number | undefined {
  if (allowEnd && token === '-') return length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  return Number(token);
}

function child(c: JsonValue | undefined, token: string): JsonValue | undefined {
  if (Array.isArray(c)) {
    const i = arrayIndex(token, c.length, false);
    return i === undefined ? undefined : c[i];
  }
  return isObject(c) ? getOwn(c, token) : undefined;
}

/** the container holding the pointer's last token; undefined when the path to it is missing */
function findObject(doc: JsonValue, tokens: string[]): [Container, string] | undefined {
  let cur: JsonValue | undefined = doc;
  for (let i = 0; i < tokens.length - 1; i++) cur = child(cur, tokens[i] as string);
  if (!isObject(cur) && !Array.isArray(cur)) return undefined;
  return [cur, tokens[tokens.length - 1] as string];
}

function getIn(con: Container, key: string): JsonValue | undefined {
  return child(con, key);
}

function addIn(con: Container, key: string, value: JsonValue): void {
  if (!Array.isArray(con)) return setOwn(con, key, value);
  const i = arrayIndex(key, con.length, true);
  if (i === undefined || i > con.length)
    throw new Error(`Unable to access invalid index: ${key}: ${invalidIndex}`);
  con.splice(i, 0, value);
}

function removeIn(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!hasKey(con, key)) throw new Error(`Unable to remove nonexistent key: ${key}: ${missing}`);
    delete con[key];
    return;
  }
  const i = arrayIndex(key, con.length, false);
  if (i === undefined || i >= con.length)
    throw new Error(`Unable to access invalid index: ${key}: ${invalidIndex}`);
  con.splice(i, 1);
}

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: JsonValue;
}

function decodeOp(raw: JsonValue): Operation {
  if (!isObject(raw)) throw new Error('json: cannot unmarshal operation: expected an object');
  const op = typeof raw.op === 'string' ? raw.op : 'unknown';
  const path = typeof raw.path === 'string' ? raw.path : undefined;
  if (path === undefined && op !== 'unknown')
    throw new Error(`${op} operation failed to decode path: ${missing}`);
  const from = typeof raw.from === 'string' ? raw.from : undefined;
  const value = hasKey(raw, 'value') ? (raw.value as JsonValue) : null;
  return from === undefined ? { op, path: path ?? '', value } : { op, path: path ?? '', from, value };
}

/** one operation applied in place to `doc` (a private clone); returns the (possibly replaced) document */
function applyOp(doc: JsonValue, o: Operation): JsonValue {
  const tokens = parsePointer(o.path);
  const value = deepClone(o.value ?? null);
  if (o.op === 'test') {
    const actual =
      tokens.length === 0
        ? doc
        : (() => {
            const f = findObject(doc, tokens);
            return f && getIn(f[0], f[1]);
          })();
    if (actual === undefined && value === null) return doc;
    if (actual === undefined || !deepEqual(actual, value))
      throw new Error(`testing value ${o.path} failed: test failed`);
    return doc;
  }
  if (o.op === 'move' || o.op === 'copy') return moveOrCopy(doc, o, tokens);
  if (tokens.length === 0) {
    if (o.op === 'add' || o.op === 'replace') return value;
    throw new Error(`${o.op} operation does not apply: doc is missing path: "${o.path}": ${missing}`);
  }
  const found = findObject(doc, tokens);
  switch (o.op) {
    case 'add':
      if (!found)
        throw new Error(`add operation does not apply: doc is missing path: "${o.path}": ${missing}`);
      wrap(() => addIn(found[0], found[1], value), `error in add for path: '${o.path}'`);
      return doc;
    case 'remove':
      if (!found)
        throw new Error(`remove operation does not apply: doc is missing path: "${o.path}": ${missing}`);
      wrap(() => removeIn(found[0], found[1]), `error in remove for path: '${o.path}'`);
      return doc;
    case 'replace':
      if (!found)
        throw new Error(`replace operation does not apply: doc is missing path: ${o.path}: ${missing}`);
      if (getIn(found[0], found[1]) === undefined) {
        throw new Error(`replace operation does not apply: doc is missing key: ${o.path}: ${missing}`);
      }
      if (Array.isArray(found[0])) found[0][Number(found[1])] = value;
      else setOwn(found[0], found[1], value);
      return doc;
    default:
      throw new Error(`Unexpected kind: ${o.op}`);
  }
}

function moveOrCopy(doc: JsonValue, o: Operation, tokens: string[]): JsonValue {
  const fromPath = o.from ?? '';
  if (o.from === undefined) throw new Error(`${o.op} operation failed to decode from: ${missing}`);
  const fromTokens = parsePointer(fromPath);
  if (o.op === 'move' && (o.path === fromPath || o.path.startsWith(`${fromPath}/`))) {
    if (o.path === fromPath) return doc;
    throw new Error(`move operation does not apply: cannot move ${fromPath} into its own child ${o.path}`);
  }
  const src = fromTokens.length === 0 ? undefined : findObject(doc, fromTokens);
  const val = fromTokens.length === 0 ? doc : src ? getIn(src[0], src[1]) : undefined;
  if (val === undefined)
    throw new Error(`${o.op} operation does not apply: doc is missing from path: ${fromPath}: ${missing}`);
  const moved = deepClone(val);
  if (o.op === 'move' && src) removeIn(src[0], src[1]);
  if (tokens.length === 0) return moved;
  const dst = findObject(doc, tokens);
  if (!dst)
    throw new Error(
      `${o.op} operation does not apply: doc is missing destination path: ${o.path}: ${missing}`,
    );
  wrap(
    () => addIn(dst[0], dst[1], moved),
    `error in ${o.op === 'move' ? 'move' : 'add'} for path: '${o.path}'`,
  );
  return doc;
}

function wrap(fn: () => void, prefix: string): void {
  try {
    fn();
  } catch (e) {
    throw new Error(`${prefix}: ${(e as Error).message}`, { cause: e });
  }
}

/** Applies RFC 6902 operations in order; all-or-nothing (the input is never modified). Throws Error. */
export function applyJsonPatch(target: JsonValue, ops: JsonValue): JsonValue {
  if (!Array.isArray(ops))
    throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = deepClone(target);
  for (const raw of ops) doc = applyOp(doc, decodeOp(raw));
  return doc;
}
