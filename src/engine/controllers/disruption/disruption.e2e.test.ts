// The disruption controller end to end: PDB status follows the pods and the scale of their controllers.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';

const pdb = (name: string, spec: string, app: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
${spec}
  selector:
    matchLabels:
      app: ${app}
`;

const status = (c: Cluster, name: string) =>
  JSON.parse(c.run(`kubectl get pdb ${name} -o jsonpath={.status}`).stdout) as Record<string, unknown> & {
    conditions?: { type: string; status: string; reason: string; message: string }[];
  };

describe('disruption controller', () => {
  it('resolves a percentage against the Deployment scale and follows a scale-up', () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    c.run('kubectl create deployment web --image=nginx --replicas=4');
    expect(c.run('kubectl apply -f -', pdb('web', '  maxUnavailable: 25%', 'web')).code).toBe(0);
    c.run('sim settle');
    expect(status(c, 'web')).toMatchObject({
      expectedPods: 4,
      desiredHealthy: 3,
      currentHealthy: 4,
      disruptionsAllowed: 1,
      observedGeneration: 1,
    });
    expect(status(c, 'web').conditions?.[0]).toMatchObject({
      type: 'DisruptionAllowed',
      status: 'True',
      reason: 'SufficientPods',
    });
    c.run('kubectl scale deployment web --replicas=8');
    c.run('sim settle');
    // 25% of 8 rounds up to 2 unavailable
    expect(status(c, 'web')).toMatchObject({
      expectedPods: 8,
      desiredHealthy: 6,
      currentHealthy: 8,
      disruptionsAllowed: 2,
    });
    expect(c.run('kubectl get pdb web').stdout).toMatch(/^web\s+N\/A\s+25%\s+2\s+\S+$/m);
  });

  it('a PDB that selects nothing allows nothing and says so in an event', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    c.run('kubectl apply -f -', pdb('none', '  minAvailable: 1', 'nothing-here'));
    c.run('sim settle');
    expect(status(c, 'none')).toMatchObject({
      expectedPods: 0,
      currentHealthy: 0,
      desiredHealthy: 1,
      disruptionsAllowed: 0,
    });
    expect(status(c, 'none').conditions?.[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
    expect(c.run('kubectl describe pdb none').stdout).toMatch(/Normal\s+NoPods\s+.*No matching pods found/);
  });

  it('fails safe (SyncFailed) for a percentage over DaemonSet pods, which have no scale subresource', () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    const manifest = pdb('proxy', '  minAvailable: 50%', 'x')
      .replace('name: proxy', 'name: proxy\n  namespace: kube-system')
      .replace('app: x', 'k8s-app: kube-proxy');
    expect(c.run('kubectl apply -f -', manifest).code).toBe(0);
    c.run('sim settle');
    const s = JSON.parse(c.run('kubectl get pdb proxy -n kube-system -o jsonpath={.status}').stdout) as {
      disruptionsAllowed: number;
      conditions: { status: string; reason: string; message: string }[];
    };
    expect(s.disruptionsAllowed).toBe(0);
    expect(s.conditions[0]).toMatchObject({
      status: 'False',
      reason: 'SyncFailed',
      message: 'daemonsets.apps does not implement the scale subresource',
    });
    expect(c.run('kubectl describe pdb proxy -n kube-system').stdout).toMatch(
      /Warning\s+CalculateExpectedPodCountFailed\s+.*Failed to calculate the number of expected pods: daemonsets\.apps does not implement the scale subresource/,
    );
  });
});
