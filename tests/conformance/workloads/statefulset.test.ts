// StatefulSet conformance through kubectl: ordered creation and reverse-ordered scale-down, stable identity and
// storage (PVCs survive, data keeps growing, unlike an emptyDir), reverse-ordinal rolling update, partition
// (reference section 3, pkg/controller/statefulset).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/index';
import { Harness, isReady, isTerminating, names, readyTime, statefulSetYaml } from './harness';
import type { PodView } from './harness';

interface Claim extends KubeObject {
  spec: { volumeName?: string };
  status?: { phase?: string };
}

function start(seed: number, replicas = 3, extra = ''): Harness {
  const h = new Harness({ seed });
  h.run('sim settle');
  h.apply(statefulSetYaml('web', replicas, 'nginx:1.27', extra));
  h.settle();
  return h;
}

function byName(h: Harness): Map<string, PodView> {
  return new Map(h.pods('app=web').map((p) => [p.metadata.name ?? '', p]));
}

function imageOf(p: PodView | undefined): string {
  return (p?.spec as { containers?: { image: string }[] } | undefined)?.containers?.[0]?.image ?? '';
}

/** the write counter `sim volume show` prints for a claim or pod/NAME */
function writes(h: Harness, target: string): number {
  const out = h.run(`sim volume show ${target}`).stdout;
  const m = /(\d+) writes/.exec(out);
  if (!m) throw new Error(`no write count in:\n${out}`);
  return Number(m[1]);
}

describe('StatefulSet', () => {
  it('creates web-0, web-1, web-2 in order, each only once the previous one is Running and Ready', () => {
    const h = new Harness({ seed: 31 });
    h.run('sim settle');
    h.apply(statefulSetYaml('web', 3, 'nginx:1.27'));
    const firstSeen = new Map<string, number>();
    h.settle(
      120_000,
      () => {
        const pods = byName(h);
        for (const [n] of pods) if (!firstSeen.has(n)) firstSeen.set(n, h.c.nowMs());
        for (let i = 1; i < 3; i++) {
          if (!pods.has(`web-${i}`)) continue;
          const prev = pods.get(`web-${i - 1}`);
          expect(prev?.status?.phase, `t=${h.t()}: web-${i} exists before web-${i - 1} runs`).toBe('Running');
          expect(prev && isReady(prev), `t=${h.t()}: web-${i} exists before web-${i - 1} is Ready`).toBe(
            true,
          );
        }
      },
      250,
    );
    const pods = byName(h);
    expect([...pods.keys()].sort()).toEqual(['web-0', 'web-1', 'web-2']);
    const seen = ['web-0', 'web-1', 'web-2'].map((n) => firstSeen.get(n) ?? -1);
    expect(seen[0]).toBeLessThan(seen[1] as number);
    expect(seen[1]).toBeLessThan(seen[2] as number);
    for (const i of [1, 2]) {
      const created = Date.parse(pods.get(`web-${i}`)?.metadata.creationTimestamp ?? '');
      const prevReady = Date.parse(readyTime(pods.get(`web-${i - 1}`) as PodView) ?? '');
      expect(created).toBeGreaterThanOrEqual(prevReady);
    }
  });

  it('gives each pod a stable identity: hostname, subdomain, pod-name label and its own claim data-web-N', () => {
    const h = start(32);
    for (const [name, p] of byName(h)) {
      expect(p.spec.hostname).toBe(name);
      expect(p.spec.subdomain).toBe('web');
      expect(p.metadata.labels?.['statefulset.kubernetes.io/pod-name']).toBe(name);
      expect(p.spec.volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe(
        `data-${name}`,
      );
    }
    const claims = h.list<Claim>('pvc');
    expect(names(claims)).toEqual(['data-web-0', 'data-web-1', 'data-web-2']);
    expect(claims.every((c) => c.status?.phase === 'Bound')).toBe(true);
    // deleting a pod brings back the same name, the same claim and the same volume
    const pv = claims.find((c) => c.metadata.name === 'data-web-1')?.spec.volumeName;
    const uid = byName(h).get('web-1')?.metadata.uid;
    h.run('kubectl delete pod web-1');
    h.settle();
    const again = byName(h).get('web-1') as PodView;
    expect(again.metadata.uid).not.toBe(uid);
    expect(again.spec.hostname).toBe('web-1');
    expect(isReady(again)).toBe(true);
    expect(h.get<Claim>('pvc', 'data-web-1')?.spec.volumeName).toBe(pv);
  });

  it('scales down in reverse ordinal order, one at a time, and keeps the claims for a later scale-up', () => {
    const h = start(33);
    const volumes = new Map(h.list<Claim>('pvc').map((c) => [c.metadata.name ?? '', c.spec.volumeName]));
    const goneAt = new Map<string, number>();
    h.run('kubectl scale statefulset web --replicas=1');
    h.settle(
      120_000,
      () => {
        const pods = byName(h);
        for (const n of ['web-1', 'web-2']) if (!pods.has(n) && !goneAt.has(n)) goneAt.set(n, h.c.nowMs());
        // web-1 is not touched while web-2 still exists (even terminating)
        if (pods.has('web-2')) expect(isTerminating(pods.get('web-1') as PodView), `t=${h.t()}`).toBe(false);
        expect(pods.get('web-0') && !isTerminating(pods.get('web-0') as PodView)).toBe(true);
      },
      250,
    );
    expect([...byName(h).keys()]).toEqual(['web-0']);
    expect(goneAt.get('web-2')).toBeLessThan(goneAt.get('web-1') as number);
    // PersistentVolumeClaimRetentionPolicy defaults to Retain: all three claims survive
    expect(names(h.list('pvc'))).toEqual(['data-web-0', 'data-web-1', 'data-web-2']);
    h.run('kubectl scale statefulset web --replicas=3');
    h.settle();
    expect(names(h.pods('app=web'))).toEqual(['web-0', 'web-1', 'web-2']);
    for (const c of h.list<Claim>('pvc')) expect(c.spec.volumeName).toBe(volumes.get(c.metadata.name ?? ''));
  });

  it("keeps a pod's data across deletion, while a Deployment pod's emptyDir starts from zero", () => {
    const h = start(34, 1);
    h.apply(`apiVersion: apps/v1
kind: Deployment
metadata: { name: cache }
spec:
  replicas: 1
  selector: { matchLabels: { app: cache } }
  template:
    metadata: { labels: { app: cache } }
    spec:
      containers:
        - name: app
          image: nginx:1.27
          volumeMounts: [{ name: scratch, mountPath: /scratch }]
      volumes: [{ name: scratch, emptyDir: {} }]
`);
    h.advance(100_000);
    const before = writes(h, 'data-web-0');
    const cachePod = h.pods('app=cache')[0]?.metadata.name ?? '';
    const cacheBefore = writes(h, `pod/${cachePod}`);
    expect(before).toBeGreaterThanOrEqual(3);
    expect(cacheBefore).toBeGreaterThanOrEqual(3);
    h.run('kubectl delete pod web-0');
    h.run(`kubectl delete pod ${cachePod}`);
    h.settle();
    const newCache = h.pods('app=cache')[0]?.metadata.name ?? '';
    expect(newCache).not.toBe(cachePod);
    expect(writes(h, `pod/${newCache}`)).toBe(0);
    const afterRestart = writes(h, 'data-web-0');
    expect(afterRestart).toBeGreaterThanOrEqual(before);
    h.advance(65_000);
    expect(writes(h, 'data-web-0')).toBeGreaterThan(afterRestart);
    expect(writes(h, `pod/${newCache}`)).toBeLessThan(before); // the emptyDir started again from 0
    expect(h.run('sim volume show data-web-0').stdout).toMatch(/Mounted by:\s+web-0 \(Running\)/);
  });

  it('rolls an update in reverse ordinal order, one pod at a time', () => {
    const h = start(35);
    const order: string[] = [];
    h.run('kubectl set image statefulset/web app=nginx:1.28');
    h.settle(
      180_000,
      () => {
        const pods = byName(h);
        let down = 0;
        for (const [n, p] of pods) {
          if (imageOf(p) === 'nginx:1.28' && !order.includes(n)) order.push(n);
          if (isTerminating(p) || !isReady(p)) down++;
        }
        down += 3 - pods.size;
        expect(down, `t=${h.t()}: more than one pod down at once`).toBeLessThanOrEqual(1);
      },
      250,
    );
    expect(order).toEqual(['web-2', 'web-1', 'web-0']);
    expect([...byName(h).values()].every((p) => imageOf(p) === 'nginx:1.28' && isReady(p))).toBe(true);
  });

  it('with partition 2 updates only web-2; a deleted web-0 comes back at the old revision', () => {
    const h = start(36, 3, '  updateStrategy: { type: RollingUpdate, rollingUpdate: { partition: 2 } }\n');
    h.run('kubectl set image statefulset/web app=nginx:1.28');
    h.settle();
    const images = () => [...byName(h)].map(([n, p]) => `${n}=${imageOf(p)}`).sort();
    expect(images()).toEqual(['web-0=nginx:1.27', 'web-1=nginx:1.27', 'web-2=nginx:1.28']);
    h.run('kubectl delete pod web-0');
    h.settle();
    expect(images()).toEqual(['web-0=nginx:1.27', 'web-1=nginx:1.27', 'web-2=nginx:1.28']);
    h.run(`kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'`);
    h.settle();
    expect(images()).toEqual(['web-0=nginx:1.28', 'web-1=nginx:1.28', 'web-2=nginx:1.28']);
  });
});
