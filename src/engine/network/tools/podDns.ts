// DNS from inside a pod: its resolv.conf, and the nameserver reached through the modelled data path (kube-proxy to
// a CoreDNS pod, subject to NetworkPolicy) or, for non-cluster nameservers, straight to the simulated upstream.
import type { Pod } from 'kubernetes-types/core/v1';
import { connect } from '../connect';
import type { NetContext } from '../context';
import { lookupFromPod, type LookupResult, type Reach } from '../dns/lookup';
import type { QType } from '../dns/records';
import { podResolvConf, type ResolvConf } from '../dns/resolvConf';
import { isKnownUpstream } from '../dns/upstream';

export function resolvConfOf(ctx: NetContext, pod: Pod): ResolvConf {
  return podResolvConf(pod, ctx.clusterDnsIp);
}

export function reachNameserver(ctx: NetContext, pod: Pod | undefined, server: string): Reach {
  if (!ctx.view.serviceByClusterIp(server) && !ctx.view.podByIp(server)) {
    return isKnownUpstream(server)
      ? { ok: true, via: [`${server}: upstream resolver outside the cluster`] }
      : { ok: false, reason: `no DNS server answers at ${server}`, via: [] };
  }
  const r = connect(ctx, { pod }, server, 53, 'UDP');
  const via = r.hops.map((h) => `${h.node} ${h.at}: ${h.detail}`);
  if (r.outcome.kind !== 'ok') return { ok: false, reason: r.outcome.why, via };
  const p = r.outcome.pod;
  return { ok: true, coredns: `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`, via };
}

export function lookupInPod(ctx: NetContext, pod: Pod, name: string, qtype: QType): LookupResult {
  return lookupFromPod(ctx.view, resolvConfOf(ctx, pod), name, qtype, (s) => reachNameserver(ctx, pod, s));
}

/** glibc resolver defaults: timeout:5 attempts:2, per name tried */
export function dnsTimeoutMs(rc: ResolvConf): number {
  const opt = (n: string, d: number) => Number(rc.options.find((o) => o.name === n)?.value ?? d) || d;
  return opt('timeout', 5) * 1000 * opt('attempts', 2);
}
