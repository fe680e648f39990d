// Table tests for cleanupDeployment (sync_test.go TestDeploymentController_cleanupDeployment/_cleanupDeploymentOrder).
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { replicaSetsToCleanUp } from './cleanup';
import { newDeployment, newRS } from './testFixtures';

const rsWithStatus = (name: string, spec: number, status: number, o: { deleting?: boolean } = {}) =>
  newRS(name, spec, { current: status, deleting: o.deleting });

describe('cleanupDeployment', () => {
  const cases: { name: string; rss: ReplicaSet[]; limit: number; deletions: number }[] = [
    {
      name: '3 idle RSs, limit 1',
      rss: [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 0), rsWithStatus('foo-3', 0, 0)],
      limit: 1,
      deletions: 2,
    },
    {
      name: 'only the idle one of four, limit 0',
      rss: [
        rsWithStatus('foo-1', 0, 0),
        rsWithStatus('foo-2', 0, 1),
        rsWithStatus('foo-3', 1, 0),
        rsWithStatus('foo-4', 1, 1),
      ],
      limit: 0,
      deletions: 1,
    },
    {
      name: '2 idle RSs, limit 0',
      rss: [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 0)],
      limit: 0,
      deletions: 2,
    },
    {
      name: '2 busy RSs, limit 0',
      rss: [rsWithStatus('foo-1', 1, 1), rsWithStatus('foo-2', 1, 1)],
      limit: 0,
      deletions: 0,
    },
    {
      name: 'already deleting',
      rss: [rsWithStatus('foo-1', 0, 0, { deleting: true })],
      limit: 0,
      deletions: 0,
    },
    { name: 'limit MaxInt32', rss: [rsWithStatus('foo-1', 0, 0)], limit: 2147483647, deletions: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(replicaSetsToCleanUp(newDeployment({ revisionHistoryLimit: c.limit }), c.rss)).toHaveLength(
        c.deletions,
      );
    });
  }
  it('no limit set keeps everything', () => {
    expect(replicaSetsToCleanUp(newDeployment({}), [rsWithStatus('foo-1', 0, 0)])).toHaveLength(0);
  });
});

describe('cleanupDeployment order', () => {
  const rs = (name: string, createdSec: number, revision?: number, replicas = 0) =>
    newRS(name, replicas, { createdSec, revision, current: replicas });
  const cases: { name: string; rss: ReplicaSet[]; limit: number; deleted: string[] }[] = [
    { name: 'revisions 1,2', rss: [rs('a', 1, 1), rs('b', 2, 2)], limit: 1, deleted: ['a'] },
    {
      name: 'older-created rev 2, newer rev 1',
      rss: [rs('a', 1, 2), rs('b', 2, 1)],
      limit: 1,
      deleted: ['b'],
    },
    { name: 'rev 1 and no revision', rss: [rs('a', 1, 1), rs('b', 2)], limit: 1, deleted: ['b'] },
    {
      name: 'busy rev 1 is skipped, not replaced',
      rss: [rs('a', 1, 1, 1), rs('b', 2, 2), rs('c', 3, 3)],
      limit: 1,
      deleted: ['b'],
    },
    {
      name: 'limit 2, revs 3,1,4,2',
      rss: [rs('a', 1, 3), rs('b', 2, 1), rs('c', 3, 4), rs('d', 4, 2)],
      limit: 2,
      deleted: ['b', 'd'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = replicaSetsToCleanUp(newDeployment({ revisionHistoryLimit: c.limit }), c.rss);
      expect(out.map((r) => r.metadata?.name)).toEqual(c.deleted);
    });
  }
});
