// Evaluates parsed JSONPath templates against JSON data (mirrors client-go/util/jsonpath/jsonpath.go walk/PrintResults).
import type { JsonValue } from '../../types/json';
import { goJson } from './jsonOutput';
import type { Node, Operand, Seg } from './jsonpath';
import { JsonPathError, parseJsonPath } from './jsonpath';

type V = JsonValue | undefined;
const isObj = (v: V): v is Record<string, JsonValue> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function descendants(v: V, out: V[]): void {
  out.push(v);
  if (Array.isArray(v)) for (const x of v) descendants(x, out);
  else if (isObj(v)) for (const k of Object.keys(v).sort()) descendants(v[k], out);
}

function evalIndex(arr: JsonValue[], seg: Extract<Seg, { t: 'index' }>): V[] {
  const len = arr.length;
  let start = seg.start ?? 0;
  if (start < 0) start += len;
  let end = seg.single ? start + 1 : (seg.end ?? len);
  if (!seg.single && end < 0) end += len;
  if (end === start) return [];
  if (start >= len || start < 0)
    throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
  if (end > len || end < 0)
    throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
  if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
  const step = seg.step && seg.step > 0 ? seg.step : 1;
  const out: V[] = [];
  for (let i = start; i < end; i += step) out.push(arr[i]);
  return out;
}

function operandValues(op: Operand, item: V): V[] {
  return 'lit' in op ? [op.lit] : walkPath([item], op.path);
}

function compare(a: V, op: string, b: V): boolean {
  if (op === '==') return a === b || (typeof a === 'number' && typeof b === 'number' && a === b);
  if (op === '!=') return a !== b;
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  const x = a as number | string;
  const y = b as number | string;
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

function filterItems(items: V[], seg: Extract<Seg, { t: 'filter' }>): V[] {
  return items.filter((item) => {
    const left = operandValues(seg.left, item);
    if (!seg.op || !seg.right) return left.length > 0;
    const right = operandValues(seg.right, item);
    return left.some((l) => right.some((r) => compare(l, seg.op as string, r)));
  });
}

function step(cur: V[], seg: Seg): V[] {
  const out: V[] = [];
  for (const v of cur) {
    switch (seg.t) {
      case 'text':
        out.push(seg.value);
        break;
      case 'field':
        if (isObj(v)) for (const n of seg.names) if (n in v && v[n] !== undefined) out.push(v[n]);
        break;
      case 'wild':
        if (Array.isArray(v)) out.push(...v);
        else if (isObj(v)) for (const k of Object.keys(v).sort()) out.push(v[k]);
        break;
      case 'recursive':
        descendants(v, out);
        break;
      case 'index':
        if (Array.isArray(v)) out.push(...evalIndex(v, seg));
        break;
      case 'indices':
        if (Array.isArray(v))
          for (const i of seg.list) out.push(...evalIndex(v, { t: 'index', start: i, single: true }));
        break;
      case 'filter':
        if (Array.isArray(v)) out.push(...filterItems(v, seg));
        else if (isObj(v)) out.push(...filterItems(Object.values(v), seg));
        break;
    }
  }
  return out;
}

export function walkPath(cur: V[], path: readonly Seg[]): V[] {
  let values = cur;
  for (const seg of path) values = step(values, seg);
  return values.filter((v) => v !== undefined);
}

/** mirrors evalToText + PrintResults: strings raw, objects/arrays as compact JSON, results joined by ' ' */
export function formatResults(values: readonly V[]): string {
  return values
    .map((v) => {
      if (typeof v === 'string') return v;
      if (v === null || v === undefined) return '<nil>';
      if (typeof v === 'object') return goJson(v, false);
      return String(v);
    })
    .join(' ');
}

function exec(nodes: readonly Node[], data: V): string {
  let out = '';
  for (const node of nodes) {
    if (node.t === 'text') out += node.value;
    else if (node.t === 'action') out += formatResults(walkPath([data], node.path));
    else for (const item of walkPath([data], node.path)) out += exec(node.body, item);
  }
  return out;
}

/** run a template against data; throws JsonPathError on parse or execution errors */
export function executeJsonPath(template: string, data: unknown): string {
  const nodes = parseJsonPath(template);
  return exec(nodes, data as V);
}

/** every value the template's actions select (jsonpath-as-json prints them as one JSON array) */
export function jsonPathValues(template: string, data: unknown): JsonValue[] {
  const out: JsonValue[] = [];
  const collect = (nodes: readonly Node[], cur: V) => {
    for (const node of nodes) {
      if (node.t === 'action') for (const v of walkPath([cur], node.path)) out.push(v as JsonValue);
      else if (node.t === 'range') for (const item of walkPath([cur], node.path)) collect(node.body, item);
    }
  };
  collect(parseJsonPath(template), data as V);
  return out;
}
