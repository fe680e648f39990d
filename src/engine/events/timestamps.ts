// metav1.Time strings for hot paths (Event timestamps, pod status times): sim/clock toRfc3339 memoised per whole
// second, since that format has second precision and the same few seconds are printed for many objects in a row.
import { toRfc3339 } from '../sim/clock';

const MAX_ENTRIES = 4096;
const bySecond = new Map<number, string>();
let lastSecond = Number.NaN;
let lastText = '';

/** exactly toRfc3339(ms) from sim/clock (which reads only Math.floor(ms / 1000)) */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second === lastSecond) return lastText;
  let text = bySecond.get(second);
  if (text === undefined) {
    if (bySecond.size >= MAX_ENTRIES) bySecond.clear();
    text = toRfc3339(ms);
    bySecond.set(second, text);
  }
  lastSecond = second;
  lastText = text;
  return text;
}
