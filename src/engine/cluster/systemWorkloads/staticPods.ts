// The control-plane static pods kubeadm writes to /etc/kubernetes/manifests, as the kubelet mirrors them into the
// API server (cmd/kubeadm/app/phases/controlplane/manifests.go, phases/etcd/local.go; pkg/kubelet/pod/mirror_client.go:
// config.mirror/config.source annotations and a controller ownerReference to the Node).
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../types';
import type { KubeObject } from '../../types/object';
import { CONTROL_PLANE_NODE, KUBELET_VERSION, nodeInternalIP } from '../nodeObject';
import { KUBE_SYSTEM } from './objects';

interface StaticPodDef {
  component: string;
  image: string;
  requests: Record<string, string>;
  command: string[];
  probePort: number;
  probePath: string;
  extraAnnotations?: Record<string, string>;
}

function defs(): StaticPodDef[] {
  const ip = nodeInternalIP(0);
  return [
    {
      component: 'etcd',
      image: 'registry.k8s.io/etcd:3.6.6-0',
      requests: { cpu: '100m', memory: '100Mi' },
      command: [
        'etcd',
        `--advertise-client-urls=https://${ip}:2379`,
        '--data-dir=/var/lib/etcd',
        `--name=${CONTROL_PLANE_NODE}`,
      ],
      probePort: 2381,
      probePath: '/livez',
      extraAnnotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    },
    {
      component: 'kube-apiserver',
      image: `registry.k8s.io/kube-apiserver:${KUBELET_VERSION}`,
      requests: { cpu: '250m' },
      command: [
        'kube-apiserver',
        `--advertise-address=${ip}`,
        '--secure-port=6443',
        '--service-cluster-ip-range=10.96.0.0/16',
      ],
      probePort: 6443,
      probePath: '/livez',
      extraAnnotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
    },
    {
      component: 'kube-controller-manager',
      image: `registry.k8s.io/kube-controller-manager:${KUBELET_VERSION}`,
      requests: { cpu: '200m' },
      command: [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--cluster-cidr=10.244.0.0/16',
        '--leader-elect=true',
      ],
      probePort: 10257,
      probePath: '/healthz',
    },
    {
      component: 'kube-scheduler',
      image: `registry.k8s.io/kube-scheduler:${KUBELET_VERSION}`,
      requests: { cpu: '100m' },
      command: ['kube-scheduler', '--bind-address=127.0.0.1', '--leader-elect=true'],
      probePort: 10259,
      probePath: '/healthz',
    },
    {
      // the simulated cloud's cloud-controller-manager (controllers/cloudnode, cloudnodelifecycle, route,
      // cloudservice), run beside the control plane as providers' manifests do (secure port 10258)
      component: 'cloud-controller-manager',
      image: `kubesim/cloud-controller-manager:${KUBELET_VERSION}`,
      requests: { cpu: '100m' },
      command: [
        'cloud-controller-manager',
        '--cloud-provider=kubesim',
        '--configure-cloud-routes=true',
        '--cluster-cidr=10.244.0.0/16',
        '--leader-elect=true',
      ],
      probePort: 10258,
      probePath: '/healthz',
    },
  ];
}

function staticPod(
  d: StaticPodDef,
  node: Readonly<KubeObject>,
  configHash: string,
  seen: string,
): KubeObject {
  const scheme = d.component === 'etcd' ? 'HTTP' : 'HTTPS';
  const host = d.component === 'kube-apiserver' ? nodeInternalIP(0) : '127.0.0.1';
  const probe = {
    httpGet: { host, path: d.probePath, port: d.probePort, scheme },
    initialDelaySeconds: 10,
    timeoutSeconds: 15,
    failureThreshold: 8,
    periodSeconds: 10,
  };
  const c: Container = {
    name: d.component,
    image: d.image,
    imagePullPolicy: 'IfNotPresent',
    command: d.command,
    resources: { requests: d.requests },
    livenessProbe: probe,
    startupProbe: { ...probe, failureThreshold: 24 },
    ...(d.component === 'kube-apiserver'
      ? {
          readinessProbe: {
            httpGet: { host, path: '/readyz', port: 6443, scheme },
            timeoutSeconds: 15,
            periodSeconds: 1,
            failureThreshold: 3,
          },
        }
      : {}),
  };
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${d.component}-${node.metadata.name ?? ''}`,
      namespace: KUBE_SYSTEM,
      labels: { component: d.component, tier: 'control-plane' },
      annotations: {
        ...(d.extraAnnotations ?? {}),
        'kubernetes.io/config.hash': configHash,
        'kubernetes.io/config.mirror': configHash,
        'kubernetes.io/config.seen': seen,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Node',
          name: node.metadata.name ?? '',
          uid: node.metadata.uid ?? '',
          controller: true,
        },
      ],
    },
    spec: {
      nodeName: node.metadata.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      containers: [c],
    },
  };
  return pod as KubeObject;
}

/** the mirror pods for the control-plane node, bound to it from the start; undefined node = none */
export function staticPodObjects(rt: ClusterRuntime): KubeObject[] {
  let node: KubeObject;
  try {
    node = rt.api.get('nodes', undefined, CONTROL_PLANE_NODE);
  } catch {
    return [];
  }
  const rng = rt.sim.rng.fork('static-pods');
  const seen = rt.sim.clock.toRfc3339(rt.sim.clock.nowMs()).replace(/Z$/, '.000000000Z');
  return defs().map((d) => staticPod(d, node, rng.uuid().replace(/-/g, ''), seen));
}
