// The `curl` the simulator runs (inside a pod via kubectl exec, or from outside via `sim curl`): resolve, connect
// through the modelled data path, and print what curl prints. The server on every pod answers 200 with the body
// `Hello from <pod name>\n`. Exit codes as curl's: 6 resolve, 7 connect refused, 28 timeout, 3 bad URL.
import type { Pod } from 'kubernetes-types/core/v1';
import { connect, type ConnectResult } from '../connect';
import type { NetContext } from '../context';
import { parseIpv4 } from '../ip';
import { queryUpstream, NODE_RESOLVER_IP } from '../dns/upstream';
import { dnsTimeoutMs, lookupInPod, resolvConfOf } from './podDns';
import { parseUrl } from './url';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface CurlOpts {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  maxTime?: number;
  method: string;
  url?: string;
}

function parseCurlArgs(argv: readonly string[]): CurlOpts | string {
  const o: CurlOpts = { silent: false, showError: false, verbose: false, method: 'GET' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--max-time' || a === '-m') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) return 'curl: option --max-time: expected a proper numerical parameter';
      o.maxTime = v;
    } else if (a === '-X' || a === '--request') o.method = argv[++i] ?? 'GET';
    else if (a === '--silent') o.silent = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--show-error') o.showError = true;
    else if (/^-[svSfLk]+$/.test(a)) {
      if (a.includes('s')) o.silent = true;
      if (a.includes('v')) o.verbose = true;
      if (a.includes('S')) o.showError = true;
    } else if (a.startsWith('-'))
      return `curl: option ${a}: is unknown\ncurl: try 'curl --help' for more information`;
    else o.url = a;
  }
  return o;
}

const sim = (s: string) => `* [sim] ${s}\n`;

export function runCurl(ctx: NetContext, pod: Pod | undefined, argv: readonly string[]): ToolResult {
  const o = parseCurlArgs(argv);
  if (typeof o === 'string') return { code: 2, stdout: '', stderr: `${o}\n` };
  if (!o.url)
    return {
      code: 2,
      stdout: '',
      stderr: "curl: no URL specified\ncurl: try 'curl --help' for more information\n",
    };
  const url = parseUrl(o.url);
  const errOut = (code: number, msg: string, verbose = '') => ({
    code,
    stdout: '',
    stderr: verbose + (o.silent && !o.showError ? '' : `curl: (${code}) ${msg}\n`),
  });
  if (!url) return errOut(3, `URL rejected: Malformed input to a URL function`);
  let v = '';
  let ip = url.host;
  if (parseIpv4(url.host) === undefined) {
    if (pod) {
      const r = lookupInPod(ctx, pod, url.host, 'A');
      for (const a of r.attempts)
        v += sim(
          `DNS ${r.server}: ${a.name} -> ${a.response.rcode}${a.response.answers.length ? ` ${a.response.answers.map((x) => x.data).join(', ')}` : ''}`,
        );
      if (!r.ok) {
        if (r.timedOut) {
          v += sim(`DNS timed out: ${r.reason}`);
          const total =
            dnsTimeoutMs(resolvConfOf(ctx, pod)) * Math.max(1, resolvConfOf(ctx, pod).searches.length + 1);
          if (o.maxTime !== undefined && o.maxTime * 1000 < total)
            return errOut(
              28,
              `Resolving timed out after ${o.maxTime * 1000 + 1} milliseconds`,
              o.verbose ? v : '',
            );
        }
        return errOut(6, `Could not resolve host: ${url.host}`, o.verbose ? v : '');
      }
      ip = r.answer.response.answers.find((a) => a.type === 'A')?.data ?? '';
    } else {
      const r = queryUpstream(NODE_RESOLVER_IP, url.host, 'A');
      const a = r.answers[0];
      if (!a) return errOut(6, `Could not resolve host: ${url.host}`);
      ip = a.data;
    }
  }
  if (o.verbose) v += `*   Trying ${ip}:${url.port}...\n`;
  const res: ConnectResult = connect(ctx, { pod }, ip, url.port, 'TCP', { method: o.method, path: url.path });
  if (o.verbose) for (const h of res.hops) v += sim(`${h.node} ${h.at}: ${h.detail}`);
  const out = res.outcome;
  if (out.kind === 'refused') {
    if (o.verbose) v += sim(out.why);
    return errOut(
      7,
      `Failed to connect to ${url.host} port ${url.port} after 0 ms: Connection refused`,
      o.verbose ? v : '',
    );
  }
  if (out.kind === 'timeout') {
    if (o.verbose) v += sim(`packet dropped: ${out.why}`);
    const msg =
      o.maxTime !== undefined
        ? `Connection timed out after ${o.maxTime * 1000 + 1} milliseconds`
        : `Failed to connect to ${url.host} port ${url.port} after 127000 ms: Connection timed out`;
    return errOut(28, msg, o.verbose ? v : '');
  }
  const reason = out.status === 200 ? 'OK' : 'Forbidden';
  if (o.verbose)
    v +=
      `* Connected to ${url.host} (${ip}) port ${url.port}\n> ${o.method} ${url.path} HTTP/1.1\n> Host: ${url.host}${url.port === 80 ? '' : `:${url.port}`}\n> User-Agent: curl/8.5.0\n> Accept: */*\n>\n` +
      `< HTTP/1.1 ${out.status} ${reason}\n< Content-Type: text/plain\n< Content-Length: ${out.body.length}\n<\n* Connection #0 to host ${url.host} left intact\n`;
  return { code: 0, stdout: out.body, stderr: v };
}
