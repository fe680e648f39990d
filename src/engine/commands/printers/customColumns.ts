// -o custom-columns=HEADER:.path,... and kubectl's relaxed JSONPath expressions (pkg/cmd/get/customcolumn.go,
// kubectl/pkg/cmd/get RelaxedJSONPathExpression).
import type { KubeObject } from '../../types/object';
import type { JsonValue } from '../../types/json';
import { parseJsonPath } from './jsonpath';
import { walkPath } from './jsonpathEval';
import { alignColumns } from './tabwriter';

/** mirrors RelaxedJSONPathExpression: `.a.b`, `a.b`, `{.a.b}` all mean `{.a.b}` */
export function relaxedJsonPath(expr: string): string {
  const t = expr.trim();
  if (t.length === 0) return '{}';
  if (t.startsWith('{') && t.endsWith('}')) return t;
  const inner = t.startsWith('.') ? t : `.${t}`;
  return `{${inner}}`;
}

/** Go's %v of decoded JSON: map[k:v], [a b] */
export function goFmtV(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFmtV).join(' ')}]`;
  if (typeof v === 'object') {
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goFmtV(v[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}

export interface CustomColumn {
  header: string;
  path: string;
}

/** parse `NAME:.metadata.name,IMAGE:.spec.containers[*].image` (customcolumn.go NewCustomColumnsPrinterFromSpec) */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) {
      throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    const path = relaxedJsonPath(part.slice(colon + 1));
    parseJsonPath(path);
    return { header: part.slice(0, colon), path };
  });
}

export function printCustomColumns(
  objs: readonly KubeObject[],
  cols: readonly CustomColumn[],
  noHeaders: boolean,
): string {
  const rows = customColumnRows(objs, cols, noHeaders);
  return rows.length === 0 ? '' : alignColumns(rows);
}

/** the header (unless noHeaders) and one row of cells per object */
export function customColumnRows(
  objs: readonly KubeObject[],
  cols: readonly CustomColumn[],
  noHeaders: boolean,
): string[][] {
  const parsed = cols.map((c) => parseJsonPath(c.path));
  const rows: string[][] = noHeaders ? [] : [cols.map((c) => c.header)];
  for (const obj of objs) {
    rows.push(
      parsed.map((nodes) => {
        const values: string[] = [];
        for (const node of nodes) {
          if (node.t === 'action')
            for (const v of walkPath([obj as unknown as JsonValue], node.path)) values.push(goFmtV(v));
        }
        return values.length === 0 ? '<none>' : values.join(',');
      }),
    );
  }
  return rows;
}
