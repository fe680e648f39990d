// Endpoints subsets: one subset per pod and port, then repacked into the N-to-M form the API wants.
// mirrors pkg/controller/endpoint/endpoints_controller.go addEndpointSubset and pkg/api/v1/endpoints/util.go
// RepackSubsets/SortSubsets (sorted by content here where upstream sorts by hash).
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';

/** addEndpointSubset: the address goes to addresses when ready (or tolerated), else to notReadyAddresses */
export function addEndpointSubset(
  subsets: EndpointSubset[],
  epa: EndpointAddress,
  epp: EndpointPort | undefined,
  ready: boolean,
): void {
  const ports = epp ? [epp] : [];
  subsets.push(ready ? { addresses: [epa], ports } : { notReadyAddresses: [epa], ports });
}

function addrKey(a: Readonly<EndpointAddress>): string {
  return `${a.ip}|${a.targetRef?.uid ?? ''}`;
}

function portKey(p: Readonly<EndpointPort>): string {
  return `${p.name ?? ''}/${p.port}/${p.protocol ?? ''}/${p.appProtocol ?? ''}`;
}

function compareAddr(a: EndpointAddress, b: EndpointAddress): number {
  const ka = addrKey(a);
  const kb = addrKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** RepackSubsets: group addresses by the exact set of ports they offer; an address ready on a port stays ready */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, EndpointAddress>();
  /** port key -> (port, address key -> ready) */
  const byPort = new Map<string, { port: EndpointPort | undefined; addrs: Map<string, boolean> }>();
  const map = (addr: EndpointAddress, port: EndpointPort | undefined, ready: boolean) => {
    const k = addrKey(addr);
    if (!allAddrs.has(k)) allAddrs.set(k, addr);
    const pk = port ? portKey(port) : '<none>';
    let entry = byPort.get(pk);
    if (!entry) byPort.set(pk, (entry = { port, addrs: new Map() }));
    if (entry.addrs.get(k) !== true) entry.addrs.set(k, ready);
  };
  for (const s of subsets) {
    const ports: (EndpointPort | undefined)[] = (s.ports ?? []).length === 0 ? [undefined] : (s.ports ?? []);
    for (const port of ports) {
      for (const a of s.addresses ?? []) map(a, port, true);
      for (const a of s.notReadyAddresses ?? []) map(a, port, false);
    }
  }
  // sets of (address, ready) -> the ports they offer
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, addrs } of byPort.values()) {
    const key = [...addrs.entries()]
      .map(([k, r]) => `${k}=${r}`)
      .sort()
      .join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { addrs, ports: [] }));
    if (port) g.ports.push(port);
  }
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.addrs) (r ? ready : notReady).push(allAddrs.get(k) as EndpointAddress);
    const subset: EndpointSubset = {};
    if (ready.length) subset.addresses = ready.sort(compareAddr);
    if (notReady.length) subset.notReadyAddresses = notReady.sort(compareAddr);
    if (g.ports.length) subset.ports = g.ports.sort((a, b) => (portKey(a) < portKey(b) ? -1 : 1));
    out.push(subset);
  }
  const subsetKey = (s: EndpointSubset) =>
    JSON.stringify([s.ports ?? [], s.addresses?.[0]?.ip ?? '', s.notReadyAddresses?.[0]?.ip ?? '']);
  return out.sort((a, b) => (subsetKey(a) < subsetKey(b) ? -1 : subsetKey(a) > subsetKey(b) ? 1 : 0));
}
