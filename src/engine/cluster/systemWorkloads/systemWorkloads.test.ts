// kube-system after createSystemWorkloads: the objects kubeadm creates, and the pods once the control plane settles.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';
import type { CniName } from '../types';
import { controllerManagerComponents } from '../../controllers/manager';
import { daemonSetController } from '../../controllers/daemonset/index';
import { deploymentController } from '../../controllers/deployment/index';
import { replicaSetController } from '../../controllers/replicaset/index';
import { garbageCollectorController } from '../../controllers/garbagecollector/index';
import { schedulerComponents } from '../../scheduler/index';
import { kubeletComponent } from '../../kubelet/index';
import { cniAgent, createSystemWorkloads } from './index';

function cluster(cni: CniName = 'flannel', nodes = 3): Cluster {
  const c = createCluster({ seed: 3, nodes, cni });
  createSystemWorkloads(c.runtime);
  for (const comp of controllerManagerComponents([
    daemonSetController,
    deploymentController,
    replicaSetController,
    garbageCollectorController,
  ]))
    c.runtime.addComponent(comp);
  for (const s of schedulerComponents()) c.runtime.addComponent(s);
  c.runtime.addComponent(kubeletComponent());
  c.runtime.sim.settle(2 * 60_000);
  return c;
}

const pods = (c: Cluster, ns: string) => c.runtime.api.list('pods', ns).items as unknown as Pod[];
const prefixCount = (ps: Pod[], prefix: string) =>
  ps.filter((p) => p.metadata?.name?.startsWith(prefix)).length;

describe('createSystemWorkloads (kubeadm/kind kube-system)', () => {
  const c = cluster();
  const api = c.runtime.api;

  it('creates the built-in PriorityClasses with their values', () => {
    expect(api.get('priorityclasses', undefined, 'system-node-critical').value).toBe(2000001000);
    expect(api.get('priorityclasses', undefined, 'system-cluster-critical').value).toBe(2000000000);
  });

  it('creates kube-dns at 10.96.0.10 with dns/dns-tcp/metrics ports and the kubeadm Corefile', () => {
    const svc = api.get('services', 'kube-system', 'kube-dns').spec as {
      clusterIP: string;
      ports: { name: string; port: number; protocol: string }[];
    };
    expect(svc.clusterIP).toBe('10.96.0.10');
    expect(svc.ports.map((p) => `${p.name}:${p.port}/${p.protocol}`)).toEqual([
      'dns:53/UDP',
      'dns-tcp:53/TCP',
      'metrics:9153/TCP',
    ]);
    const cm = api.get('configmaps', 'kube-system', 'coredns').data as { Corefile: string };
    expect(cm.Corefile).toContain('kubernetes cluster.local in-addr.arpa ip6.arpa {');
    expect(cm.Corefile).toContain('forward . /etc/resolv.conf {');
  });

  it('settles to coredns x2, kube-proxy on every node, the flannel agent per node and 5 static pods, all Running', () => {
    const sys = pods(c, 'kube-system');
    expect(prefixCount(sys, 'coredns-')).toBe(2);
    const proxies = sys.filter((p) => p.metadata?.name?.startsWith('kube-proxy-'));
    expect(proxies.map((p) => p.spec?.nodeName).sort()).toEqual([
      'control-plane',
      'node-1',
      'node-2',
      'node-3',
    ]);
    expect(
      pods(c, 'kube-flannel')
        .map((p) => p.spec?.nodeName)
        .sort(),
    ).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    for (const name of [
      'etcd',
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
      'cloud-controller-manager',
    ]) {
      const p = api.get('pods', 'kube-system', `${name}-control-plane`) as unknown as Pod;
      expect(p.metadata?.annotations?.['kubernetes.io/config.source']).toBe('file');
      expect(p.metadata?.ownerReferences?.[0]).toMatchObject({
        kind: 'Node',
        name: 'control-plane',
        controller: true,
      });
      expect(p.spec?.priority).toBe(2000001000);
    }
    expect(sys).toHaveLength(2 + 4 + 5);
    expect(
      [...sys, ...pods(c, 'kube-flannel')]
        .filter((p) => p.status?.phase !== 'Running')
        .map((p) => p.metadata?.name),
    ).toEqual([]);
  });

  it('kubectl get pods -n kube-system lists them like kind does', () => {
    const out = c.run('kubectl get pods -n kube-system').stdout;
    expect(out.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(out).toMatch(/^etcd-control-plane\s+1\/1\s+Running/m);
    expect(out).toMatch(/^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}\s+1\/1\s+Running/m);
    expect(out).toMatch(
      /^coredns-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}\s+1\/1\s+Running/m,
    );
  });
});

describe('CNI agents per rt.options.cni', () => {
  const cases: { cni: CniName; agent: string; ns: string; deployment?: string }[] = [
    { cni: 'calico', agent: 'calico-node', ns: 'kube-system', deployment: 'calico-kube-controllers' },
    { cni: 'cilium', agent: 'cilium', ns: 'kube-system', deployment: 'cilium-operator' },
    { cni: 'antrea', agent: 'antrea-agent', ns: 'kube-system', deployment: 'antrea-controller' },
    { cni: 'weave', agent: 'weave-net', ns: 'kube-system' },
    { cni: 'flannel', agent: 'kube-flannel-ds', ns: 'kube-flannel' },
  ];
  for (const k of cases) {
    it(`${k.cni}: DaemonSet ${k.ns}/${k.agent} runs on every node${k.deployment ? ` and Deployment ${k.deployment} exists` : ''}`, () => {
      expect(cniAgent(k.cni)).toEqual({ namespace: k.ns, name: k.agent });
      const c = cluster(k.cni, 2);
      const agents = pods(c, k.ns).filter(
        (p) =>
          p.metadata?.name?.startsWith(`${k.agent}-`) &&
          p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet',
      );
      expect(agents.map((p) => p.spec?.nodeName).sort()).toEqual(['control-plane', 'node-1', 'node-2']);
      if (k.deployment)
        expect(c.runtime.api.get('deployments', 'kube-system', k.deployment).metadata.name).toBe(
          k.deployment,
        );
    });
  }
});
