// Simulated DNS servers outside the cluster: the node's resolver (what `forward . /etc/resolv.conf` reaches) with a
// small fixed "internet" table, and stub-domain servers by IP. Anything else at a known server is NXDOMAIN.
import type { DnsResponse, QType } from './records';

/** the node's upstream resolver address (the kind/docker network gateway in this simulation) */
export const NODE_RESOLVER_IP = '172.18.0.1';

const INTERNET: Readonly<Record<string, string>> = {
  'example.com': '93.184.215.14',
  'www.example.com': '93.184.215.14',
  'kubernetes.io': '15.197.167.90',
  'registry.k8s.io': '34.96.108.209',
  'github.com': '140.82.121.4',
  'google.com': '142.250.185.78',
};

/** stub-domain servers a Corefile may forward to, e.g. `example.com:53 { forward . 10.0.0.53 }` */
const STUB_SERVERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '10.0.0.53': {
    'example.com': '10.0.0.10',
    'db.example.com': '10.0.0.20',
    'api.example.com': '10.0.0.21',
    'corp.example.com': '10.0.0.22',
  },
};

/** public resolvers and the node resolver answer from the internet table */
const PUBLIC_RESOLVERS = new Set([NODE_RESOLVER_IP, '8.8.8.8', '8.8.4.4', '1.1.1.1', '9.9.9.9']);

export function isKnownUpstream(server: string): boolean {
  return server === '/etc/resolv.conf' || PUBLIC_RESOLVERS.has(server) || server in STUB_SERVERS;
}

/** ask an upstream server; unknown servers do not answer (SERVFAIL after forward's health checks fail) */
export function queryUpstream(server: string, qname: string, qtype: QType): DnsResponse {
  const via = `forward ${server}`;
  const host = server.replace(/:\d+$/, '');
  const table = host === '/etc/resolv.conf' || PUBLIC_RESOLVERS.has(host) ? INTERNET : STUB_SERVERS[host];
  if (!table) return { rcode: 'SERVFAIL', answers: [], via };
  const ip = table[qname];
  if (ip === undefined) return { rcode: 'NXDOMAIN', answers: [], via };
  return {
    rcode: 'NOERROR',
    answers: qtype === 'A' ? [{ name: qname, type: 'A', ttl: 300, data: ip }] : [],
    via,
  };
}
