// Outcomes of the pods/eviction subresource, after pkg/registry/core/pod/storage/eviction_test.go
// (TestEviction, TestEvictionIgnorePDB, TestEvictionDryRun, TestEvictionPDBStatus) on a bare API server.
import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types/object';
import { KUBECTL, newTestApi, pod, statusOf, type TestApi } from './testSupport';
import { EVICTION_VIOLATES_BUDGET, MULTIPLE_PDBS } from './eviction';

interface PdbRow {
  name?: string;
  selector?: Record<string, string>;
  allowed: number;
  current?: number;
  desired?: number;
  policy?: 'AlwaysAllow' | 'IfHealthyBudget';
  stale?: boolean;
}

interface Case {
  name: string;
  phase?: string;
  ready?: boolean;
  deleting?: boolean;
  pdbs: PdbRow[];
  dryRun?: boolean;
  /** expected: the StatusError code and message, or 'deleted' */
  want: 'deleted' | { code: number; message: string; cause?: string };
  /** disruptionsAllowed of the first PDB afterwards */
  allowedAfter?: number;
}

function setup(tc: Case): TestApi {
  const t = newTestApi();
  const { api } = t;
  api.create('pods', 'default', pod('web-1', { nodeName: 'node-1' }, { app: 'web' }), KUBECTL);
  const cur = api.get('pods', 'default', 'web-1') as Pod & KubeObject;
  const conditions = [{ type: 'Ready', status: tc.ready === false ? 'False' : 'True' }];
  api.updateStatus(
    'pods',
    'default',
    { ...cur, status: { ...cur.status, phase: tc.phase ?? 'Running', conditions } } as KubeObject,
    KUBECTL,
  );
  if (tc.deleting) api.delete('pods', 'default', 'web-1', {}, KUBECTL);
  tc.pdbs.forEach((row, i) => {
    const name = row.name ?? `pdb-${i}`;
    const spec: PodDisruptionBudget['spec'] = {
      minAvailable: 1,
      selector: { matchLabels: row.selector ?? { app: 'web' } },
    };
    if (row.policy) spec.unhealthyPodEvictionPolicy = row.policy;
    const created = api.create(
      'poddisruptionbudgets',
      'default',
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec } as KubeObject,
      KUBECTL,
    );
    const status = {
      observedGeneration: row.stale ? 0 : 1,
      disruptionsAllowed: row.allowed,
      currentHealthy: row.current ?? 2,
      desiredHealthy: row.desired ?? 2,
      expectedPods: 3,
    };
    api.updateStatus('poddisruptionbudgets', 'default', { ...created, status }, KUBECTL);
  });
  return t;
}

const tooMany = (cause: string) => ({ code: 429, message: EVICTION_VIOLATES_BUDGET, cause });

const cases: Case[] = [
  { name: 'no PDB: the pod is deleted', pdbs: [], want: 'deleted' },
  {
    name: 'budget allows one: deleted and the budget decremented',
    pdbs: [{ allowed: 1, current: 3 }],
    want: 'deleted',
    allowedAfter: 0,
  },
  {
    name: 'budget exhausted: 429 with the DisruptionBudget cause',
    pdbs: [{ name: 'web-pdb', allowed: 0 }],
    want: tooMany('The disruption budget web-pdb needs 2 healthy pods and has 2 currently'),
    allowedAfter: 0,
  },
  {
    name: 'two PDBs: 500',
    pdbs: [{ allowed: 1 }, { allowed: 1 }],
    want: { code: 500, message: MULTIPLE_PDBS },
  },
  {
    name: 'a PDB selecting other pods does not apply',
    pdbs: [{ allowed: 0, selector: { app: 'db' } }],
    want: 'deleted',
  },
  { name: 'an empty selector matches nothing here', pdbs: [{ allowed: 0, selector: {} }], want: 'deleted' },
  {
    name: 'Pending pod: no PDB check',
    phase: 'Pending',
    pdbs: [{ allowed: 0 }],
    want: 'deleted',
    allowedAfter: 0,
  },
  { name: 'Succeeded pod: no PDB check', phase: 'Succeeded', pdbs: [{ allowed: 0 }], want: 'deleted' },
  { name: 'Failed pod: no PDB check', phase: 'Failed', pdbs: [{ allowed: 0 }], want: 'deleted' },
  { name: 'already deleting: no PDB check', deleting: true, pdbs: [{ allowed: 0 }], want: 'deleted' },
  {
    name: 'unready pod, healthy budget (IfHealthyBudget): deleted without taking from the budget',
    ready: false,
    pdbs: [{ allowed: 1, current: 2, desired: 2 }],
    want: 'deleted',
    allowedAfter: 1,
  },
  {
    name: 'unready pod, unhealthy budget (IfHealthyBudget default): 429',
    ready: false,
    pdbs: [{ name: 'web-pdb', allowed: 0, current: 1, desired: 2 }],
    want: tooMany('The disruption budget web-pdb needs 2 healthy pods and has 1 currently'),
  },
  {
    name: 'unready pod, unhealthy budget, AlwaysAllow: deleted',
    ready: false,
    pdbs: [{ allowed: 0, current: 1, desired: 2, policy: 'AlwaysAllow' }],
    want: 'deleted',
    allowedAfter: 0,
  },
  {
    name: 'PDB not yet observed by the controller: 429',
    pdbs: [{ name: 'web-pdb', allowed: 1, stale: true }],
    want: tooMany('The disruption budget web-pdb is still being processed by the server.'),
  },
  {
    name: 'negative budget: Forbidden',
    pdbs: [{ name: 'web-pdb', allowed: -1 }],
    want: {
      code: 403,
      message: 'poddisruptionbudget.policy "web-pdb" is forbidden: pdb disruptions allowed is negative',
    },
  },
  {
    name: 'dry run: nothing changes',
    dryRun: true,
    pdbs: [{ allowed: 1 }],
    want: { code: 0, message: '' },
    allowedAfter: 1,
  },
];

describe('pods/eviction (eviction.go)', () => {
  it.each(cases)('$name', (tc) => {
    const t = setup(tc);
    const ctx = tc.dryRun ? { ...KUBECTL, dryRun: true } : KUBECTL;
    const evict = () => t.api.evict('default', 'web-1', {}, ctx);
    const podAfter = () => t.api.get('pods', 'default', 'web-1') as Pod & KubeObject;
    if (tc.want === 'deleted') {
      evict();
      // terminal pods go at once (grace 0); bound running pods get a graceful delete, marked by the eviction API
      if (tc.phase === 'Succeeded' || tc.phase === 'Failed') {
        expect(statusOf(podAfter).code).toBe(404);
        return;
      }
      const p = podAfter();
      expect(p.metadata.deletionTimestamp).toBeDefined();
      if (!tc.deleting) {
        expect(p.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
          status: 'True',
          reason: 'EvictionByEvictionAPI',
          message: 'Eviction API: evicting',
        });
      }
    } else if (tc.want.code === 0) {
      evict();
      expect(podAfter().metadata.deletionTimestamp).toBeUndefined();
      expect(podAfter().status?.conditions?.some((c) => c.type === 'DisruptionTarget')).toBe(false);
    } else {
      const s = statusOf(evict);
      expect({ code: s.code, message: s.message }).toEqual({ code: tc.want.code, message: tc.want.message });
      if (tc.want.cause)
        expect(s.details?.causes).toEqual([{ reason: 'DisruptionBudget', message: tc.want.cause }]);
      if (!tc.deleting) expect(podAfter().metadata.deletionTimestamp).toBeUndefined();
    }
    if (tc.allowedAfter !== undefined) {
      const pdb = t.api.list('poddisruptionbudgets', 'default').items[0] as PodDisruptionBudget & KubeObject;
      expect(pdb.status?.disruptionsAllowed).toBe(tc.allowedAfter);
    }
  });

  it('records the evicted pod in disruptedPods and flips DisruptionAllowed to InsufficientPods at zero', () => {
    const t = setup({ name: '', pdbs: [{ name: 'web-pdb', allowed: 1, current: 3 }], want: 'deleted' });
    t.api.evict('default', 'web-1', { gracePeriodSeconds: 5 }, KUBECTL);
    const pdb = t.api.get('poddisruptionbudgets', 'default', 'web-pdb') as PodDisruptionBudget & KubeObject;
    expect(Object.keys(pdb.status?.disruptedPods ?? {})).toEqual(['web-1']);
    expect(pdb.status?.conditions?.[0]).toMatchObject({
      type: 'DisruptionAllowed',
      status: 'False',
      reason: 'InsufficientPods',
    });
    expect(t.api.get('pods', 'default', 'web-1').metadata.deletionGracePeriodSeconds).toBe(5);
  });

  it('a missing pod is NotFound', () => {
    const t = newTestApi();
    expect(statusOf(() => t.api.evict('default', 'nope', {}, KUBECTL))).toMatchObject({
      code: 404,
      message: 'pods "nope" not found',
    });
  });

  it('a stale resourceVersion precondition is a Conflict', () => {
    const t = setup({ name: '', pdbs: [], want: 'deleted' });
    const s = statusOf(() =>
      t.api.evict('default', 'web-1', { preconditions: { resourceVersion: '1' } }, KUBECTL),
    );
    expect(s.code).toBe(409);
    expect(s.message).toContain(
      'the ResourceVersion in the precondition (1) does not match the ResourceVersion in record',
    );
  });
});
