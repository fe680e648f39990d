// IPv4 helpers for the network models: parse/format addresses, CIDR membership, CoreDNS' dashed pod names.
import { hashString } from '../sim/rng';

export function parseIpv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

export function formatIpv4(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

export interface Cidr {
  /** network address as a number */
  base: number;
  bits: number;
  size: number;
}

export function parseCidr(cidr: string): Cidr | undefined {
  const [ip, bitsText] = cidr.split('/');
  const addr = ip === undefined ? undefined : parseIpv4(ip);
  const bits = Number(bitsText);
  if (addr === undefined || !/^\d{1,2}$/.test(bitsText ?? '') || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  return { base: addr - (addr % size), bits, size };
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.base)}/${c.bits}`;
}

export function cidrContains(cidr: string, ip: string): boolean {
  const c = parseCidr(cidr);
  const n = parseIpv4(ip);
  return c !== undefined && n !== undefined && n >= c.base && n < c.base + c.size;
}

/** 10.244.1.5 -> 10-244-1-5, as CoreDNS names pods and unnamed endpoints */
export function dashedIp(ip: string): string {
  return ip.replaceAll('.', '-');
}

/** 10-244-1-5 -> 10.244.1.5 when it is a dashed IPv4 */
export function undashIp(label: string): string | undefined {
  const ip = label.replaceAll('-', '.');
  return parseIpv4(ip) === undefined ? undefined : ip;
}

const HEX = '0123456789abcdef';
/** n stable hex characters derived from text (interface names, chain suffixes) */
export function stableHex(text: string, n: number): string {
  let out = '';
  for (let i = 0; out.length < n; i++) {
    const h = hashString(`${i}:${text}`) >>> 0;
    for (let s = 0; s < 32 && out.length < n; s += 4) out += HEX[(h >>> s) & 15];
  }
  return out;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** 16 stable base32 characters, the shape of kube-proxy's portProtoHash chain suffixes */
export function stableBase32(text: string): string {
  let out = '';
  for (let i = 0; out.length < 16; i++) {
    const h = hashString(`${i}|${text}`) >>> 0;
    for (let s = 0; s + 5 <= 32 && out.length < 16; s += 5) out += BASE32[(h >>> s) & 31];
  }
  return out;
}
