// The Service allocators of kube-apiserver: ClusterIPs from the service range and NodePorts from the node-port range.
// mirrors pkg/registry/core/service/storage/alloc.go (allocateCreate, allocateUpdate, initNodePorts, updateNodePorts).
import type { ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { Rng } from '../../sim/types';
import type { KubeObject } from '../../types/object';
import { GoLiteral, fieldError } from '../fieldErrors';
import { newInternalError, newInvalid } from '../errors';
import { BitmapAllocator } from './bitmap';
import type { IPRange } from './ranges';
import {
  SERVICE_CLUSTER_IP_RANGE,
  SERVICE_NODE_PORT_RANGE,
  formatIPv4,
  parseIPv4,
  parseIPv4Range,
  portRangeOffset,
} from './ranges';

const SERVICE = { group: '', kind: 'Service' };

export function specOf(svc: Readonly<KubeObject>): ServiceSpec {
  return (svc.spec ?? {}) as ServiceSpec;
}

/** pkg/registry/core/service/storage needsClusterIP */
export function needsClusterIP(svc: Readonly<KubeObject>): boolean {
  return specOf(svc).type !== 'ExternalName';
}

/** needsNodePort: NodePort and LoadBalancer Services */
export function needsNodePort(svc: Readonly<KubeObject>): boolean {
  const t = specOf(svc).type;
  return t === 'NodePort' || t === 'LoadBalancer';
}

/** shouldAllocateNodePorts: LoadBalancers may opt out with allocateLoadBalancerNodePorts=false */
function shouldAllocateNodePorts(spec: ServiceSpec): boolean {
  if (spec.type === 'NodePort') return true;
  if (spec.type === 'LoadBalancer') return spec.allocateLoadBalancerNodePorts ?? true;
  return false;
}

/** pkg/api/service NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local */
export function needsHealthCheck(spec: ServiceSpec): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

/** collectServiceNodePorts plus the health-check node port */
export function nodePortsOf(spec: ServiceSpec): number[] {
  const out: number[] = [];
  for (const p of spec.ports ?? []) if (p.nodePort) out.push(p.nodePort);
  if (spec.healthCheckNodePort) out.push(spec.healthCheckNodePort);
  return out;
}

function goStrings(values: readonly string[] | undefined): GoLiteral {
  return new GoLiteral(
    values ? `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)',
  );
}

export class ServiceAllocators {
  readonly ipRange: IPRange;
  readonly portBase: number;
  readonly portMax: number;
  private readonly ips: BitmapAllocator;
  private readonly ports: BitmapAllocator;

  constructor(
    private readonly rng: Rng,
    cidr: string = SERVICE_CLUSTER_IP_RANGE,
    portRange: { base: number; size: number } = SERVICE_NODE_PORT_RANGE,
  ) {
    this.ipRange = parseIPv4Range(cidr);
    this.ips = new BitmapAllocator(this.ipRange.max, this.ipRange.offset);
    this.portBase = portRange.base;
    this.portMax = portRange.size;
    this.ports = new BitmapAllocator(portRange.size, portRangeOffset(portRange.size));
  }

  get portRangeText(): string {
    return `${this.portBase}-${this.portBase + this.portMax - 1}`;
  }

  private ipIndex(ip: string): number {
    const n = parseIPv4(ip);
    if (n === undefined) return -1;
    const i = n - this.ipRange.base;
    return i >= 0 && i < this.ipRange.max ? i : -1;
  }

  private portIndex(port: number): number {
    const i = port - this.portBase;
    return i >= 0 && i < this.portMax ? i : -1;
  }

  isIPAllocated(ip: string): boolean {
    const i = this.ipIndex(ip);
    return i >= 0 && this.ips.has(i);
  }

  isPortAllocated(port: number): boolean {
    const i = this.portIndex(port);
    return i >= 0 && this.ports.has(i);
  }

  get freeIPs(): number {
    return this.ips.free;
  }

  get freePorts(): number {
    return this.ports.free;
  }

  /** mark what a stored Service holds (the repair controllers' view: allocations follow storage) */
  occupy(svc: Readonly<KubeObject>): void {
    const spec = specOf(svc);
    if (needsClusterIP(svc))
      for (const ip of spec.clusterIPs ?? [spec.clusterIP ?? '']) this.ips.allocate(this.ipIndex(ip));
    for (const p of nodePortsOf(spec)) this.ports.allocate(this.portIndex(p));
  }

  /** release what a Service held once it is deleted or no longer holds it */
  vacate(svc: Readonly<KubeObject>): void {
    const spec = specOf(svc);
    if (needsClusterIP(svc))
      for (const ip of spec.clusterIPs ?? [spec.clusterIP ?? '']) this.ips.release(this.ipIndex(ip));
    for (const p of nodePortsOf(spec)) this.ports.release(this.portIndex(p));
  }

  /** allocIPs for the IPv4 family: a requested IP is checked, an empty one is picked at random (upper band first) */
  allocClusterIP(svc: KubeObject): void {
    const spec = (svc.spec ??= {}) as ServiceSpec;
    const name = svc.metadata.name || svc.metadata.generateName || '';
    if (!needsClusterIP(svc)) return;
    const requested = spec.clusterIPs?.[0] ?? spec.clusterIP ?? '';
    if (requested === 'None') return;
    if (requested === '') {
      const at = this.ips.pickNext(this.rng);
      if (at < 0) throw newInternalError('failed to allocate a serviceIP: range is full');
      const ip = formatIPv4(this.ipRange.base + at);
      spec.clusterIP = ip;
      spec.clusterIPs = [ip, ...(spec.clusterIPs ?? []).slice(1)];
      return;
    }
    if (parseIPv4(requested) === undefined) {
      // a malformed IP is validation's to report; an IPv6 one names a family this cluster does not serve
      if (requested.includes(':')) {
        throw newInvalid(SERVICE, name, [
          fieldError.invalid(
            'spec.clusterIPs[0]',
            goStrings(spec.clusterIPs),
            'IPv6 is not configured on this cluster',
          ),
        ]);
      }
      return;
    }
    const i = this.ipIndex(requested);
    const reason =
      i < 0
        ? `the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${this.ipRange.cidr}`
        : this.ips.has(i)
          ? 'provided IP is already allocated'
          : '';
    if (reason) {
      throw newInvalid(SERVICE, name, [
        fieldError.invalid(
          'spec.clusterIPs',
          goStrings(spec.clusterIPs),
          `failed to allocate IP ${requested}: ${reason}`,
        ),
      ]);
    }
  }

  /** portallocator.Allocate within one operation: reserved holds ports this request already took */
  private takePort(port: number, reserved: Set<number>): string {
    const i = this.portIndex(port);
    if (i < 0)
      return `provided port is not in the valid range. The range of valid ports is ${this.portRangeText}`;
    if (this.ports.has(i) || reserved.has(port)) return 'provided port is already allocated';
    reserved.add(port);
    return '';
  }

  /** portallocator.AllocateNext within one operation */
  private nextPort(reserved: Set<number>): number {
    // ports this request took are marked for the scan, then unmarked: the store write marks them for good
    const marked: number[] = [];
    for (const p of reserved) if (this.ports.allocate(this.portIndex(p))) marked.push(p);
    const at = this.ports.pickNext(this.rng);
    for (const p of marked) this.ports.release(this.portIndex(p));
    if (at < 0) throw newInternalError('failed to allocate a nodePort: range is full');
    const port = this.portBase + at;
    reserved.add(port);
    return port;
  }

  private portError(svc: KubeObject, i: number, value: number, message: string): never {
    throw newInvalid(SERVICE, svc.metadata.name || svc.metadata.generateName || '', [
      fieldError.invalid(`spec.ports[${i}].nodePort`, value, message),
    ]);
  }

  /** initNodePorts (create) and updateNodePorts (update): oldPorts are the ports the stored Service already holds */
  allocNodePorts(svc: KubeObject, oldPorts: readonly number[] = []): void {
    const spec = specOf(svc);
    if (!needsNodePort(svc)) return;
    const reserved = new Set<number>();
    const byServicePort = new Map<number, number>();
    const ports: ServicePort[] = spec.ports ?? [];
    ports.forEach((sp, i) => {
      if (!sp.nodePort && !shouldAllocateNodePorts(spec)) return;
      if (sp.nodePort) {
        if (oldPorts.includes(sp.nodePort) || reserved.has(sp.nodePort)) return;
        const err = this.takePort(sp.nodePort, reserved);
        if (err) this.portError(svc, i, sp.nodePort, err);
        byServicePort.set(sp.port, sp.nodePort);
        return;
      }
      // the same service port number on another protocol shares its node port (initNodePorts)
      const shared =
        byServicePort.get(sp.port) ??
        ports.find((o) => o !== sp && o.port === sp.port && o.nodePort)?.nodePort;
      if (shared !== undefined && (reserved.has(shared) || oldPorts.includes(shared))) sp.nodePort = shared;
      else if (shared !== undefined) {
        const err = this.takePort(shared, reserved);
        if (err) this.portError(svc, i, shared, err);
        sp.nodePort = shared;
      } else sp.nodePort = this.nextPort(reserved);
      byServicePort.set(sp.port, sp.nodePort);
    });
    if (needsHealthCheck(spec)) {
      const hc = spec.healthCheckNodePort;
      if (!hc) spec.healthCheckNodePort = this.nextPort(reserved);
      else if (!oldPorts.includes(hc)) {
        const err = this.takePort(hc, reserved);
        if (err) throw newInternalError(`failed to allocate requested HealthCheck NodePort ${hc}: ${err}`);
      }
    }
  }
}
