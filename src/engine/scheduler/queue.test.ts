// SchedulingQueue unit tests: PrioritySort order, backoff durations, unschedulable moves (virtual time).
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createSimulation } from '../sim/simulation';
import { backoffDurationMs, SchedulingQueue } from './queue';

const pod = (name: string, priority = 0): Pod => ({
  metadata: { name, namespace: 'default' },
  spec: { containers: [], priority },
});

describe('backoffDurationMs (calculateBackoffDuration)', () => {
  const table = [
    { attempts: 1, expected: 1000 },
    { attempts: 2, expected: 2000 },
    { attempts: 3, expected: 4000 },
    { attempts: 4, expected: 8000 },
    { attempts: 5, expected: 10000 },
    { attempts: 12, expected: 10000 },
  ];
  it.each(table)('attempt $attempts -> $expected ms', ({ attempts, expected }) => {
    expect(backoffDurationMs(attempts)).toBe(expected);
  });
});

describe('SchedulingQueue', () => {
  it('pops higher priority first, then in enqueue order', () => {
    const q = new SchedulingQueue(createSimulation(1));
    q.add('default/a', pod('a', 0));
    q.add('default/b', pod('b', 100));
    q.add('default/c', pod('c', 0));
    q.add('default/d', pod('d', 100));
    const order = [1, 2, 3, 4].map(() => q.pop()?.info.pod.metadata?.name);
    expect(order).toEqual(['b', 'd', 'a', 'c']);
    expect(q.pop()).toBeUndefined();
  });

  it('backs a pod off 1s, 2s, 4s ... after move requests, on virtual time', () => {
    const sim = createSimulation(1);
    const q = new SchedulingQueue(sim);
    q.add('default/a', pod('a'));
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const p = q.pop();
      if (!p) throw new Error('expected a pod');
      q.addUnschedulableIfNotPresent(p.info, p.cycle);
      expect(q.whereIs('default/a')).toBe('unschedulable');
      const t0 = sim.clock.nowMs();
      q.moveAllToActiveOrBackoffQueue();
      expect(q.whereIs('default/a')).toBe('backoff');
      sim.runUntil(() => q.whereIs('default/a') === 'active', 60_000);
      waits.push(sim.clock.nowMs() - t0);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10000]);
  });

  it('sends a pod to backoffQ when a move request arrived during its cycle', () => {
    const q = new SchedulingQueue(createSimulation(1));
    q.add('default/a', pod('a'));
    const p = q.pop();
    if (!p) throw new Error('expected a pod');
    q.moveAllToActiveOrBackoffQueue();
    q.addUnschedulableIfNotPresent(p.info, p.cycle);
    expect(q.whereIs('default/a')).toBe('backoff');
  });

  it('status-only updates leave an unschedulable pod where it is; spec updates move it', () => {
    const sim = createSimulation(1);
    const q = new SchedulingQueue(sim);
    q.add('default/a', pod('a'));
    const p = q.pop();
    if (!p) throw new Error('expected a pod');
    q.addUnschedulableIfNotPresent(p.info, p.cycle);
    q.update('default/a', pod('a'), false);
    expect(q.whereIs('default/a')).toBe('unschedulable');
    sim.advance(5000);
    q.update('default/a', pod('a'), true);
    expect(q.whereIs('default/a')).toBe('active');
  });

  it('flushes pods left unschedulable for 5 minutes', () => {
    const sim = createSimulation(1);
    const q = new SchedulingQueue(sim);
    q.add('default/a', pod('a'));
    const p = q.pop();
    if (!p) throw new Error('expected a pod');
    q.addUnschedulableIfNotPresent(p.info, p.cycle);
    sim.advance(299_000);
    expect(q.whereIs('default/a')).toBe('unschedulable');
    sim.advance(1_000);
    expect(q.whereIs('default/a')).toBe('active');
  });
});
