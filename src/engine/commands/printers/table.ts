// kubectl's human-readable table: headers, -o wide, NAMESPACE with -A, TYPE/NAME prefixes, -L and --show-labels.
// mirrors k8s.io/cli-runtime/pkg/printers/tableprinter.go (printTable / printRows / decorateTable).
import type { KubeObject } from '../../types/object';
import type { KindPrinter } from './columns/types';
import { alignColumns } from './tabwriter';
import { formatLabels, kindPrefix } from './format';

export interface TableOptions {
  nowMs: number;
  wide?: boolean;
  noHeaders?: boolean;
  /** -A: a NAMESPACE column first (only for namespaced kinds) */
  withNamespace?: boolean;
  /** several kinds print: the name column reads `kind.group/name` */
  withKind?: boolean;
  showLabels?: boolean;
  /** -L/--label-columns keys */
  labelColumns?: readonly string[];
}

/** header of a -L column: the part after the last '/', upper-cased (tableprinter.go formatLabelHeaders) */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return (parts[parts.length - 1] as string).toUpperCase();
}

/** header and row cells of one kind's table; no rows at all when objs is empty, as kubectl prints nothing then */
export function tableRows(objs: readonly KubeObject[], printer: KindPrinter, opts: TableOptions): string[][] {
  if (objs.length === 0) return [];
  const wide = opts.wide ?? false;
  const keep = printer.columns.map((c) => wide || (c.priority ?? 0) === 0);
  const labelCols = opts.labelColumns ?? [];
  const rows: string[][] = [];
  if (!opts.noHeaders) {
    const header = printer.columns.filter((_, i) => keep[i]).map((c) => c.name.toUpperCase());
    if (opts.withNamespace) header.unshift('NAMESPACE');
    for (const key of labelCols) header.push(labelHeader(key));
    if (opts.showLabels) header.push('LABELS');
    rows.push(header);
  }
  for (const obj of objs) {
    const all = printer.row(obj, { nowMs: opts.nowMs, wide });
    const cells: string[] = [];
    printer.columns.forEach((col, i) => {
      if (!keep[i]) return;
      let cell = all[i] ?? '';
      if (opts.withKind && col.format === 'name') cell = `${kindPrefix(obj.apiVersion, obj.kind)}/${cell}`;
      cells.push(cell);
    });
    if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    const labels = obj.metadata.labels ?? {};
    for (const key of labelCols) cells.push(labels[key] ?? '');
    if (opts.showLabels) cells.push(formatLabels(labels));
    rows.push(cells);
  }
  return rows;
}

/** the aligned table text ('' when there is nothing to print) */
export function printTable(objs: readonly KubeObject[], printer: KindPrinter, opts: TableOptions): string {
  const rows = tableRows(objs, printer, opts);
  return rows.length === 0 ? '' : alignColumns(rows);
}
