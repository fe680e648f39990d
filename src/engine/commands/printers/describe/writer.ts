// The text builder behind every describer: kubectl's PrefixWriter (LEVEL_n = 2n spaces) over a tabwriter with
// describe's settings (describe.go tabbedString: minwidth 0, padding 2). Flush() aligns what came before separately.
import { alignColumns } from '../tabwriter';

export class DescribeWriter {
  private sections: string[] = [];
  private current = '';

  /** mirrors PrefixWriter.Write(level, text): text may hold '\t' cell breaks and '\n' */
  write(level: number, text: string): void {
    this.current += '  '.repeat(level) + text;
  }

  /** mirrors PrefixWriter.WriteLine: the rest of the line */
  writeLine(text: string): void {
    this.current += `${text}\n`;
  }

  flush(): void {
    this.sections.push(this.current);
    this.current = '';
  }

  toString(): string {
    return [...this.sections, this.current].map(tabbed).join('');
  }
}

/** align '\t'-separated cells the way describe's tabwriter does */
export function tabbed(text: string): string {
  if (text === '') return '';
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const out = alignColumns(
    lines.map((l) => l.split('\t')),
    { minWidth: 0, padding: 2 },
  );
  return text.endsWith('\n') ? out : out.slice(0, -1);
}
