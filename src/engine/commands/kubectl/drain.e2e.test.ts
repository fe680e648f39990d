// `kubectl drain` through the eviction API against a PodDisruptionBudget, end to end through cluster.run:
// the drain retries every 5s on 429 and never takes the application below minAvailable.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../index';

const PDB = (spec: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
${spec}
  selector:
    matchLabels:
      app: web
`;

/** 3 web replicas, all on node-1 (node-2 and node-3 were cordoned while they were scheduled) */
function webOnNode1(): Cluster {
  const c = createCluster({ seed: 7, nodes: 3 });
  c.run('kubectl cordon node-2 node-3');
  c.run('kubectl create deployment web --image=nginx --replicas=3');
  c.run('sim settle');
  c.run('kubectl uncordon node-2 node-3');
  return c;
}

/** web pods the PDB counts as healthy: Ready and not being deleted */
function healthyWeb(c: Cluster): Pod[] {
  const pods = c.runtime.api.list('pods', 'default', { labelSelector: 'app=web' }).items as unknown as Pod[];
  return pods.filter(
    (p) =>
      !p.metadata?.deletionTimestamp &&
      (p.status?.conditions ?? []).some((x) => x.type === 'Ready' && x.status === 'True'),
  );
}

describe('kubectl drain with a PodDisruptionBudget', () => {
  it('waits for replacements to become Ready elsewhere, never leaving fewer than minAvailable', () => {
    const c = webOnNode1();
    expect(c.run('kubectl apply -f -', PDB('  minAvailable: 2')).code).toBe(0);
    c.run('sim settle');
    expect(c.run('kubectl get pdb').stdout).toBe(
      'NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\n' +
        'web-pdb   2               N/A               1                     0s\n',
    );
    let minHealthy = Infinity;
    const stop = c.watchAll(() => {
      minHealthy = Math.min(minHealthy, healthyWeb(c).length);
    });
    const start = c.nowMs();
    const r = c.run('kubectl drain node-1 --ignore-daemonsets');
    stop();
    expect(r.code).toBe(0);
    expect(minHealthy).toBe(2);
    expect(r.stdout).toMatch(/^node\/node-1 cordoned\n/);
    expect(r.stdout).toMatch(/node\/node-1 drained\n$/);
    expect(r.stdout.match(/^pod\/web-\S+ evicted$/gm)).toHaveLength(3);
    const retry =
      /^error when evicting pods\/"web-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.$/gm;
    expect(r.stderr.match(retry)?.length ?? 0).toBeGreaterThanOrEqual(2);
    // each retry re-announces the eviction, as kubectl's loop does
    expect(r.stdout.match(/^evicting pod default\/web-/gm)?.length ?? 0).toBeGreaterThan(3);
    // the last eviction had to wait for two replacements to start and pass readiness: many 5s rounds
    expect(c.nowMs() - start).toBeGreaterThan(10_000);
    const pods = c.run('kubectl get pods -l app=web -o wide').stdout;
    expect(pods).not.toContain('node-1');
    expect(healthyWeb(c).length).toBeGreaterThanOrEqual(2);
    c.run('sim settle');
    expect(c.run('kubectl get pdb web-pdb -o jsonpath={.status.disruptionsAllowed}').stdout).toBe('1');
  });

  it('gives up at --timeout with the global timeout error when the budget never allows an eviction', () => {
    const c = webOnNode1();
    c.run('kubectl apply -f -', PDB('  maxUnavailable: 0'));
    c.run('sim settle');
    expect(c.run('kubectl get pdb').stdout).toMatch(/^web-pdb\s+N\/A\s+0\s+0\s+/m);
    const r = c.run('kubectl drain node-1 --ignore-daemonsets --timeout=20s');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /error when evicting pods\/"web-[a-z0-9-]+" -n "default": global timeout reached: 20s/,
    );
    expect(r.stderr).toMatch(/There are pending pods in node "node-1" when an error occurred: /);
    expect(r.stderr).toMatch(/error: unable to drain node "node-1" due to error: /);
    expect(healthyWeb(c)).toHaveLength(3);
  });

  it('--disable-eviction deletes without asking the budget', () => {
    const c = webOnNode1();
    c.run('kubectl apply -f -', PDB('  maxUnavailable: 0'));
    c.run('sim settle');
    const r = c.run('kubectl drain node-1 --ignore-daemonsets --disable-eviction');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^pod\/web-\S+ deleted$/gm)).toHaveLength(3);
    expect(r.stdout).not.toContain('evicting pod');
  });

  it('describes the budget as kubectl does', () => {
    const c = webOnNode1();
    c.run('kubectl apply -f -', PDB('  minAvailable: 2'));
    c.run('sim settle');
    expect(c.run('kubectl describe pdb web-pdb').stdout).toBe(
      [
        'Name:           web-pdb',
        'Namespace:      default',
        'Min available:  2',
        'Selector:       app=web',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              3',
        '    Desired:              2',
        '    Total:                3',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });
});
