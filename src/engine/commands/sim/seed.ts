// `sim seed`: the seed this cluster was created with (same seed + same commands = same cluster).
import type { CommandSpec } from '../types';
import { fail, ok } from '../types';

export const seedCommand: CommandSpec = {
  path: ['seed'],
  summary: 'Print the random seed of this simulation',
  flags: [],
  run(args, { rt }) {
    if (args.positionals.length > 0) return fail('error: sim seed takes no arguments\n');
    return ok(`${rt.options.seed}\n`);
  },
};
