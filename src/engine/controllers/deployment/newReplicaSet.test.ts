// Tests for the new ReplicaSet: FindNewReplicaSet (oldest equal template), names/labels/selector, annotations.
import { describe, expect, it } from 'vitest';
import {
  buildNewReplicaSet,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  setNewReplicaSetAnnotations,
} from './newReplicaSet';
import { newDeployment, newRS } from './testFixtures';

describe('findNewReplicaSet / findOldReplicaSets', () => {
  const d = newDeployment({ image: 'nginx:2' });
  it('picks the oldest RS whose template equals ignoring pod-template-hash', () => {
    const a = newRS('foo-a', 1, { image: 'nginx:2', createdSec: 20 });
    const b = newRS('foo-b', 1, { image: 'nginx:2', createdSec: 10 });
    const old = newRS('foo-old', 1, { image: 'nginx:1', createdSec: 5 });
    expect(findNewReplicaSet(d, [a, b, old])?.metadata?.name).toBe('foo-b');
    const [active, all] = findOldReplicaSets(d, [a, b, old, newRS('foo-zero', 0, { createdSec: 1 })]);
    expect(all.map((r) => r.metadata?.name).sort()).toEqual(['foo-a', 'foo-old', 'foo-zero']);
    expect(active.map((r) => r.metadata?.name).sort()).toEqual(['foo-a', 'foo-old']);
  });
  it('equalIgnoreHash ignores only the hash label', () => {
    const t = d.spec?.template;
    expect(equalIgnoreHash(t, { ...t, metadata: { labels: { app: 'foo', 'pod-template-hash': 'x' } } })).toBe(
      true,
    );
    expect(equalIgnoreHash(t, { ...t, metadata: { labels: { app: 'foo', extra: 'y' } } })).toBe(false);
  });
});

describe('buildNewReplicaSet', () => {
  it('names it <deploy>-<hash> with the hash on labels, template and selector, owned by the deployment', () => {
    const rs = buildNewReplicaSet(
      { ...newDeployment(), metadata: { name: 'web', namespace: 'default', uid: 'u1' } },
      '5d59d67564',
    );
    expect(rs.metadata?.name).toBe('web-5d59d67564');
    expect(rs.metadata?.labels).toEqual({ app: 'foo', 'pod-template-hash': '5d59d67564' });
    expect(rs.spec?.template?.metadata?.labels).toEqual({ app: 'foo', 'pod-template-hash': '5d59d67564' });
    expect(rs.spec?.selector.matchLabels).toEqual({ app: 'foo', 'pod-template-hash': '5d59d67564' });
    expect(rs.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      uid: 'u1',
      controller: true,
      blockOwnerDeletion: true,
    });
  });
});

describe('setNewReplicaSetAnnotations', () => {
  const d = {
    ...newDeployment({ replicas: 4, maxSurge: '25%' }),
    metadata: {
      name: 'foo',
      annotations: {
        team: 'a',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        'deployment.kubernetes.io/revision': '9',
      },
    },
  };
  it('a new RS gets copied annotations, revision, desired and max replicas', () => {
    const a: Record<string, string> = {};
    expect(setNewReplicaSetAnnotations(d, a, 3, false)).toBe(true);
    expect(a).toEqual({
      team: 'a',
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
  });
  it('an RS that becomes new again gets max+1 and records its old revision in revision-history', () => {
    const a: Record<string, string> = { team: 'a', 'deployment.kubernetes.io/revision': '2' };
    expect(setNewReplicaSetAnnotations(d, a, 4, true)).toBe(true);
    expect(a['deployment.kubernetes.io/revision']).toBe('4');
    expect(a['deployment.kubernetes.io/revision-history']).toBe('2');
    a['deployment.kubernetes.io/revision'] = '5';
    setNewReplicaSetAnnotations(d, a, 7, true);
    expect(a['deployment.kubernetes.io/revision-history']).toBe('2,5');
  });
  it('a higher existing revision is left alone', () => {
    const a: Record<string, string> = { team: 'a', 'deployment.kubernetes.io/revision': '5' };
    expect(setNewReplicaSetAnnotations(d, a, 3, true)).toBe(false);
    expect(a['deployment.kubernetes.io/revision']).toBe('5');
  });
  it('revision-history drops the oldest entries past the length limit', () => {
    const a: Record<string, string> = {
      'deployment.kubernetes.io/revision': '4',
      'deployment.kubernetes.io/revision-history': '1,2,3',
    };
    setNewReplicaSetAnnotations(d, a, 5, true, 5);
    expect(a['deployment.kubernetes.io/revision-history']).toBe('2,3,4');
  });
});
