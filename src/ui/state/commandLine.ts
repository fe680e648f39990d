// What the terminal needs to know about a command line before sending it: does it read stdin (`-f -`)?
const READS_STDIN = /(^|\s)(-f|--filename)(\s+|=)-(\s|$)/;

export function readsStdin(line: string): boolean {
  return READS_STDIN.test(line);
}
