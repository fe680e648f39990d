// kube-proxy as kubeadm installs it (cmd/kubeadm/app/phases/addons/proxy/manifests.go KubeProxyDaemonSet19).
import type { KubeObject } from '../../types/object';
import { KUBELET_VERSION } from '../nodeObject';
import { container, daemonSet, KUBE_SYSTEM, LINUX_ONLY, serviceAccount, TOLERATE_ALL } from './objects';

export const KUBE_PROXY_IMAGE = `registry.k8s.io/kube-proxy:${KUBELET_VERSION}`;

export function kubeProxyObjects(): KubeObject[] {
  const labels = { 'k8s-app': 'kube-proxy' };
  return [
    serviceAccount('kube-proxy', KUBE_SYSTEM),
    daemonSet(
      {
        name: 'kube-proxy',
        namespace: KUBE_SYSTEM,
        labels,
        podLabels: labels,
        spec: {
          priorityClassName: 'system-node-critical',
          containers: [
            container('kube-proxy', KUBE_PROXY_IMAGE, {
              command: [
                '/usr/local/bin/kube-proxy',
                '--config=/var/lib/kube-proxy/config.conf',
                '--hostname-override=$(NODE_NAME)',
              ],
              securityContext: { privileged: true },
              env: [
                {
                  name: 'NODE_NAME',
                  valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
                },
              ],
            }),
          ],
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          tolerations: TOLERATE_ALL,
          nodeSelector: LINUX_ONLY,
        },
      },
      { type: 'RollingUpdate' },
    ),
  ];
}
