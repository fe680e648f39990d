// Everything one data-path decision needs from a cluster: the object view, the proxy mode and state, the CNI model
// and virtual time. Built once per command.
import type { ClusterRuntime } from '../cluster/types';
import { KUBE_DNS_SERVICE_IP } from '../cluster/systemWorkloads/coredns';
import { cniForCluster, type ClusterCni } from './cni/index';
import { proxyModeOf, proxyStateOf, type ProxyMode, type ProxyState } from './kubeproxy/state';
import { buildNetworkView, type NetworkView } from './view';

export interface NetContext {
  view: NetworkView;
  mode: ProxyMode;
  proxy: ProxyState;
  cni: ClusterCni;
  nowMs: number;
  toRfc3339(ms: number): string;
  /** kube-system/kube-dns ClusterIP (the kubelet's --cluster-dns) */
  clusterDnsIp: string;
}

export function netContext(rt: ClusterRuntime): NetContext {
  const view = buildNetworkView(rt.api);
  const dns = view.service('kube-system', 'kube-dns')?.spec?.clusterIP;
  return {
    view,
    mode: proxyModeOf(view),
    proxy: proxyStateOf(rt),
    cni: cniForCluster(rt),
    nowMs: rt.sim.clock.nowMs(),
    toRfc3339: (ms) => rt.sim.clock.toRfc3339(ms),
    clusterDnsIp: dns && dns !== 'None' ? dns : KUBE_DNS_SERVICE_IP,
  };
}
