// kube-proxy's per-cluster memory: its seeded random stream (iptables' statistic match), ipvs round-robin
// positions, and the ClientIP session-affinity table (iptables `recent` module / ipvs persistence).
import type { ClusterRuntime } from '../../cluster/types';
import type { Rng } from '../../sim/types';
import type { NetworkView } from '../view';

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables';

export interface AffinityEntry {
  endpoint: string;
  lastUsedMs: number;
}

export interface ProxyState {
  rng: Rng;
  roundRobin: Map<string, number>;
  affinity: Map<string, AffinityEntry>;
}

const states = new WeakMap<object, ProxyState>();

/** the state for a runtime (or any owner object in tests) */
export function proxyStateFor(owner: object, rng: () => Rng): ProxyState {
  let s = states.get(owner);
  if (!s) {
    s = { rng: rng(), roundRobin: new Map(), affinity: new Map() };
    states.set(owner, s);
  }
  return s;
}

export function proxyStateOf(rt: ClusterRuntime): ProxyState {
  return proxyStateFor(rt, () => rt.sim.rng.fork('kube-proxy'));
}

/**
 * The mode from the kube-system/kube-proxy ConfigMap (`config.conf`: KubeProxyConfiguration `mode:`),
 * as kubeadm installs it; empty or absent means iptables on Linux.
 */
export function proxyModeOf(view: NetworkView): ProxyMode {
  const cm = view.configMap('kube-system', 'kube-proxy');
  const data = (cm?.data ?? {}) as Record<string, string>;
  const m = /^mode:\s*"?([a-z]*)"?\s*$/m.exec(data['config.conf'] ?? '');
  const mode = m?.[1] ?? '';
  return mode === 'ipvs' || mode === 'nftables' ? mode : 'iptables';
}
