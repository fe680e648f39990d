// kubectl's global --request-timeout (genericclioptions ConfigFlags), read as client-go's clientcmd ParseTimeout reads
// it. Every kubectl command takes it; in kubesim a request completes at once, so only a watch (get -w) runs for it.
import type { FlagSpec } from '../args';
import { DurationError, parseDuration } from '../duration';

export const requestTimeoutFlag: FlagSpec = {
  name: 'request-timeout',
  type: 'string',
  default: '0',
  help: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
};

const INVALID =
  'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

/** --request-timeout in ms (0: none), or the error text; a bare non-negative integer is seconds */
export function parseRequestTimeout(text: string | undefined): number | string {
  if (text === undefined) return 0;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  try {
    const ms = parseDuration(text);
    if (ms >= 0) return ms;
  } catch (e) {
    if (!(e instanceof DurationError)) throw e;
  }
  return INVALID;
}
