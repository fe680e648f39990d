// NodePorts filter: rejects nodes where a requested hostPort is already in use (0.0.0.0 conflicts with every IP).
// mirrors pkg/scheduler/framework/plugins/nodeports/node_ports.go and framework.HostPortInfo.CheckConflict.
import type { ContainerPort } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PreFilterPlugin } from '../framework/types';
import { skip, success, unschedulable } from '../framework/types';
import { DEFAULT_BIND_ALL_HOST_IP, hostPortKey, hostPortsOf } from './nodePortsKey';

export const NODE_PORTS = 'NodePorts';
export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";
const PRE_FILTER_KEY = 'PreFilter' + NODE_PORTS;

/** mirrors HostPortInfo.CheckConflict over the `${protocol}/${ip}/${port}` keys of NodeInfo.usedPorts */
export function portConflicts(used: ReadonlySet<string>, cp: ContainerPort): boolean {
  const port = cp.hostPort ?? 0;
  if (port <= 0) return false;
  const key = hostPortKey(cp.protocol, cp.hostIP, port);
  const ip = key.split('/')[1];
  const proto = key.split('/')[0] as string;
  if (ip === DEFAULT_BIND_ALL_HOST_IP) {
    // a wildcard request conflicts with the same protocol/port on any IP
    const suffix = `/${port}`;
    for (const u of used) if (u.startsWith(`${proto}/`) && u.endsWith(suffix)) return true;
    return false;
  }
  return used.has(key) || used.has(hostPortKey(proto, DEFAULT_BIND_ALL_HOST_IP, port));
}

export function newNodePorts(): PreFilterPlugin & FilterPlugin {
  return {
    name: NODE_PORTS,
    preFilter(state, pod) {
      const ports = hostPortsOf(pod);
      if (ports.length === 0) return skip();
      state.set(PRE_FILTER_KEY, ports);
      return success();
    },
    filter(state, pod, nodeInfo) {
      const ports = (state.get(PRE_FILTER_KEY) as ContainerPort[] | undefined) ?? hostPortsOf(pod);
      for (const cp of ports)
        if (portConflicts(nodeInfo.usedPorts, cp)) return unschedulable(NODE_PORTS, ERR_REASON_PORTS);
      return success();
    },
  };
}
