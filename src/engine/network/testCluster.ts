// Test support: a cluster with pods, services and EndpointSlices created through kubectl / the API, statuses set by
// hand (so the network models are tested whatever the kubelet and controllers do), and the network commands run.
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../index';
import { parseArgs, tokenize } from '../commands/args';
import type { CommandResult, CommandSpec } from '../commands/types';
import { execCommand } from '../commands/kubectl/exec';
import { networkSimCommands } from '../commands/sim/cni';
import type { CniName } from '../cluster/types';
import type { KubeObject } from '../types/object';
import { defaultKubeConfig } from '../commands/kubectl/config/kubeconfig';

const ctx = { actor: 'test' };

export interface PodSpecLite {
  name: string;
  ns?: string;
  node: string;
  ip: string;
  labels?: Record<string, string>;
  ready?: boolean;
  phase?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  hostname?: string;
  subdomain?: string;
}

export class NetTestCluster {
  readonly c: Cluster;
  constructor(cni: CniName = 'calico') {
    this.c = createCluster({ nodes: 2, cni });
  }
  get rt() {
    return this.c.runtime;
  }

  apply(obj: object): void {
    const r = this.c.run('kubectl apply -f -', JSON.stringify(obj));
    if (r.code !== 0) throw new Error(r.stderr);
  }

  pod(p: PodSpecLite): void {
    const ns = p.ns ?? 'default';
    this.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: p.name, namespace: ns, labels: p.labels ?? {} },
      spec: {
        nodeName: p.node,
        hostname: p.hostname,
        subdomain: p.subdomain,
        containers: [{ name: 'app', image: 'nginx', ports: p.ports }],
      },
    });
    const cur = this.rt.api.get('pods', ns, p.name) as unknown as Pod;
    const ready = p.ready ?? true;
    this.rt.api.updateStatus(
      'pods',
      ns,
      {
        ...(structuredClone(cur) as unknown as KubeObject),
        status: {
          phase: p.phase ?? 'Running',
          podIP: p.ip,
          podIPs: [{ ip: p.ip }],
          conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
        },
      },
      ctx,
    );
  }

  /** a Service without selector plus its EndpointSlice from the given pods (so no controller interferes) */
  service(
    name: string,
    spec: Record<string, unknown>,
    pods: PodSpecLite[],
    ns = 'default',
    portName = 'http',
    targetPort = 80,
    protocol = 'TCP',
  ): void {
    this.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec });
    this.apply({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${name}-manual`,
        namespace: ns,
        labels: { 'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': 'test' },
      },
      addressType: 'IPv4',
      ports: [{ name: portName, port: targetPort, protocol }],
      endpoints: pods.map((p) => ({
        addresses: [p.ip],
        nodeName: p.node,
        hostname: p.hostname,
        conditions: { ready: p.ready ?? true },
        targetRef: { kind: 'Pod', namespace: ns, name: p.name },
      })),
    });
  }

  /** a Ready CoreDNS pod behind kube-system/kube-dns 10.96.0.10 */
  dns(ready = true): void {
    const p: PodSpecLite = {
      name: 'coredns-test',
      ns: 'kube-system',
      node: 'node-1',
      ip: '10.244.1.250',
      ready,
      labels: { 'k8s-app': 'kube-dns' },
      ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }],
    };
    this.pod(p);
    let hasSvc = true;
    try {
      this.rt.api.get('services', 'kube-system', 'kube-dns');
    } catch {
      hasSvc = false;
    }
    if (!hasSvc)
      this.apply({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kube-dns', namespace: 'kube-system' },
        spec: { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] },
      });
    this.apply({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'kube-dns-manual',
        namespace: 'kube-system',
        labels: {
          'kubernetes.io/service-name': 'kube-dns',
          'endpointslice.kubernetes.io/managed-by': 'test',
        },
      },
      addressType: 'IPv4',
      ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
      endpoints: [
        {
          addresses: [p.ip],
          nodeName: p.node,
          conditions: { ready },
          targetRef: { kind: 'Pod', namespace: 'kube-system', name: p.name },
        },
      ],
    });
  }

  private runSpec(spec: CommandSpec, words: string[]): CommandResult {
    return spec.run(parseArgs(words, spec.flags), {
      rt: this.rt,
      stdin: undefined,
      kubeconfig: defaultKubeConfig(),
    });
  }

  exec(line: string): CommandResult {
    return this.runSpec(execCommand, tokenize(line));
  }

  sim(line: string): CommandResult {
    const words = tokenize(line);
    const spec = [...networkSimCommands]
      .sort((a, b) => b.path.length - a.path.length)
      .find((s) => s.path.every((w, i) => words[i] === w)) as CommandSpec;
    return this.runSpec(spec, words.slice(spec.path.length));
  }
}

export const WEB = (i: number, node: string, ready = true): PodSpecLite => ({
  name: `web-7d4b9c-${i}`,
  node,
  ip: `10.244.${node === 'node-1' ? 1 : 2}.${10 + i}`,
  labels: { app: 'web' },
  ready,
  ports: [{ name: 'http', containerPort: 80 }],
});
export const CLIENT: PodSpecLite = {
  name: 'client',
  node: 'node-1',
  ip: '10.244.1.100',
  labels: { app: 'client' },
};
