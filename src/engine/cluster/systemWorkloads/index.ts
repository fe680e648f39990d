// The kube-system workloads of a fresh kind/kubeadm cluster: PriorityClasses, kube-proxy, the CNI agent, CoreDNS and
// the control-plane mirror pods. createSystemWorkloads(rt) writes them through the API server as actor `kubeadm`.
import type { ClusterRuntime } from '../types';
import { cniObjects } from './cni';
import { corednsObjects } from './coredns';
import { kubeProxyObjects } from './kubeProxy';
import { createAll } from './objects';
import { systemPriorityClasses } from './priorityClasses';
import { staticPodObjects } from './staticPods';

export { cniAgent, cniObjects } from './cni';
export { corednsObjects, DEFAULT_COREFILE, KUBE_DNS_SERVICE_IP, COREDNS_IMAGE } from './coredns';
export { KUBE_PROXY_IMAGE } from './kubeProxy';

/** kubeadm init order: control-plane static pods first, then the kube-proxy and CoreDNS addons, then the CNI manifest */
export function createSystemWorkloads(rt: ClusterRuntime): void {
  createAll(rt, systemPriorityClasses());
  createAll(rt, staticPodObjects(rt));
  createAll(rt, kubeProxyObjects());
  createAll(rt, corednsObjects());
  createAll(rt, cniObjects(rt.options.cni));
}
