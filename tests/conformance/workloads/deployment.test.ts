// Deployment conformance through kubectl: naming, rolling update fenceposts at every step, Recreate, rollback and
// history, proportional scaling mid-rollout, and interchangeable pods (reference sections 1 and 2).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/index';
import { Harness, deploymentYaml, isReady, isTerminating, names } from './harness';
import type { PodView } from './harness';

// mirrors k8s.io/apimachinery/pkg/util/rand SafeEncodeString alphabet
const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';

interface RS extends KubeObject {
  spec: { replicas?: number; template: { spec: { containers: { image: string }[] } } };
  status?: { replicas?: number; availableReplicas?: number };
}

function rsOf(h: Harness, app: string): RS[] {
  return h.list<RS>('replicasets', `-l app=${app}`);
}

function hashOf(o: KubeObject): string {
  return o.metadata.labels?.['pod-template-hash'] ?? '';
}

function imageOf(rs: RS): string {
  return rs.spec.template.spec.containers[0]?.image ?? '';
}

function ready(h: Harness, image: string, replicas: number, extra = ''): Harness {
  h.run('sim settle');
  h.apply(deploymentYaml('web', replicas, image, extra));
  h.settle();
  return h;
}

describe('Deployment', () => {
  it('creates a ReplicaSet <name>-<hash> whose pods are named <rs>-<5 random chars>', () => {
    const h = ready(new Harness({ seed: 1 }), 'nginx:1.27', 3);
    const [rs, ...more] = rsOf(h, 'web');
    expect(more).toEqual([]);
    const hash = hashOf(rs as RS);
    expect(hash).toMatch(new RegExp(`^${SAFE}+$`));
    expect(rs?.metadata.name).toBe(`web-${hash}`);
    expect(rs?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      controller: true,
      blockOwnerDeletion: true,
    });
    const pods = h.pods('app=web');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-${SAFE}{5}$`));
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: `web-${hash}` });
      expect(p.status?.phase).toBe('Running');
    }
    const d = h.get('deployment', 'web');
    expect(d?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
  });

  it('rolls 10 replicas at 25%/25%: never more than 13 pods, never fewer than 8 available, at any step', () => {
    const h = ready(new Harness({ seed: 2 }), 'nginx:1.27', 10);
    // strict check at every store revision as well as after every 250ms step (terminating pods excluded: like
    // the Deployment controller, maxSurge bounds pods that are not being deleted)
    const live = new Map<string, PodView>();
    let maxPods = 0;
    let minAvailable = Infinity;
    const measure = () => {
      const ps = [...live.values()].filter((p) => !isTerminating(p));
      maxPods = Math.max(maxPods, ps.length);
      minAvailable = Math.min(minAvailable, ps.filter(isReady).length);
    };
    const stop = h.c.watchAll((events) => {
      for (const e of events) {
        if (!e.key.startsWith('/registry/pods/default/web-')) continue;
        if (e.type === 'DELETED') live.delete(e.key);
        else live.set(e.key, e.kv.value as PodView);
      }
      measure();
    });
    for (const p of h.pods('app=web')) live.set(`/registry/pods/default/${p.metadata.name ?? ''}`, p);
    const samples: string[] = [];
    h.run('kubectl set image deployment/web app=nginx:1.28');
    h.settle(
      300_000,
      () => {
        const pods = h.pods('app=web').filter((p) => !isTerminating(p));
        const available = pods.filter(isReady).length;
        samples.push(`t=${h.t()} pods=${pods.length} available=${available}`);
        expect(pods.length, samples.join('\n')).toBeLessThanOrEqual(13);
        expect(available, samples.join('\n')).toBeGreaterThanOrEqual(8);
      },
      250,
    );
    stop();
    expect(maxPods).toBeLessThanOrEqual(13);
    expect(maxPods).toBeGreaterThan(10); // it did surge
    expect(minAvailable).toBeGreaterThanOrEqual(8);
    expect(minAvailable).toBeLessThan(10); // and it did use its unavailability budget
    const rss = rsOf(h, 'web');
    expect(rss.map((r) => [imageOf(r), r.spec.replicas]).sort()).toEqual([
      ['nginx:1.27', 0],
      ['nginx:1.28', 10],
    ]);
    expect(
      h
        .pods('app=web')
        .every((p) =>
          p.metadata.name?.startsWith(`web-${hashOf(rss.find((r) => imageOf(r) === 'nginx:1.28') as RS)}-`),
        ),
    ).toBe(true);
    expect(h.run('kubectl rollout status deployment/web').stdout).toContain(
      'deployment "web" successfully rolled out',
    );
  });

  it('rollout undo returns to the previous template under a new revision; history lists the revisions', () => {
    const h = ready(new Harness({ seed: 3 }), 'nginx:1.27', 3);
    h.run('kubectl set image deployment/web app=nginx:1.28');
    h.settle();
    const v1 = rsOf(h, 'web').find((r) => imageOf(r) === 'nginx:1.27') as RS;
    const v1Name = v1.metadata.name;
    expect(v1.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    h.run('kubectl rollout undo deployment/web');
    h.settle();
    const d = h.get<KubeObject & { spec: { template: { spec: { containers: { image: string }[] } } } }>(
      'deployment',
      'web',
    );
    expect(d?.spec.template.spec.containers[0]?.image).toBe('nginx:1.27');
    expect(d?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    const back = rsOf(h, 'web').find((r) => imageOf(r) === 'nginx:1.27') as RS;
    // the old ReplicaSet is reused (same name/hash), renumbered, and remembers its old number
    expect(back.metadata.name).toBe(v1Name);
    expect(back.spec.replicas).toBe(3);
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    for (const p of h.pods('app=web')) expect(p.metadata.name?.startsWith(`${v1Name ?? ''}-`)).toBe(true);
    const history = h.run('kubectl rollout history deployment/web').stdout;
    expect(history).toMatch(/^deployment\.apps\/web\s*\nREVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>\n/);
    expect(h.run('kubectl rollout undo deployment/web --to-revision=9', undefined, true).stderr).toContain(
      'unable to find specified revision 9 in history',
    );
  });

  it('Recreate never runs old and new pods at the same time', () => {
    const strategy = '  strategy: { type: Recreate }\n';
    const h = ready(new Harness({ seed: 4 }), 'nginx:1.27', 4, strategy);
    const oldHash = hashOf(rsOf(h, 'web')[0] as RS);
    // every pod that is not terminal, terminating ones included (mirrors recreate.go oldPodsRunning: a deleted pod
    // counts until its phase is Succeeded/Failed), checked at every store revision and by kubectl after every step
    const live = new Map<string, string>();
    const running = (p: PodView) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
    for (const p of h.pods('app=web')) live.set(`/registry/pods/default/${p.metadata.name ?? ''}`, hashOf(p));
    let sawNone = false;
    let mixed = '';
    const stop = h.c.watchAll((events) => {
      for (const e of events) {
        if (!e.key.startsWith('/registry/pods/default/web-')) continue;
        if (e.type === 'DELETED' || !running(e.kv.value as PodView)) live.delete(e.key);
        else live.set(e.key, hashOf(e.kv.value));
      }
      const hashes = new Set(live.values());
      if (hashes.size === 0) sawNone = true;
      if (hashes.size > 1 && !mixed) mixed = `t=${h.t()}: ${[...live.keys()].join(' ')}`;
    });
    h.run('kubectl set image deployment/web app=nginx:1.28');
    h.settle(
      300_000,
      () => {
        const hashes = new Set(h.pods('app=web').filter(running).map(hashOf));
        expect(hashes.size, `t=${h.t()}: old and new pods together`).toBeLessThanOrEqual(1);
      },
      250,
    );
    stop();
    expect(mixed).toBe('');
    expect(sawNone).toBe(true); // all old pods were gone before any new one was created
    const pods = h.pods('app=web');
    expect(pods.filter(isReady)).toHaveLength(4);
    expect(pods.every((p) => hashOf(p) !== oldHash)).toBe(true);
  });

  it('scales proportionally during a rollout (sync.go scale: 5/8 -> 10/15 of 25 allowed)', () => {
    const h = ready(new Harness({ seed: 5 }), 'nginx:1.27', 10);
    // the new template's readiness probe never succeeds: new 0->3 (surge), old 10->8 (13-8-3), new 3->5 (11<13),
    // then old cannot go lower (13-8-5 = 0), so the rollout is stuck at new 5 / old 8
    h.run(
      `kubectl patch deployment web -p '{"spec":{"template":{"metadata":{"annotations":{"kubesim.io/readiness":"fail"}},"spec":{"containers":[{"name":"app","readinessProbe":{"httpGet":{"path":"/","port":80}}}]}}}}'`,
    );
    h.advance(20_000);
    const before = rsOf(h, 'web');
    const newRs = () =>
      rsOf(h, 'web').find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2') as RS;
    const oldRs = () =>
      rsOf(h, 'web').find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === '1') as RS;
    expect(before).toHaveLength(2);
    expect([newRs().spec.replicas, oldRs().spec.replicas]).toEqual([5, 8]);
    h.run('kubectl scale deployment web --replicas=20');
    h.advance(20_000);
    // allowed = 20 + 5 surge = 25, toAdd 12; each RS grows by its share of 25/13 (max-replicas annotation),
    // bigger first: old round(8*25/13)-8 = 7 -> 15; new round(5*25/13)-5 = 5 -> 10; leftover 0. Then the rollout
    // cannot remove old pods (25-15-10 = 0): neither RS got everything, both grew in proportion
    expect(newRs().spec.replicas).toBe(10);
    expect(oldRs().spec.replicas).toBe(15);
    expect(newRs().metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('25');
    expect(newRs().metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('20');
    expect(oldRs().metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('20');
  });

  it('treats pods as interchangeable: a deleted pod is replaced under a new random name', () => {
    const h = ready(new Harness({ seed: 6 }), 'nginx:1.27', 3);
    const before = names(h.pods('app=web'));
    const victim = before[1] as string;
    h.run(`kubectl delete pod ${victim}`);
    h.settle();
    const after = names(h.pods('app=web'));
    expect(after).toHaveLength(3);
    expect(after).not.toContain(victim);
    const rsName = rsOf(h, 'web')[0]?.metadata.name ?? '';
    const fresh = after.filter((n) => !before.includes(n));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatch(new RegExp(`^${rsName}-${SAFE}{5}$`));
  });
});
