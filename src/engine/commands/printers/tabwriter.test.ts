// alignColumns with remembered widths: liggitt/tabwriter's TestRememberedWidths (the writer kubectl's printers use,
// with kubectl's settings), one flush per call.
import { describe, expect, it } from 'vitest';
import { alignColumns } from './tabwriter';

const cells = (line: string): string[] => line.split('\t');

describe('alignColumns with remembered widths (tabwriter.RememberWidths)', () => {
  it('keeps every column at least as wide as in earlier flushes, and widens it in place', () => {
    const widths: number[] = [];
    const flush = (...lines: string[]): string => alignColumns(lines.map(cells), undefined, widths);
    const steps: [string[], string][] = [
      [
        ['First\tMiddle\tLast', 'a\tbb\tccc', 'ddd\teeeeeeeeeeeeee\tf'],
        'First   Middle           Last\na       bb               ccc\nddd     eeeeeeeeeeeeee   f\n',
      ],
      [['g\th\ti'], 'g       h                i\n'],
      [['j\t\t'], 'j                        \n'],
      [['\tk\t'], '        k                \n'],
      [['\t\tl'], '                         l\n'],
      [['mmmmmmmmmmmmmmm\tnnn\tooo'], 'mmmmmmmmmmmmmmm   nnn              ooo\n'],
      [['p\tq\tr'], 'p                 q                r\n'],
    ];
    for (const [lines, want] of steps) expect(flush(...lines)).toBe(want);
    expect(widths).toEqual([18, 17]);
  });
  it('forgets nothing without remembered widths: each call aligns on its own', () => {
    expect(alignColumns([cells('mmmmmmmmmmmmmmm\tnnn\tooo')])).toBe('mmmmmmmmmmmmmmm   nnn   ooo\n');
    expect(alignColumns([cells('sssss\tt\tu')])).toBe('sssss   t     u\n');
  });
});
