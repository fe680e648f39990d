// podFacts (remembered per frozen pod) and factsAvailable answer as IsPodActive, the controllerRef, IsPodReady and
// IsPodAvailable read from the pod itself.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../types/object';
import { deepFreeze } from '../../store/deepFreeze';
import { fromRfc3339 } from '../../sim/clock';
import { getControllerOf } from './controllerRef';
import { isPodActive, isPodAvailable, isPodReady } from './podUtil';
import { factsAvailable, podFacts } from './podFacts';

const second = fc.integer({ min: 0, max: 30 });
const at = (s: number): string => `2026-01-01T00:00:${String(s).padStart(2, '0')}Z`;
const pod = fc
  .record({
    phase: fc.constantFrom(undefined, 'Pending', 'Running', 'Succeeded', 'Failed'),
    deleting: fc.boolean(),
    owner: fc.constantFrom(undefined, 'rs-1', 'rs-2'),
    controller: fc.boolean(),
    ready: fc.constantFrom(undefined, 'True', 'False'),
    readyAt: second,
    frozen: fc.boolean(),
  })
  .map((p) => {
    const obj = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'p',
        ...(p.deleting ? { deletionTimestamp: at(1) } : {}),
        ...(p.owner
          ? {
              ownerReferences: [
                {
                  apiVersion: 'apps/v1',
                  kind: 'ReplicaSet',
                  name: 'rs',
                  uid: p.owner,
                  controller: p.controller,
                },
              ],
            }
          : {}),
      },
      status: {
        ...(p.phase ? { phase: p.phase } : {}),
        ...(p.ready
          ? {
              conditions: [
                { type: 'PodScheduled', status: 'True' },
                { type: 'Ready', status: p.ready, lastTransitionTime: at(p.readyAt) },
              ],
            }
          : {}),
      },
    } as unknown as KubeObject;
    return p.frozen ? deepFreeze(obj) : obj;
  });

describe('podFacts', () => {
  it('gives what the pod helpers read from the pod, asked once or many times', () => {
    fc.assert(
      fc.property(
        fc.array(pod, { minLength: 1, maxLength: 6 }),
        second,
        fc.integer({ min: 0, max: 10 }),
        (pods, now, minReady) => {
          const nowMs = fromRfc3339(at(now));
          for (let round = 0; round < 2; round++) {
            for (const p of pods) {
              const f = podFacts(p);
              expect(f.active).toBe(isPodActive(p));
              expect(f.controllerUid).toBe(getControllerOf(p)?.uid);
              expect(f.ready).toBe(isPodReady(p));
              expect(factsAvailable(f, minReady, nowMs)).toBe(isPodAvailable(p, minReady, nowMs));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads an unfrozen pod afresh (a caller may still change it)', () => {
    const p = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      status: { phase: 'Running' },
    } as KubeObject;
    expect(podFacts(p).active).toBe(true);
    (p.status as { phase: string }).phase = 'Succeeded';
    expect(podFacts(p).active).toBe(false);
  });
});
