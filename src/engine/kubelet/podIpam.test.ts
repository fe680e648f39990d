// Pod IPs come from the cluster's CNI plugin (kubelet CNI ADD), hostNetwork pods share the node's IP, and an IP is
// handed back on CNI DEL so a later pod can get it.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { CniName } from '../cluster/types';

function podIPs(cni: CniName): { app: string[]; proxy: { ip: string; host: string }[] } {
  const c = createCluster({ seed: 3, cni });
  c.run('kubectl create deployment web --image=nginx --replicas=4');
  c.run('sim settle');
  const out = c.run('kubectl get pods -A -o json');
  const items = (
    JSON.parse(out.stdout) as {
      items: { metadata: { name: string }; status: { podIP?: string; hostIP?: string } }[];
    }
  ).items;
  return {
    app: items.filter((p) => p.metadata.name.startsWith('web-')).map((p) => p.status.podIP ?? ''),
    proxy: items
      .filter((p) => p.metadata.name.startsWith('kube-proxy-'))
      .map((p) => ({ ip: p.status.podIP ?? '', host: p.status.hostIP ?? '' })),
  };
}

describe('kubelet pod IPs from the CNI plugin', () => {
  it.each([
    { cni: 'flannel' as const, pattern: /^10\.244\.\d+\.\d+$/ },
    { cni: 'calico' as const, pattern: /^192\.168\.\d+\.\d+$/ },
    { cni: 'cilium' as const, pattern: /^10\.0\.\d+\.\d+$/ },
    { cni: 'antrea' as const, pattern: /^10\.244\.\d+\.\d+$/ },
    { cni: 'weave' as const, pattern: /^10\.(3[2-9]|4[0-7])\.\d+\.\d+$/ },
  ])('$cni: app pods get IPs from its IPAM, all distinct', ({ cni, pattern }) => {
    const { app } = podIPs(cni);
    expect(app).toHaveLength(4);
    for (const ip of app) expect(ip).toMatch(pattern);
    expect(new Set(app).size).toBe(4);
  });

  it('hostNetwork pods (kube-proxy) have their node IP as pod IP', () => {
    const { proxy } = podIPs('calico');
    expect(proxy.length).toBeGreaterThan(0);
    for (const p of proxy) {
      expect(p.ip).toBe(p.host);
      expect(p.ip).not.toMatch(/^192\.168\./);
    }
  });

  it('a deleted pod gives its IP back to the CNI (calico block reused, no leak)', () => {
    const c = createCluster({ seed: 5, cni: 'calico' });
    const pod = (name: string): string =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  nodeName: node-1\n  containers: [{name: c, image: nginx}]\n`;
    c.run('kubectl apply -f -', pod('a'));
    c.run('sim settle');
    const ipOf = (name: string): string =>
      (JSON.parse(c.run(`kubectl get pod ${name} -o json`).stdout) as { status: { podIP: string } }).status
        .podIP;
    const first = ipOf('a');
    c.run('kubectl delete pod a');
    c.run('sim settle');
    c.run('kubectl apply -f -', pod('b'));
    c.run('sim settle');
    // calico-ipam takes the lowest free address of the node's block: the freed one
    expect(ipOf('b')).toBe(first);
  });
});
