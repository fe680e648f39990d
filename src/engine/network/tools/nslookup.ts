// BIND's `nslookup` inside a pod: `nslookup [-type=A|SRV|PTR] [-debug] NAME`, printing what BIND 9 prints.
// `-debug` also lists each search-path name tried and its answer code.
import type { Pod } from 'kubernetes-types/core/v1';
import type { NetContext } from '../context';
import { parseIpv4 } from '../ip';
import type { QType, ResourceRecord } from '../dns/records';
import { lookupInPod } from './podDns';
import type { ToolResult } from './curl';

function formatAnswer(a: ResourceRecord): string {
  if (a.type === 'A') return `Name:\t${a.name}\nAddress: ${a.data}\n`;
  if (a.type === 'CNAME') return `${a.name}\tcanonical name = ${a.data}.\n`;
  if (a.type === 'PTR') return `${a.name}\tname = ${a.data}.\n`;
  return `${a.name}\tservice = ${a.srv?.priority ?? 0} ${a.srv?.weight ?? 0} ${a.srv?.port ?? 0} ${a.data}.\n`;
}

export function runNslookup(ctx: NetContext, pod: Pod, argv: readonly string[]): ToolResult {
  let qtype: QType = 'A';
  let debug = false;
  let name: string | undefined;
  for (const a of argv) {
    const t = /^-(?:type|query|q|t)=(\w+)$/i.exec(a);
    if (t) qtype = (t[1] ?? 'A').toUpperCase() as QType;
    else if (a === '-debug' || a === '-d2') debug = true;
    else if (!a.startsWith('-') && name === undefined) name = a;
  }
  if (!name)
    return {
      code: 1,
      stdout: '',
      stderr: 'nslookup: no name given (interactive mode is not supported here)\n',
    };
  if (!['A', 'SRV', 'PTR', 'CNAME'].includes(qtype))
    return { code: 1, stdout: '', stderr: `unknown query type: ${qtype}\n` };
  let qname = name;
  if (parseIpv4(name) !== undefined) {
    qtype = 'PTR';
    qname = `${name.split('.').reverse().join('.')}.in-addr.arpa.`;
  }
  const r = lookupInPod(ctx, pod, qname, qtype);
  if (!r.ok && r.timedOut)
    return { code: 1, stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '' };
  let out = `Server:\t\t${r.server}\nAddress:\t${r.server}#53\n\n`;
  if (debug)
    for (const a of r.attempts)
      out += `;; ${a.name}: ${a.response.rcode}${a.response.answers.length ? '' : ' (no answer)'}, answered by ${a.response.via}\n`;
  if (!r.ok) {
    const code = r.reason === 'NODATA' ? `No answer` : r.reason;
    if (r.reason === 'NODATA')
      return { code: 1, stdout: `${out}*** Can't find ${name}: No answer\n\n`, stderr: '' };
    return { code: 1, stdout: `${out}** server can't find ${name}: ${code}\n\n`, stderr: '' };
  }
  // kubernetes-plugin answers are authoritative (AA set); forwarded ones are not
  if (r.answer.response.via.startsWith('forward')) out += 'Non-authoritative answer:\n';
  for (const a of r.answer.response.answers) out += formatAnswer(a);
  return { code: 0, stdout: `${out}\n`, stderr: '' };
}
