// `sim time`: the virtual clock as RFC 3339 plus the time elapsed since the simulation began.
import type { ClusterRuntime } from '../../cluster/types';
import type { CommandSpec } from '../types';
import { ok } from '../types';
import { formatDuration } from '../duration';

/** e.g. `2025-01-01T00:01:30Z (+1m30s)` */
export function formatSimTime(rt: ClusterRuntime): string {
  const now = rt.sim.clock.nowMs();
  return `${rt.sim.clock.toRfc3339(now)} (+${formatDuration(now)})`;
}

export const timeCommand: CommandSpec = {
  path: ['time'],
  summary: 'Print the virtual time and how much has elapsed',
  flags: [],
  run(args, { rt }) {
    if (args.positionals.length > 0)
      return { code: 1, stdout: '', stderr: 'error: sim time takes no arguments\n' };
    return ok(`${formatSimTime(rt)}\n`);
  },
};
