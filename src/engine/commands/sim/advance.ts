// `sim advance <duration>`: run everything due in the next stretch of virtual time, then print the new time.
import type { CommandSpec } from '../types';
import { fail, ok } from '../types';
import { DurationError, parseDuration } from '../duration';
import { SimulationStallError } from '../../sim/simulation';
import { formatSimTime } from './simTime';

export const advanceCommand: CommandSpec = {
  path: ['advance'],
  summary: 'Advance virtual time by a duration (e.g. 500ms, 30s, 5m), running everything due',
  flags: [],
  run(args, { rt }) {
    if (args.positionals.length !== 1) {
      return fail('error: sim advance needs exactly one duration, e.g. "sim advance 30s"\n');
    }
    const text = args.positionals[0] as string;
    let ms: number;
    try {
      ms = parseDuration(text);
    } catch (e) {
      if (e instanceof DurationError) return fail(`error: invalid duration "${text}": ${e.message}\n`);
      throw e;
    }
    if (ms < 0) return fail(`error: invalid duration "${text}": time cannot go backwards\n`);
    try {
      rt.sim.advance(Math.round(ms));
    } catch (e) {
      if (e instanceof SimulationStallError) {
        return fail(
          `error: ${e.message}; still pending: ${e.pending.join(', ')}\n`,
          `${formatSimTime(rt)}\n`,
        );
      }
      throw e;
    }
    return ok(`${formatSimTime(rt)}\n`);
  },
};
