// `sim help`: every sim verb with its one-line summary.
import type { CommandSpec } from '../types';
import { ok } from '../types';

/**
 * all: the verbs to list (passed lazily, since help is one of them); args: the positional part of each verb's
 * usage line, keyed by its path (e.g. 'advance' -> '<duration>'). Flags are listed from the specs.
 */
export function helpCommand(
  all: () => readonly CommandSpec[],
  args: Readonly<Record<string, string>>,
): CommandSpec {
  return {
    path: ['help'],
    summary: 'List the sim verbs',
    flags: [],
    run() {
      const verbs = all();
      const usage = verbs.map((v) => {
        const positional = args[v.path.join(' ')];
        const flags = v.flags.map((f) =>
          f.type === 'stringArray' ? `[--${f.name} ...]...` : `[--${f.name} ${f.default ?? '...'}]`,
        );
        return ['sim', ...v.path, ...(positional ? [positional] : []), ...flags].join(' ');
      });
      // one usage line per verb, its summary indented beneath: sim node add's flags would make a table too wide
      const lines = verbs.map((v, i) => `  ${usage[i] as string}\n      ${v.summary}`);
      return ok(
        `sim controls the simulated cluster itself: its virtual clock and its machines.\n\nCommands:\n${lines.join('\n')}\n\nDurations use Go syntax: 500ms, 30s, 5m, 1h30m.\n`,
      );
    },
  };
}
