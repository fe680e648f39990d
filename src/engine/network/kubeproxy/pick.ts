// Choosing one endpoint as kube-proxy's data plane does: iptables/nftables pick uniformly at random (the cascade of
// `statistic --mode random --probability 1/(n-i)` rules), ipvs round-robins (scheduler rr), and ClientIP session
// affinity sticks a client to its last endpoint until timeoutSeconds (default 10800) pass without traffic.
import type { ProxyEndpoint } from './endpoints';
import type { ProxyMode, ProxyState } from './state';

/** v1.DefaultClientIPServiceAffinitySeconds */
export const DEFAULT_AFFINITY_SECONDS = 10800;

export interface PickOptions {
  mode: ProxyMode;
  clientIp: string;
  nowMs: number;
  /** set when spec.sessionAffinity is ClientIP */
  affinityTimeoutSeconds?: number;
}

const epKey = (e: ProxyEndpoint) => `${e.ip}:${e.port}`;

/**
 * Pick an endpoint for one new connection to service port `svcPortKey` (e.g. "default/web:http").
 * Exported for load models (`sim load`): call it once per request to spread load the way kube-proxy would.
 */
export function pickEndpoint(
  state: ProxyState,
  svcPortKey: string,
  candidates: readonly ProxyEndpoint[],
  opts: PickOptions,
): { endpoint: ProxyEndpoint; sticky: boolean } | undefined {
  if (candidates.length === 0) return undefined;
  const affKey = `${svcPortKey}|${opts.clientIp}`;
  if (opts.affinityTimeoutSeconds !== undefined) {
    const entry = state.affinity.get(affKey);
    if (entry && opts.nowMs - entry.lastUsedMs <= opts.affinityTimeoutSeconds * 1000) {
      const still = candidates.find((c) => epKey(c) === entry.endpoint);
      if (still) {
        entry.lastUsedMs = opts.nowMs;
        return { endpoint: still, sticky: true };
      }
    }
  }
  let chosen: ProxyEndpoint;
  if (opts.mode === 'ipvs') {
    const next = state.roundRobin.get(svcPortKey) ?? 0;
    chosen = candidates[next % candidates.length] as ProxyEndpoint;
    state.roundRobin.set(svcPortKey, (next + 1) % candidates.length);
  } else {
    chosen = candidates[state.rng.int(0, candidates.length - 1)] as ProxyEndpoint;
  }
  if (opts.affinityTimeoutSeconds !== undefined)
    state.affinity.set(affKey, { endpoint: epKey(chosen), lastUsedMs: opts.nowMs });
  return { endpoint: chosen, sticky: false };
}
