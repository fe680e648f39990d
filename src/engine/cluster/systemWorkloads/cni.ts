// The CNI agent each plugin's upstream manifest installs: flannel (kube-flannel.yml), calico (calico.yaml v3.28),
// cilium (helm chart 1.16 defaults), antrea (antrea.yml v2.1), weave (weave-daemonset-k8s.yaml 2.8.1).
import type { Toleration } from 'kubernetes-types/core/v1';
import type { CniName } from '../types';
import type { KubeObject } from '../../types/object';
import {
  container,
  daemonSet,
  deployment,
  KUBE_SYSTEM,
  LINUX_ONLY,
  serviceAccount,
  TOLERATE_ALL,
} from './objects';

const NO_SCHEDULE_ALL: Toleration = { operator: 'Exists', effect: 'NoSchedule' };
const NO_EXECUTE_ALL: Toleration = { operator: 'Exists', effect: 'NoExecute' };
const CRITICAL_ADDONS: Toleration = { key: 'CriticalAddonsOnly', operator: 'Exists' };
const CONTROL_PLANE: Toleration = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
const linuxAffinity = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] },
      ],
    },
  },
};

function flannel(): KubeObject[] {
  const ns = 'kube-flannel';
  const image = 'docker.io/flannel/flannel:v0.25.6';
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' },
      },
    },
    serviceAccount('default', ns),
    serviceAccount('flannel', ns),
    daemonSet({
      name: 'kube-flannel-ds',
      namespace: ns,
      labels: { tier: 'node', app: 'flannel', 'k8s-app': 'flannel' },
      podLabels: { tier: 'node', app: 'flannel' },
      spec: {
        affinity: linuxAffinity,
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        tolerations: [NO_SCHEDULE_ALL],
        serviceAccountName: 'flannel',
        initContainers: [
          container('install-cni-plugin', 'docker.io/flannel/flannel-cni-plugin:v1.5.1-flannel2', {
            command: ['cp'],
          }),
          container('install-cni', image, { command: ['cp'] }),
        ],
        containers: [
          container('kube-flannel', image, {
            command: ['/opt/bin/flanneld'],
            args: ['--ip-masq', '--kube-subnet-mgr'],
            resources: { requests: { cpu: '100m', memory: '50Mi' } },
            securityContext: { privileged: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
          }),
        ],
      },
    }),
  ];
}

function calico(): KubeObject[] {
  const v = 'v3.28.1';
  return [
    serviceAccount('calico-node', KUBE_SYSTEM),
    serviceAccount('calico-kube-controllers', KUBE_SYSTEM),
    daemonSet({
      name: 'calico-node',
      namespace: KUBE_SYSTEM,
      labels: { 'k8s-app': 'calico-node' },
      podLabels: { 'k8s-app': 'calico-node' },
      spec: {
        nodeSelector: LINUX_ONLY,
        hostNetwork: true,
        tolerations: [NO_SCHEDULE_ALL, CRITICAL_ADDONS, NO_EXECUTE_ALL],
        serviceAccountName: 'calico-node',
        terminationGracePeriodSeconds: 0,
        priorityClassName: 'system-node-critical',
        initContainers: [
          container('upgrade-ipam', `docker.io/calico/cni:${v}`),
          container('install-cni', `docker.io/calico/cni:${v}`),
          container('mount-bpffs', `docker.io/calico/node:${v}`),
        ],
        containers: [
          container('calico-node', `docker.io/calico/node:${v}`, {
            securityContext: { privileged: true },
            resources: { requests: { cpu: '250m' } },
          }),
        ],
      },
    }),
    deployment(
      {
        name: 'calico-kube-controllers',
        namespace: KUBE_SYSTEM,
        labels: { 'k8s-app': 'calico-kube-controllers' },
        podLabels: { 'k8s-app': 'calico-kube-controllers' },
        spec: {
          nodeSelector: LINUX_ONLY,
          tolerations: [CRITICAL_ADDONS, CONTROL_PLANE],
          serviceAccountName: 'calico-kube-controllers',
          priorityClassName: 'system-cluster-critical',
          containers: [container('calico-kube-controllers', `docker.io/calico/kube-controllers:${v}`)],
        },
      },
      1,
      { type: 'Recreate' },
    ),
  ];
}

function cilium(): KubeObject[] {
  const v = 'v1.16.1';
  return [
    serviceAccount('cilium', KUBE_SYSTEM),
    serviceAccount('cilium-operator', KUBE_SYSTEM),
    daemonSet({
      name: 'cilium',
      namespace: KUBE_SYSTEM,
      labels: {
        'k8s-app': 'cilium',
        'app.kubernetes.io/name': 'cilium-agent',
        'app.kubernetes.io/part-of': 'cilium',
      },
      podLabels: { 'k8s-app': 'cilium' },
      spec: {
        containers: [container('cilium-agent', `quay.io/cilium/cilium:${v}`, { command: ['cilium-agent'] })],
        initContainers: [
          container('config', `quay.io/cilium/cilium:${v}`),
          container('install-cni-binaries', `quay.io/cilium/cilium:${v}`),
        ],
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        serviceAccountName: 'cilium',
        nodeSelector: LINUX_ONLY,
        tolerations: TOLERATE_ALL,
      },
    }),
    deployment(
      {
        name: 'cilium-operator',
        namespace: KUBE_SYSTEM,
        labels: {
          'io.cilium/app': 'operator',
          name: 'cilium-operator',
          'app.kubernetes.io/name': 'cilium-operator',
          'app.kubernetes.io/part-of': 'cilium',
        },
        podLabels: { 'io.cilium/app': 'operator', name: 'cilium-operator' },
        spec: {
          containers: [
            container('cilium-operator', `quay.io/cilium/operator-generic:${v}`, {
              command: ['cilium-operator-generic'],
            }),
          ],
          hostNetwork: true,
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'cilium-operator',
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                {
                  labelSelector: { matchLabels: { 'io.cilium/app': 'operator' } },
                  topologyKey: 'kubernetes.io/hostname',
                },
              ],
            },
          },
          nodeSelector: LINUX_ONLY,
          tolerations: TOLERATE_ALL,
        },
      },
      2,
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '50%' } },
    ),
  ];
}

function antrea(): KubeObject[] {
  const v = 'v2.1.0';
  return [
    serviceAccount('antrea-agent', KUBE_SYSTEM),
    serviceAccount('antrea-controller', KUBE_SYSTEM),
    daemonSet(
      {
        name: 'antrea-agent',
        namespace: KUBE_SYSTEM,
        labels: { app: 'antrea', component: 'antrea-agent' },
        podLabels: { app: 'antrea', component: 'antrea-agent' },
        spec: {
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          nodeSelector: LINUX_ONLY,
          tolerations: [CRITICAL_ADDONS, NO_SCHEDULE_ALL, NO_EXECUTE_ALL],
          serviceAccountName: 'antrea-agent',
          initContainers: [container('install-cni', `antrea/antrea-agent-ubuntu:${v}`)],
          containers: [
            container('antrea-agent', `antrea/antrea-agent-ubuntu:${v}`, {
              resources: { requests: { cpu: '200m' } },
            }),
            container('antrea-ovs', `antrea/antrea-agent-ubuntu:${v}`, {
              resources: { requests: { cpu: '200m' } },
            }),
          ],
        },
      },
      { type: 'RollingUpdate' },
    ),
    deployment(
      {
        name: 'antrea-controller',
        namespace: KUBE_SYSTEM,
        labels: { app: 'antrea', component: 'antrea-controller' },
        podLabels: { app: 'antrea', component: 'antrea-controller' },
        spec: {
          hostNetwork: true,
          priorityClassName: 'system-cluster-critical',
          nodeSelector: LINUX_ONLY,
          tolerations: [
            CRITICAL_ADDONS,
            { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
            CONTROL_PLANE,
          ],
          serviceAccountName: 'antrea-controller',
          containers: [
            container('antrea-controller', `antrea/antrea-controller-ubuntu:${v}`, {
              resources: { requests: { cpu: '200m' } },
            }),
          ],
        },
      },
      1,
      { type: 'Recreate' },
    ),
  ];
}

function weave(): KubeObject[] {
  const v = '2.8.1';
  return [
    serviceAccount('weave-net', KUBE_SYSTEM),
    daemonSet(
      {
        name: 'weave-net',
        namespace: KUBE_SYSTEM,
        labels: { name: 'weave-net' },
        podLabels: { name: 'weave-net' },
        spec: {
          initContainers: [container('weave-init', `ghcr.io/weaveworks/launcher/weave-kube:${v}`)],
          containers: [
            container('weave', `ghcr.io/weaveworks/launcher/weave-kube:${v}`, {
              resources: { requests: { cpu: '50m' } },
            }),
            container('weave-npc', `ghcr.io/weaveworks/launcher/weave-npc:${v}`, {
              resources: { requests: { cpu: '50m' } },
            }),
          ],
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'weave-net',
          tolerations: [NO_SCHEDULE_ALL, NO_EXECUTE_ALL],
        },
      },
      { type: 'RollingUpdate' },
    ),
  ];
}

const BY_CNI: Readonly<Record<CniName, () => KubeObject[]>> = { flannel, calico, cilium, antrea, weave };

/** the objects the CNI's manifest creates (namespace, ServiceAccounts, agent DaemonSet, controller Deployment) */
export function cniObjects(cni: CniName): KubeObject[] {
  return BY_CNI[cni]();
}

/** namespace and name of the CNI's node agent DaemonSet */
export function cniAgent(cni: CniName): { namespace: string; name: string } {
  const ds = cniObjects(cni).find((o) => o.kind === 'DaemonSet') as KubeObject;
  return { namespace: ds.metadata.namespace ?? '', name: ds.metadata.name ?? '' };
}
