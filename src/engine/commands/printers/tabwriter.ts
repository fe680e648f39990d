// Column alignment as kubectl does it: Go text/tabwriter with kubectl's settings
// (cli-runtime printers.GetNewTabWriter: minwidth 6, padding 3, pad char ' '). The last cell of a line is not padded.
// describe uses its own settings (minwidth 0, padding 2).

const MIN_WIDTH = 6;
const PADDING = 3;

const NON_ASCII = /[^ -~\t]/;

/** Go's utf8.RuneCountInString: code points, not UTF-16 units */
const runeLength = (s: string): number => {
  if (!NON_ASCII.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const KUBECTL_SETTINGS = { minWidth: MIN_WIDTH, padding: PADDING };

/**
 * Align rows of cells into columns. Like tabwriter, a column's width is the widest cell plus padding (at least
 * minwidth), computed over each block of consecutive lines that have that column.
 * remembered: kubectl's tabwriter.RememberWidths (github.com/liggitt/tabwriter), for output printed in several flushes
 * (get --watch): a column is never narrower than it was in an earlier flush, and the widths grow in place.
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  settings: { minWidth: number; padding: number } = KUBECTL_SETTINGS,
  remembered?: number[],
): string {
  const lengths: number[][] = rows.map((r) => r.map(runeLength));
  const widths: number[][] = rows.map(() => []);
  const maxCols = rows.reduce((m, r) => Math.max(m, r.length - 1), 0);
  for (let col = 0; col < maxCols; col++) {
    let start = 0;
    while (start < rows.length) {
      if ((rows[start] as readonly string[]).length - 1 <= col) {
        start++;
        continue;
      }
      let end = start;
      let width = settings.minWidth;
      while (end < rows.length && (rows[end] as readonly string[]).length - 1 > col) {
        width = Math.max(width, ((lengths[end] as number[])[col] as number) + settings.padding);
        end++;
      }
      if (remembered) {
        width = Math.max(width, remembered[col] ?? 0);
        remembered[col] = width;
      }
      for (let i = start; i < end; i++) (widths[i] as number[])[col] = width;
      start = end;
    }
  }
  const pads: string[] = [];
  const pad = (n: number): string => (pads[n] ??= ' '.repeat(n));
  const lines: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly string[];
    const w = widths[i] as number[];
    const len = lengths[i] as number[];
    const parts: string[] = [];
    const last = row.length - 1;
    for (let col = 0; col < last; col++) {
      parts.push(row[col] as string, pad(Math.max(0, (w[col] as number) - (len[col] as number))));
    }
    if (last >= 0) parts.push(row[last] as string);
    lines[i] = parts.join('');
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
