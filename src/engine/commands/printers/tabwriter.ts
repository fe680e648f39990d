// Column alignment as kubectl does it: Go text/tabwriter with kubectl's settings
// (cli-runtime printers.GetNewTabWriter: minwidth 6, padding 3, pad char ' '). The last cell of a line is not padded.
// describe uses its own settings (minwidth 0, padding 2).

const MIN_WIDTH = 6;
const PADDING = 3;

const runeLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * Align rows of cells into columns. Like tabwriter, a column's width is the widest cell plus padding (at least
 * minwidth), computed over each block of consecutive lines that have that column.
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  settings: { minWidth: number; padding: number } = { minWidth: MIN_WIDTH, padding: PADDING },
): string {
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
        width = Math.max(
          width,
          runeLength((rows[end] as readonly string[])[col] as string) + settings.padding,
        );
        end++;
      }
      for (let i = start; i < end; i++) (widths[i] as number[])[col] = width;
      start = end;
    }
  }
  let out = '';
  rows.forEach((row, i) => {
    const w = widths[i] as number[];
    row.forEach((cell, col) => {
      if (col < row.length - 1) out += cell + ' '.repeat(Math.max(0, (w[col] as number) - runeLength(cell)));
      else out += cell;
    });
    out += '\n';
  });
  return out;
}
