// Host-port keys shared by NodePorts and the scheduler cache's NodeInfo.usedPorts.
// mirrors pkg/scheduler/framework/types.go HostPortInfo (sanitize: empty IP = 0.0.0.0, empty protocol = TCP).
import type { ContainerPort, Pod } from 'kubernetes-types/core/v1';

export const DEFAULT_BIND_ALL_HOST_IP = '0.0.0.0';

/** `${protocol}/${hostIP}/${port}` after HostPortInfo.sanitize */
export function hostPortKey(protocol: string | undefined, hostIP: string | undefined, port: number): string {
  const proto = protocol === undefined || protocol === '' ? 'TCP' : protocol;
  const ip = hostIP === undefined || hostIP === '' ? DEFAULT_BIND_ALL_HOST_IP : hostIP;
  return `${proto}/${ip}/${port}`;
}

/** container ports with a hostPort (mirrors schedutil.GetHostPorts: regular containers only) */
export function hostPortsOf(pod: Pod): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) out.push(p);
  }
  return out;
}
