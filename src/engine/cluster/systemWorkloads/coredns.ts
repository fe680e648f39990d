// CoreDNS as kubeadm installs it (cmd/kubeadm/app/phases/addons/dns/manifests.go CoreDNSDeployment, CoreDNSConfigMap,
// KubeDNSService): a 2-replica Deployment `coredns`, the `coredns` ConfigMap with the default Corefile, Service `kube-dns`.
import type { KubeObject } from '../../types/object';
import { container, deployment, KUBE_SYSTEM, LINUX_ONLY, serviceAccount } from './objects';

export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.13.1';
export const KUBE_DNS_SERVICE_IP = '10.96.0.10';

/** kubeadm's default Corefile (CoreDNSConfigMap with DNSDomain cluster.local) */
export const DEFAULT_COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

const POD_LABELS = { 'k8s-app': 'kube-dns' };

function corednsDeployment(): KubeObject {
  return deployment(
    {
      name: 'coredns',
      namespace: KUBE_SYSTEM,
      labels: POD_LABELS,
      podLabels: POD_LABELS,
      spec: {
        priorityClassName: 'system-cluster-critical',
        serviceAccountName: 'coredns',
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                podAffinityTerm: {
                  labelSelector: {
                    matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }],
                  },
                  topologyKey: 'kubernetes.io/hostname',
                },
              },
            ],
          },
        },
        tolerations: [
          { key: 'CriticalAddonsOnly', operator: 'Exists' },
          { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        ],
        nodeSelector: LINUX_ONLY,
        containers: [
          container('coredns', COREDNS_IMAGE, {
            resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            args: ['-conf', '/etc/coredns/Corefile'],
            volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
              { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
            ],
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
              readOnlyRootFilesystem: true,
            },
            livenessProbe: {
              httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
              initialDelaySeconds: 60,
              timeoutSeconds: 5,
              successThreshold: 1,
              failureThreshold: 5,
            },
            readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
          }),
        ],
        dnsPolicy: 'Default',
        volumes: [
          {
            name: 'config-volume',
            configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] },
          },
        ],
      },
    },
    2,
    { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
  );
}

function kubeDnsService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: KUBE_SYSTEM,
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      selector: POD_LABELS,
      clusterIP: KUBE_DNS_SERVICE_IP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  };
}

export function corednsObjects(): KubeObject[] {
  return [
    serviceAccount('coredns', KUBE_SYSTEM),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'coredns', namespace: KUBE_SYSTEM },
      data: { Corefile: DEFAULT_COREFILE },
    },
    corednsDeployment(),
    kubeDnsService(),
  ];
}
