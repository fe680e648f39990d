// The Service ClusterIP range and NodePort range (kubeadm defaults), with their static-band offsets.
// mirrors pkg/registry/core/service/ipallocator/bitmap.go NewAllocatorCIDRRange/calculateRangeOffset and
// pkg/registry/core/service/portallocator/allocator.go calculateRangeOffset.

/** kubeadm's --service-cluster-ip-range */
export const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/12';
/** kube-apiserver's --service-node-port-range default */
export const SERVICE_NODE_PORT_RANGE = { base: 30000, size: 2768 } as const;

export function parseIPv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface IPRange {
  cidr: string;
  /** first usable address (network + 1) */
  base: number;
  /** usable addresses (network and broadcast excluded) */
  max: number;
  offset: number;
}

/** ipallocator calculateRangeOffset: min(max(16, size/16), 256); 0 for ranges of 16 or fewer */
export function ipRangeOffset(cidrSize: number): number {
  if (cidrSize <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(cidrSize / 16)), 256);
}

/** portallocator calculateRangeOffset: min(max(16, size/32), 128); 0 for ranges of 16 or fewer */
export function portRangeOffset(size: number): number {
  if (size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 32)), 128);
}

export function parseIPv4Range(cidr: string): IPRange {
  const [addr, bitsText] = cidr.split('/');
  const network = parseIPv4(addr ?? '');
  const bits = Number(bitsText);
  if (network === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) {
    throw new Error(`invalid CIDR ${cidr}`);
  }
  const size = 2 ** (32 - bits);
  return { cidr, base: network + 1, max: Math.max(0, size - 2), offset: ipRangeOffset(size) };
}
