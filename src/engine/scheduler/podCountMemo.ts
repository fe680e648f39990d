// Counts of a node's pods matching a (namespace, label selector), as PodTopologySpread asks for them on every
// scheduling cycle (countPodsMatchSelector: terminating pods excluded, #87621). A NodeInfo's pod list is
// copy-on-write, so a count belongs to one list version; when NodeInfo makes the next version by adding, removing
// or replacing one pod, the known counts are carried over and adjusted by that pod, instead of recounting every
// pod of every node on every cycle (which made scheduling a rollout quadratic in its pods).
import type { Pod } from 'kubernetes-types/core/v1';
import type { Selector } from '../labels/types';
import { matchesNothing } from '../labels/requirement';

interface Entry {
  selector: Selector;
  ns: string;
  count: number;
}

const memo = new WeakMap<readonly Pod[], Map<string, Entry>>();
const selectorKeys = new WeakMap<Selector, string>();
const lastKey = new WeakMap<Selector, { ns: string; key: string }>();

/** the memo key of (selector, namespace); the same string object per selector and namespace, so its hash is cached */
export function memoKey(selector: Selector, ns: string): string | undefined {
  const last = lastKey.get(selector);
  if (last !== undefined && last.ns === ns) return last.key;
  if (matchesNothing(selector)) return undefined;
  let k = selectorKeys.get(selector);
  if (k === undefined) selectorKeys.set(selector, (k = JSON.stringify(selector.requirements)));
  const key = `${ns}\u0000${k}`;
  lastKey.set(selector, { ns, key });
  return key;
}

function counted(p: Pod, selector: Selector, ns: string): boolean {
  return (
    p.metadata?.deletionTimestamp === undefined &&
    (p.metadata?.namespace ?? '') === ns &&
    selector.matches(p.metadata?.labels)
  );
}

/** the uncached count (what countPodsMatchSelector memoises) */
export function countMatching(pods: readonly Pod[], selector: Selector, ns: string): number {
  let count = 0;
  for (const p of pods) if (counted(p, selector, ns)) count++;
  return count;
}

/** pods in `ns` matching the selector, skipping terminating pods */
export function countPodsMatchSelector(pods: readonly Pod[], selector: Selector, ns: string): number {
  const key = memoKey(selector, ns);
  if (key === undefined) return countMatching(pods, selector, ns);
  let m = memo.get(pods);
  const hit = m?.get(key);
  if (hit) return hit.count;
  const count = countMatching(pods, selector, ns);
  if (!m) memo.set(pods, (m = new Map()));
  m.set(key, { selector, ns, count });
  return count;
}

/** `next` is `prev` without `removed` and with `added`: carry prev's counts over, adjusted by those two pods */
export function deriveCounts(prev: readonly Pod[], next: readonly Pod[], removed?: Pod, added?: Pod): void {
  const m = memo.get(prev);
  if (!m || m.size === 0) return;
  const out = new Map<string, Entry>();
  for (const [k, e] of m) {
    let count = e.count;
    if (removed && counted(removed, e.selector, e.ns)) count--;
    if (added && counted(added, e.selector, e.ns)) count++;
    out.set(k, { selector: e.selector, ns: e.ns, count });
  }
  memo.set(next, out);
}

/** `next` holds the same pods as `prev` up to status (same namespace, labels and deletionTimestamp): same counts */
export function shareCounts(prev: readonly Pod[], next: readonly Pod[]): void {
  const m = memo.get(prev);
  if (m !== undefined) memo.set(next, m);
}
