// Hubble-like flow log (Cilium only): every pod-to-pod flow the data path model decides, kept in memory (bounded).
// `sim cni flows` prints it in `hubble observe` style.

export interface Flow {
  timeMs: number;
  src: string;
  srcIdentity: number;
  dst: string;
  dstIdentity: number;
  port: number;
  protocol: string;
  verdict: 'FORWARDED' | 'DROPPED';
  /** "to-endpoint", "Policy denied", "L7 HTTP GET /admin denied" */
  summary: string;
}

const MAX_FLOWS = 4096;

export class FlowLog {
  private readonly flows: Flow[] = [];
  record(f: Flow): void {
    this.flows.push(f);
    if (this.flows.length > MAX_FLOWS) this.flows.splice(0, this.flows.length - MAX_FLOWS);
  }
  all(): readonly Flow[] {
    return this.flows;
  }
}

function stamp(ms: number, iso: string): string {
  const d = iso.slice(5, 10).replace('-', ' ');
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [mm, dd] = d.split(' ');
  return `${months[Number(mm) - 1] ?? 'Jan'} ${dd ?? '01'} ${iso.slice(11, 19)}.${String(ms % 1000).padStart(3, '0')}`;
}

/** one line as `hubble observe` prints it */
export function formatFlow(f: Flow, toRfc3339: (ms: number) => string): string {
  const tcp = f.protocol === 'TCP' ? ' (TCP Flags: SYN)' : '';
  const verdict = f.verdict === 'DROPPED' ? `${f.summary} DROPPED` : `${f.summary} FORWARDED`;
  return `${stamp(f.timeMs, toRfc3339(f.timeMs))}: ${f.src} (ID:${f.srcIdentity}) -> ${f.dst}:${f.port} (ID:${f.dstIdentity}) ${verdict}${tcp}`;
}
