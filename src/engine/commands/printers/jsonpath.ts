// kubectl's JSONPath templates (-o jsonpath=..., custom-columns, --sort-by): a port of k8s.io/client-go/util/jsonpath
// (parser.go + jsonpath.go): fields, [n], slices, [*], .., unions, [?()] filters, range/end, "literals".
import type { JsonValue } from '../../types/json';
import { goJson } from './jsonOutput';

type Seg =
  | { t: 'field'; names: string[] }
  | { t: 'index'; start?: number; end?: number; step?: number; single: boolean }
  | { t: 'indices'; list: number[] }
  | { t: 'wild' }
  | { t: 'recursive' }
  | { t: 'filter'; left: Operand; op?: string; right?: Operand }
  | { t: 'text'; value: string };
type Operand = { path: Seg[] } | { lit: JsonValue };
type Node =
  { t: 'text'; value: string } | { t: 'action'; path: Seg[] } | { t: 'range'; path: Seg[]; body: Node[] };

export class JsonPathError extends Error {}

/** parse a template like `{range .items[*]}{.metadata.name}{"\n"}{end}` */
export function parseJsonPath(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const top = stack[stack.length - 1] as Node[];
    if (open < 0) {
      top.push({ t: 'text', value: template.slice(i) });
      break;
    }
    if (open > i) top.push({ t: 'text', value: template.slice(i, open) });
    const close = findClose(template, open + 1);
    if (close < 0) throw new JsonPathError('unclosed action');
    const inner = template.slice(open + 1, close).trim();
    i = close + 1;
    if (inner === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (inner.startsWith('range ') || inner === 'range') {
      const node: Node = { t: 'range', path: parsePath(inner.slice(5).trim()), body: [] };
      top.push(node);
      stack.push(node.body);
    } else top.push({ t: 'action', path: parsePath(inner) });
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

/** index of the `}` closing an action, skipping quoted strings */
function findClose(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

function readQuoted(s: string, i: number): [string, number] {
  const q = s[i] as string;
  let j = i + 1;
  let raw = '';
  while (j < s.length && s[j] !== q) {
    if (s[j] === '\\' && j + 1 < s.length) {
      raw += s.slice(j, j + 2);
      j += 2;
    } else raw += s[j++];
  }
  if (j >= s.length) throw new JsonPathError(`unterminated string`);
  const value = raw.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
  return [value, j + 1];
}

const IDENT_CHAR = /[A-Za-z0-9_\-/]/;

/** a field name; `\.` escapes a dot (`.metadata.labels.app\.kubernetes\.io/name`) */
function readIdent(s: string, from: number): [string, number] {
  let i = from;
  let name = '';
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\\' && s[i + 1] === '.') {
      name += '.';
      i += 2;
    } else if (IDENT_CHAR.test(c)) {
      name += c;
      i++;
    } else break;
  }
  return [name, i];
}

const unrecognized = (s: string, i: number): string =>
  `unrecognized character in action: U+${(s.codePointAt(i) ?? 0).toString(16).toUpperCase().padStart(4, '0')} '${s[i] ?? ''}'`;

/** parse one action's chain of segments */
function parsePath(s: string): Seg[] {
  const segs: Seg[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === ' ' || c === '$' || c === '@') i++;
    else if (c === '"' || c === "'") {
      const [value, next] = readQuoted(s, i);
      segs.push({ t: 'text', value });
      i = next;
    } else if (s.startsWith('..', i)) {
      segs.push({ t: 'recursive' });
      i += 1; // the next '.' or '[' is read as a normal segment
      if (s[i + 1] === '[') i++;
    } else if (c === '.') {
      i++;
      if (s[i] === '*') {
        segs.push({ t: 'wild' });
        i++;
        continue;
      }
      const [name, next] = readIdent(s, i);
      if (name === '') {
        if (i >= s.length || s[i] === '[' || s[i] === ' ') continue;
        throw new JsonPathError(unrecognized(s, i));
      }
      segs.push({ t: 'field', names: [name] });
      i = next;
    } else if (c === '[') {
      const end = findBracketEnd(s, i);
      segs.push(parseBracket(s.slice(i + 1, end)));
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const [name, next] = readIdent(s, i);
      segs.push({ t: 'field', names: [name] });
      i = next;
    } else if (/[-\d]/.test(c)) {
      const m = /^-?\d+(\.\d+)?/.exec(s.slice(i));
      if (!m) throw new JsonPathError(unrecognized(s, i));
      segs.push({ t: 'text', value: m[0] });
      i += m[0].length;
    } else {
      throw new JsonPathError(unrecognized(s, i));
    }
  }
  return segs;
}

function findBracketEnd(s: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i] as string;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0 && c === ']') return i;
    }
  }
  throw new JsonPathError('unterminated array');
}

function parseBracket(inner: string): Seg {
  const b = inner.trim();
  if (b === '*') return { t: 'wild' };
  if (b.startsWith('?(') && b.endsWith(')')) return parseFilter(b.slice(2, -1));
  if (b.startsWith("'") || b.startsWith('"')) {
    const names: string[] = [];
    let i = 0;
    while (i < b.length) {
      if (b[i] === ',' || b[i] === ' ') i++;
      else {
        const [v, next] = readQuoted(b, i);
        names.push(v);
        i = next;
      }
    }
    return { t: 'field', names };
  }
  if (b.includes(',')) return { t: 'indices', list: b.split(',').map((x) => toInt(x)) };
  if (b.includes(':')) {
    const [a, e, st] = b.split(':').map((x) => (x.trim() === '' ? undefined : toInt(x)));
    return { t: 'index', start: a, end: e, step: st, single: false };
  }
  return { t: 'index', start: toInt(b), single: true };
}

function toInt(x: string): number {
  if (!/^\s*-?\d+\s*$/.test(x)) throw new JsonPathError(`invalid array index ${x.trim()}`);
  return Number.parseInt(x, 10);
}

function parseOperand(s: string): Operand {
  const t = s.trim();
  if (t.startsWith('@') || t.startsWith('$')) return { path: parsePath(t) };
  if (t.startsWith('"') || t.startsWith("'")) return { lit: readQuoted(t, 0)[0] };
  if (t === 'true' || t === 'false') return { lit: t === 'true' };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { lit: Number(t) };
  throw new JsonPathError(`unrecognized filter operand ${t}`);
}

function parseFilter(expr: string): Seg {
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(expr);
  if (!m) return { t: 'filter', left: parseOperand(expr) };
  return { t: 'filter', left: parseOperand(m[1] as string), op: m[2], right: parseOperand(m[3] as string) };
}

export { walkPath, executeJsonPath } from './jsonpathEval';
export type { Seg, Node, Operand };
// kept here so the evaluator can print objects the way Go's json.Marshal does
export const compactJson = (v: JsonValue): string => goJson(v, false);
