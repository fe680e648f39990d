// How long a kubectl verb that "waits forever" (rollout status, drain with --timeout 0) waits in kubesim.
// Real kubectl blocks until interrupted; a simulation must stay bounded, so it gives up after this much virtual time.
import { DurationError, formatDuration, parseDuration } from '../duration';

export const WAIT_FOREVER_CAP_MS = 10 * 60_000;

/** parse a --timeout value; 0 means kubectl's "forever", which kubesim caps. A string is the error to print. */
export function waitTimeout(
  flag: string,
  text: string | undefined,
): { ms: number; capped: boolean } | string {
  let ms: number;
  try {
    ms = text === undefined ? 0 : parseDuration(text);
  } catch (e) {
    if (e instanceof DurationError) return `invalid argument "${text}" for "--${flag}" flag: ${e.message}`;
    throw e;
  }
  if (ms < 0) return `invalid argument "${text}" for "--${flag}" flag: must not be negative`;
  return ms === 0 ? { ms: WAIT_FOREVER_CAP_MS, capped: true } : { ms, capped: false };
}

/** the note kubesim adds when it stopped a wait kubectl would have continued */
export function capNote(capped: boolean): string {
  return capped
    ? `(kubesim stopped waiting after ${formatDuration(WAIT_FOREVER_CAP_MS)} of virtual time; pass --timeout to wait longer)\n`
    : '';
}

/**
 * the note kubesim adds when it ends a watch (get -w) or a follow (logs -f) kubectl would keep open: the cluster had
 * nothing left to do, or the cap was reached
 */
export function stoppedNote(verb: 'watching' | 'following', elapsedMs: number, settled: boolean): string {
  return settled
    ? `(kubesim stopped ${verb} after ${formatDuration(elapsedMs)} of virtual time: the cluster has nothing left to do; kubectl keeps ${verb} until interrupted)\n`
    : `(kubesim stopped ${verb} after ${formatDuration(WAIT_FOREVER_CAP_MS)} of virtual time${verb === 'watching' ? '; pass --request-timeout to watch longer' : ''})\n`;
}
