// Contract of a per-kind column printer (mirrors a TableColumnDefinition list + a printX handler in printers.go).
import type { KubeObject } from '../../../types/object';

export interface ColumnDef {
  /** as printers.go names it ('Name', 'Up-to-date'); headers are upper-cased when printed */
  name: string;
  /** 0: always; 1: only with -o wide */
  priority?: 0 | 1;
  /** 'name' marks the column that gets the TYPE/ prefix when several kinds print */
  format?: 'name';
}

export interface RowOptions {
  nowMs: number;
  wide: boolean;
}

export interface KindPrinter {
  columns: readonly ColumnDef[];
  /** one cell per column (wide cells included; the table drops them when not wide) */
  row(obj: KubeObject, opts: RowOptions): string[];
}
