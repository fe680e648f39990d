// selectorImpliesLabels lets calculateStatus count claimed pods as fully labelled without a check: the count must be
// the one a per-pod template-label check gives, for pods matching the selector.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../types/object';
import { selectorFromLabelSelector } from '../../labels/selector';
import type { LabelSelectorLike } from '../../labels/selector';
import { calculateStatus, countReady, selectorImpliesLabels } from './status';
import { fromRfc3339 } from '../../sim/clock';
import { isPodAvailable, isPodReady } from '../shared/podUtil';
import { podFacts } from '../shared/podFacts';

const key = fc.constantFrom('app', 'tier', 'pod-template-hash');
const value = fc.constantFrom('web', 'db', 'h1');
const labels = fc.dictionary(key, value, { maxKeys: 3 });
const expression = fc.record({
  key,
  operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'),
  values: fc.uniqueArray(value, { minLength: 1, maxLength: 2 }),
});
const selector = fc
  .record({ matchLabels: labels, matchExpressions: fc.array(expression, { maxLength: 2 }) })
  .map((s) => ({
    matchLabels: s.matchLabels,
    matchExpressions: s.matchExpressions.map((e) =>
      e.operator === 'Exists' || e.operator === 'DoesNotExist' ? { key: e.key, operator: e.operator } : e,
    ),
  }));

describe('selectorImpliesLabels', () => {
  it('gives the fullyLabeledReplicas a per-pod check gives, for pods the selector matches', () => {
    fc.assert(
      fc.property(selector, labels, fc.array(labels, { maxLength: 8 }), (ls, templateLabels, podLabels) => {
        const sel = selectorFromLabelSelector(ls);
        const pods = podLabels
          .filter((l) => sel.matches(l))
          .map(
            (l, i) =>
              ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, labels: l } }) as KubeObject,
          );
        const input = {
          templateLabels,
          replicas: 3,
          minReadySeconds: 0,
          generation: 1,
          current: undefined,
          pods,
          manageError: undefined,
          nowMs: 0,
          nowRfc3339: '2026-01-01T00:00:00Z',
        };
        const checked = calculateStatus(input);
        const shortcut = calculateStatus({
          ...input,
          allFullyLabeled: selectorImpliesLabels(sel, templateLabels),
        });
        expect(shortcut).toEqual(checked);
      }),
      { numRuns: 500 },
    );
  });

  it('counts taken pod by pod with countReady give the status calculateStatus counts itself', () => {
    const condition = fc.record({
      status: fc.constantFrom('True', 'False'),
      second: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.option(condition, { nil: undefined }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 25 }),
        (conds, minReadySeconds, nowSecond) => {
          const pods = conds.map(
            (c, i) =>
              ({
                apiVersion: 'v1',
                kind: 'Pod',
                metadata: { name: `p${i}`, labels: { app: 'web' } },
                status: c && {
                  conditions: [
                    {
                      type: 'Ready',
                      status: c.status,
                      lastTransitionTime: `2026-01-01T00:00:${String(c.second).padStart(2, '0')}Z`,
                    },
                  ],
                },
              }) as unknown as KubeObject,
          );
          const nowMs = fromRfc3339(`2026-01-01T00:00:${String(nowSecond).padStart(2, '0')}Z`);
          const input = {
            templateLabels: { app: 'web' },
            replicas: 3,
            minReadySeconds,
            generation: 1,
            current: undefined,
            pods,
            manageError: undefined,
            nowMs,
            nowRfc3339: '2026-01-01T00:00:00Z',
          };
          const readyCounts = { ready: 0, available: 0 };
          for (const p of pods) countReady(readyCounts, podFacts(p), minReadySeconds, nowMs);
          const status = calculateStatus({ ...input, readyCounts, allFullyLabeled: true });
          expect(status).toEqual(calculateStatus(input));
          // and both agree with IsPodReady / IsPodAvailable pod by pod
          const ready = pods.filter((p) => isPodReady(p)).length;
          const available = pods.filter((p) => isPodAvailable(p, minReadySeconds, nowMs)).length;
          expect([status.readyReplicas ?? 0, status.availableReplicas ?? 0]).toEqual([ready, available]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('table', () => {
    const rows: { sel: LabelSelectorLike; t: Record<string, string>; want: boolean }[] = [
      {
        sel: { matchLabels: { app: 'web', 'pod-template-hash': 'h1' } },
        t: { app: 'web', 'pod-template-hash': 'h1' },
        want: true,
      },
      { sel: { matchLabels: { app: 'web' } }, t: { app: 'web', tier: 'db' }, want: false },
      {
        sel: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
        t: { app: 'web' },
        want: true,
      },
      {
        sel: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db', 'web'] }] },
        t: { app: 'web' },
        want: false,
      },
      {
        sel: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db', 'web'] }] },
        t: { app: 'db' },
        want: false,
      },
      { sel: { matchLabels: { app: 'web' } }, t: {}, want: true },
    ];
    for (const r of rows) expect(selectorImpliesLabels(selectorFromLabelSelector(r.sel), r.t)).toBe(r.want);
  });
});
