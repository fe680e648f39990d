// Endpoint identity and comparison, as staging/src/k8s.io/endpointslice/util/endpointset.go (EndpointSet, hashEndpoint),
// controller_utils.go EndpointsEqualBeyondHash and NewPortMapKey. Insertion-ordered so pops are deterministic.
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';

/** hashEndpoint: sorted addresses, hostname and the target's namespace/name */
export function endpointHash(ep: Readonly<Endpoint>): string {
  const addrs = [...ep.addresses].sort().join(',');
  const ref = ep.targetRef ? `${ep.targetRef.namespace ?? ''}/${ep.targetRef.name ?? ''}` : '';
  return `${addrs}|${ep.hostname ?? ''}|${ref}`;
}

function portText(p: Readonly<EndpointPort>): string {
  return `${p.name ?? ''}/${p.protocol ?? ''}/${p.port ?? ''}/${p.appProtocol ?? ''}`;
}

/** NewPortMapKey: the same set of ports in any order gives the same key */
export function portMapKey(ports: readonly EndpointPort[]): string {
  return ports.map(portText).sort().join(';');
}

/** EndpointsEqualBeyondHash: what an endpoint update changes beyond its identity (hints are not compared) */
export function endpointsEqualBeyondHash(a: Readonly<Endpoint>, b: Readonly<Endpoint>): boolean {
  if ((a.nodeName ?? '') !== (b.nodeName ?? '')) return false;
  if ((a.zone ?? '') !== (b.zone ?? '')) return false;
  const ca = a.conditions ?? {};
  const cb = b.conditions ?? {};
  if (ca.ready !== cb.ready || ca.serving !== cb.serving || ca.terminating !== cb.terminating) return false;
  const ra = a.targetRef;
  const rb = b.targetRef;
  if (!ra !== !rb) return false;
  if (
    ra &&
    rb &&
    (ra.kind !== rb.kind || ra.namespace !== rb.namespace || ra.name !== rb.name || ra.uid !== rb.uid)
  )
    return false;
  return true;
}

export class EndpointSet {
  private readonly items = new Map<string, Endpoint>();

  insert(ep: Endpoint): void {
    this.items.set(endpointHash(ep), ep);
  }

  get(ep: Readonly<Endpoint>): Endpoint | undefined {
    return this.items.get(endpointHash(ep));
  }

  delete(ep: Readonly<Endpoint>): void {
    this.items.delete(endpointHash(ep));
  }

  get size(): number {
    return this.items.size;
  }

  /** PopAny (first inserted first, for determinism) */
  pop(): Endpoint | undefined {
    const first = this.items.entries().next();
    if (first.done) return undefined;
    this.items.delete(first.value[0]);
    return first.value[1];
  }
}
