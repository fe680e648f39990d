// A name lookup from inside a pod: resolv.conf search expansion, then each query sent to the nameserver. The
// nameserver is reached through the data path (`reach`: kube-proxy + CNI policy), so a missing CoreDNS endpoint or
// a policy blocking UDP 53 times out exactly as it does in a cluster.
import type { NetworkView } from '../view';
import type { ServerBlock } from './corefile';
import type { DnsResponse, QType } from './records';
import { candidateNames, type ResolvConf } from './resolvConf';
import { coreDnsServe, loadCorefile } from './server';
import { queryUpstream } from './upstream';

/** how a DNS packet fares: answered by a CoreDNS pod, by an outside server, or lost */
export type Reach =
  { ok: true; coredns?: string; via: string[] } | { ok: false; reason: string; via: string[] };

export interface LookupAttempt {
  name: string;
  response: DnsResponse;
}

export type LookupResult =
  | { ok: true; server: string; attempts: LookupAttempt[]; answer: LookupAttempt; path: string[] }
  | {
      ok: false;
      server: string;
      attempts: LookupAttempt[];
      timedOut: boolean;
      reason: string;
      path: string[];
    };

export function lookupFromPod(
  view: NetworkView,
  rc: ResolvConf,
  name: string,
  qtype: QType,
  reach: (server: string) => Reach,
): LookupResult {
  const server = rc.nameservers[0] ?? '127.0.0.1';
  const r = reach(server);
  if (!r.ok) return { ok: false, server, attempts: [], timedOut: true, reason: r.reason, path: r.via };
  let blocks: readonly ServerBlock[] | undefined;
  if (r.coredns !== undefined) {
    const cf = loadCorefile(view);
    if (!cf.ok)
      return {
        ok: false,
        server,
        attempts: [],
        timedOut: true,
        reason: `coredns cannot start: ${cf.error}`,
        path: r.via,
      };
    blocks = cf.blocks;
  }
  const attempts: LookupAttempt[] = [];
  for (const cand of candidateNames(name, rc)) {
    const response = blocks
      ? coreDnsServe(view, blocks, cand, qtype)
      : queryUpstream(server, cand.toLowerCase(), qtype);
    const attempt = { name: cand, response };
    attempts.push(attempt);
    if (response.rcode === 'NOERROR' && response.answers.length > 0)
      return { ok: true, server, attempts, answer: attempt, path: r.via };
    if (response.rcode === 'SERVFAIL' || response.rcode === 'REFUSED')
      return { ok: false, server, attempts, timedOut: false, reason: response.rcode, path: r.via };
  }
  const last = attempts.at(-1);
  return {
    ok: false,
    server,
    attempts,
    timedOut: false,
    reason: last?.response.rcode === 'NOERROR' ? 'NODATA' : 'NXDOMAIN',
    path: r.via,
  };
}
