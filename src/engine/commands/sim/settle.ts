// `sim settle [--timeout 5m]`: run until no foreground work is pending (heartbeats and resyncs do not count).
import type { CommandSpec } from '../types';
import { fail, ok } from '../types';
import { DurationError, formatDuration, parseDuration } from '../duration';

const DEFAULT_TIMEOUT = '5m';

export const settleCommand: CommandSpec = {
  path: ['settle'],
  summary: 'Run until the cluster is quiet (no pending work), or give up after --timeout',
  flags: [
    {
      name: 'timeout',
      type: 'duration',
      default: DEFAULT_TIMEOUT,
      help: 'virtual time to wait before giving up',
    },
  ],
  run(args, { rt }) {
    if (args.positionals.length > 0)
      return fail(`error: sim settle takes no arguments, got "${args.positionals[0]}"\n`);
    const text = args.string('timeout') ?? DEFAULT_TIMEOUT;
    let timeoutMs: number;
    try {
      timeoutMs = parseDuration(text);
    } catch (e) {
      if (e instanceof DurationError) {
        return fail(`error: invalid argument "${text}" for "--timeout" flag: ${e.message}\n`);
      }
      throw e;
    }
    if (timeoutMs <= 0) return fail(`error: --timeout must be greater than 0, got "${text}"\n`);
    const result = rt.sim.settle(timeoutMs);
    if (result.settled) return ok(`settled after ${formatDuration(result.elapsedMs)} of virtual time\n`);
    return fail(
      `error: did not settle within ${formatDuration(timeoutMs)}; still pending: ${summarizeLabels(result.pending)}\n`,
    );
  },
};

/** pending labels, repeated ones counted: `a, b (x3)` */
export function summarizeLabels(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].map(([l, n]) => (n > 1 ? `${l} (x${n})` : l)).join(', ');
}
