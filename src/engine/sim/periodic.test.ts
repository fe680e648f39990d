// scheduleEvery: a loop that runs every period on virtual time and never holds `settle`.
import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { scheduleEvery } from './periodic';

describe('scheduleEvery', () => {
  it('runs every period, first one period from now', () => {
    const sim = createSimulation(1);
    const at: number[] = [];
    scheduleEvery(sim, { periodMs: 5_000, actor: 'test', label: 'tick' }, () => at.push(sim.clock.nowMs()));
    sim.advance(17_000);
    expect(at).toEqual([5_000, 10_000, 15_000]);
  });

  it('is background work: settle does not wait for it', () => {
    const sim = createSimulation(1);
    let runs = 0;
    scheduleEvery(sim, { periodMs: 1_000, actor: 'test', label: 'tick' }, () => runs++);
    sim.settle(60_000);
    expect(sim.clock.nowMs()).toBe(0);
    expect(runs).toBe(0);
  });
});
