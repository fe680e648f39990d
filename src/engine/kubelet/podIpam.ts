// A small per-node pod IPAM over the node's spec.podCIDR (stands in for the CNI's host-local plugin until the
// CNI models land). mirrors containernetworking/plugins host-local: gateway .1 reserved, round-robin from the last
// reserved address, so a freed IP is not handed out again at once.

export interface NodeIpRange {
  /** first usable address as a 32-bit number */
  first: number;
  /** last usable address (broadcast excluded) */
  last: number;
}

export function parseIpv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d{1,3}$/.test(p) || v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function formatIpv4(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

/** usable pod range of an IPv4 CIDR: network+2 (network+1 is the bridge gateway) .. broadcast-1 */
export function podRangeOf(cidr: string): NodeIpRange | undefined {
  const [ip, bitsText] = cidr.split('/');
  const base = ip === undefined ? undefined : parseIpv4(ip);
  const bits = Number(bitsText);
  if (base === undefined || !Number.isInteger(bits) || bits < 8 || bits > 30) return undefined;
  const size = 2 ** (32 - bits);
  const network = base - (base % size);
  return { first: network + 2, last: network + size - 2 };
}

export class NodePodIpam {
  private readonly used = new Set<number>();
  private lastReserved: number;

  constructor(private readonly range: NodeIpRange) {
    this.lastReserved = range.first - 1;
  }

  get inUse(): number {
    return this.used.size;
  }

  /** next free address after the last one handed out, wrapping around; undefined when the range is exhausted */
  allocate(): string | undefined {
    const size = this.range.last - this.range.first + 1;
    if (this.used.size >= size) return undefined;
    let candidate = this.lastReserved;
    for (let i = 0; i < size; i++) {
      candidate = candidate >= this.range.last ? this.range.first : candidate + 1;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        this.lastReserved = candidate;
        return formatIpv4(candidate);
      }
    }
    return undefined;
  }

  /** mark an address as taken (a pod that already had it, e.g. after a kubelet restart) */
  reserve(ip: string): void {
    const n = parseIpv4(ip);
    if (n !== undefined && n >= this.range.first && n <= this.range.last) this.used.add(n);
  }

  release(ip: string | undefined): void {
    const n = ip === undefined ? undefined : parseIpv4(ip);
    if (n !== undefined) this.used.delete(n);
  }
}

/** one IPAM per node, created from the node's podCIDR on first use */
export class PodIpam {
  private readonly nodes = new Map<string, NodePodIpam>();

  forNode(nodeName: string, podCIDR: string | undefined): NodePodIpam | undefined {
    let ipam = this.nodes.get(nodeName);
    if (ipam) return ipam;
    const range = podCIDR ? podRangeOf(podCIDR) : undefined;
    if (!range) return undefined;
    ipam = new NodePodIpam(range);
    this.nodes.set(nodeName, ipam);
    return ipam;
  }

  dropNode(nodeName: string): void {
    this.nodes.delete(nodeName);
  }
}
