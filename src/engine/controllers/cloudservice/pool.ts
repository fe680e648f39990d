// The simulated cloud's pool of load-balancer addresses (as kind's cloud-provider-kind hands out addresses from
// the node network): lowest free address first, so allocation is deterministic.

export const LB_POOL_START = '172.18.255.200';
export const LB_POOL_SIZE = 50;

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export class LoadBalancerPool {
  private readonly used = new Map<string, string>();

  constructor(
    private readonly start = LB_POOL_START,
    private readonly size = LB_POOL_SIZE,
  ) {}

  /** the address already held by serviceKey, else the lowest free one; undefined when the pool is exhausted */
  ensure(serviceKey: string): string | undefined {
    for (const [ip, owner] of this.used) if (owner === serviceKey) return ip;
    const base = ipToInt(this.start);
    for (let i = 0; i < this.size; i++) {
      const ip = intToIp(base + i);
      if (!this.used.has(ip)) {
        this.used.set(ip, serviceKey);
        return ip;
      }
    }
    return undefined;
  }

  /** mark an address found on a live Service as held (e.g. after a restart of the controller) */
  adopt(ip: string, serviceKey: string): void {
    if (!this.used.has(ip)) this.used.set(ip, serviceKey);
  }

  release(serviceKey: string): boolean {
    for (const [ip, owner] of this.used) {
      if (owner === serviceKey) {
        this.used.delete(ip);
        return true;
      }
    }
    return false;
  }
}
