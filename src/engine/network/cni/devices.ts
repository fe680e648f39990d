// Names of the host-side interfaces plugins create per pod, and shared hop builders (pod eth0, the wire between nodes).
import { stableHex } from '../ip';
import type { Hop, PathEnd } from './types';

const podRef = (e: PathEnd) =>
  e.pod ? `${e.pod.metadata?.namespace ?? ''}/${e.pod.metadata?.name ?? ''}` : e.ip;

/** host-side veth of a pod: calico `cali` + 11 hex (sha1 of ns.name), cilium `lxc` + 12 hex, others `veth` + 8 hex */
export function hostIf(prefix: 'cali' | 'lxc' | 'veth' | 'vethwepl', e: PathEnd): string {
  const key = podRef(e);
  const n = prefix === 'cali' ? 11 : prefix === 'lxc' ? 12 : prefix === 'vethwepl' ? 7 : 8;
  return `${prefix}${stableHex(key, n)}`;
}

export function leavePod(e: PathEnd, hostSide: string): Hop {
  return {
    node: e.node,
    at: `${podRef(e)} eth0`,
    detail: `src ${e.ip} leaves the pod's network namespace over the veth pair to ${hostSide}`,
  };
}

export function enterPod(e: PathEnd, hostSide: string): Hop {
  return {
    node: e.node,
    at: `${podRef(e)} eth0`,
    detail: `${hostSide} -> veth pair -> eth0 ${e.ip} in the pod's network namespace`,
  };
}

export function wire(src: PathEnd, dst: PathEnd, outer: string): Hop {
  return {
    node: src.node,
    at: 'eth0 (node)',
    detail: `${outer} ${src.nodeIp} -> ${dst.nodeIp} across the node network to ${dst.node}`,
  };
}

export const sameNode = (a: PathEnd, b: PathEnd) => a.node === b.node;
