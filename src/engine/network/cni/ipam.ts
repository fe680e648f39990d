// IPAM models of the CNI plugins: host-local over a per-node CIDR (flannel, antrea, cilium cluster-pool), Calico's
// /26 block affinity, and Weave's ring split where a joining peer takes half of the largest range.
import type { Node } from 'kubernetes-types/core/v1';
import { formatCidr, formatIpv4, parseCidr, parseIpv4 } from '../ip';
import type { CniIpam } from './types';

/** host-local within one CIDR per node; `.1` is the gateway/bridge when `reserveGateway` */
export class PerNodeCidrIpam implements CniIpam {
  private readonly used = new Set<number>();
  private readonly cursor = new Map<string, number>();
  private readonly cidrs = new Map<string, string>();
  /** each node range parsed once (every pod sandbox allocates from it) */
  private readonly parsed = new Map<string, ReturnType<typeof parseCidr>>();

  constructor(
    readonly summary: string,
    private readonly cidrFor: (node: Node, index: number) => string,
    private readonly reserveGateway = true,
  ) {}

  rangeOf(node: Node): string {
    const name = node.metadata?.name ?? '';
    let c = this.cidrs.get(name);
    if (c === undefined) {
      c = this.cidrFor(node, this.cidrs.size);
      this.cidrs.set(name, c);
    }
    return c;
  }

  allocate(node: Node): string | undefined {
    const range = this.rangeOf(node);
    let c = this.parsed.get(range);
    if (c === undefined && !this.parsed.has(range)) this.parsed.set(range, (c = parseCidr(range)));
    if (!c) return undefined;
    const first = c.base + (this.reserveGateway ? 2 : 1);
    const last = c.base + c.size - 2;
    const name = node.metadata?.name ?? '';
    let cand = this.cursor.get(name) ?? first - 1;
    for (let i = 0; i <= last - first; i++) {
      cand = cand >= last ? first : cand + 1;
      if (!this.used.has(cand)) {
        this.used.add(cand);
        this.cursor.set(name, cand);
        return formatIpv4(cand);
      }
    }
    return undefined;
  }

  release(ip: string): void {
    const n = parseIpv4(ip);
    if (n !== undefined) this.used.delete(n);
  }

  markUsed(ip: string): void {
    const n = parseIpv4(ip);
    if (n !== undefined) this.used.add(n);
  }
}

/** Calico: 192.168.0.0/16 carved into /26 blocks; a node claims (affinity) a new block when its blocks are full */
export class CalicoBlockIpam implements CniIpam {
  readonly summary = 'calico-ipam: pool 192.168.0.0/16, /26 blocks with node affinity';
  private nextBlock = 0;
  private readonly blocks = new Map<string, number[]>();
  private readonly used = new Set<number>();
  private readonly pool = parseCidr('192.168.0.0/16') as { base: number; size: number };

  rangeOf(node: Node): string {
    const bs = this.blocks.get(node.metadata?.name ?? '') ?? [];
    return bs.length === 0
      ? '(no block yet)'
      : bs.map((b) => formatCidr({ base: b, bits: 26, size: 64 })).join(',');
  }

  allocate(node: Node): string | undefined {
    const name = node.metadata?.name ?? '';
    const bs = this.blocks.get(name) ?? [];
    for (const b of bs) for (let a = b; a < b + 64; a++) if (!this.used.has(a)) return this.take(a);
    if ((this.nextBlock + 1) * 64 > this.pool.size) return undefined;
    const block = this.pool.base + this.nextBlock++ * 64;
    this.blocks.set(name, [...bs, block]);
    return this.take(block);
  }

  private take(a: number): string {
    this.used.add(a);
    return formatIpv4(a);
  }

  release(ip: string): void {
    const n = parseIpv4(ip);
    if (n !== undefined) this.used.delete(n);
  }
}

interface WeaveRange {
  owner: string;
  start: number;
  size: number;
  cursor: number;
}

/** Weave: the first peer owns all of 10.32.0.0/12; each joining peer is donated half of the largest range */
export class WeaveRingIpam implements CniIpam {
  readonly summary =
    'weave IPAM: 10.32.0.0/12 split between peers (a joining peer gets half of the largest range)';
  private readonly ranges: WeaveRange[] = [];
  private readonly byOwner = new Map<string, WeaveRange[]>();
  private readonly used = new Set<number>();
  private readonly ring = parseCidr('10.32.0.0/12') as { base: number; size: number };

  private own(name: string): WeaveRange[] {
    const have = this.byOwner.get(name);
    if (have) return have;
    let biggest: WeaveRange | undefined;
    for (const r of this.ranges) if (!biggest || r.size > biggest.size) biggest = r;
    let mine: WeaveRange;
    if (!biggest) mine = { owner: name, start: this.ring.base, size: this.ring.size, cursor: 0 };
    else {
      const half = Math.floor(biggest.size / 2);
      biggest.size -= half;
      mine = { owner: name, start: biggest.start + biggest.size, size: half, cursor: 0 };
    }
    this.ranges.push(mine);
    this.byOwner.set(name, [mine]);
    return [mine];
  }

  rangeOf(node: Node): string {
    return this.own(node.metadata?.name ?? '')
      .map((r) => `${formatIpv4(r.start)}-${formatIpv4(r.start + r.size - 1)}`)
      .join(',');
  }

  allocate(node: Node): string | undefined {
    for (const r of this.own(node.metadata?.name ?? ''))
      for (let i = 0; i < r.size; i++) {
        // a ring walk from the last handed-out offset, skipping .0 and .255 addresses
        r.cursor = (r.cursor + 1) % r.size;
        const a = r.start + r.cursor;
        if (!this.used.has(a) && (a + 1) % 256 !== 0 && a % 256 !== 0) {
          this.used.add(a);
          return formatIpv4(a);
        }
      }
    return undefined;
  }

  release(ip: string): void {
    const n = parseIpv4(ip);
    if (n !== undefined) this.used.delete(n);
  }
}
