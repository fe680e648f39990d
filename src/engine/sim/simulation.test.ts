// Simulation loop: step/advance/settle/runUntil semantics on virtual time, background events, bounded loops.
import { describe, expect, it } from 'vitest';
import { SimulationStallError, createSimulation } from './simulation';
import type { Simulation } from './types';

function log(sim: Simulation, out: string[], label: string, delayMs: number, background = false) {
  return sim.schedule({
    delayMs,
    actor: 'test',
    label,
    background,
    run: () => out.push(`${label}@${sim.clock.nowMs()}`),
  });
}

describe('Simulation', () => {
  it('runs events in time order, ties in schedule order, and moves the clock to each', () => {
    const sim = createSimulation(1);
    const out: string[] = [];
    log(sim, out, 'b', 20);
    log(sim, out, 'a', 10);
    log(sim, out, 'c', 20);
    while (sim.step());
    expect(out).toEqual(['a@10', 'b@20', 'c@20']);
    expect(sim.step()).toBe(false);
  });

  it('cancel removes a pending event', () => {
    const sim = createSimulation(1);
    const out: string[] = [];
    const h = log(sim, out, 'a', 10);
    log(sim, out, 'b', 20);
    sim.cancel(h);
    expect(sim.pendingCount()).toBe(1);
    sim.advance(100);
    expect(out).toEqual(['b@20']);
  });

  it('advance runs events due within the window (inclusive) and ends at now+ms', () => {
    const sim = createSimulation(1);
    const out: string[] = [];
    log(sim, out, 'a', 100);
    log(sim, out, 'b', 101);
    sim.advance(100);
    expect(out).toEqual(['a@100']);
    expect(sim.clock.nowMs()).toBe(100);
    sim.advance(50);
    expect(out).toEqual(['a@100', 'b@101']);
    expect(sim.clock.nowMs()).toBe(150);
  });

  it('events scheduled during advance within the window also run', () => {
    const sim = createSimulation(1);
    let ticks = 0;
    const tick = (): void => {
      ticks++;
      sim.schedule({ delayMs: 10, actor: 't', label: 'tick', run: tick });
    };
    sim.schedule({ delayMs: 10, actor: 't', label: 'tick', run: tick });
    sim.advance(55);
    expect(ticks).toBe(5);
  });

  it('settle ignores background events and stops when foreground work is done', () => {
    const sim = createSimulation(1);
    const out: string[] = [];
    const heartbeat = (): void => {
      out.push(`hb@${sim.clock.nowMs()}`);
      sim.schedule({
        delayMs: 10_000,
        actor: 'kubelet',
        label: 'heartbeat',
        background: true,
        run: heartbeat,
      });
    };
    sim.schedule({ delayMs: 10_000, actor: 'kubelet', label: 'heartbeat', background: true, run: heartbeat });
    log(sim, out, 'work', 25_000);
    const r = sim.settle(60_000);
    expect(r).toEqual({ settled: true, elapsedMs: 25_000, pending: [] });
    expect(out).toEqual(['hb@10000', 'hb@20000', 'work@25000']);
    expect(sim.pendingCount(true)).toBe(0);
    expect(sim.pendingCount()).toBe(1);
  });

  it('settle gives up at the timeout with the pending labels', () => {
    const sim = createSimulation(1);
    const out: string[] = [];
    log(sim, out, 'soon', 1_000);
    log(sim, out, 'reconcile deployments/default/web', 90_000);
    const r = sim.settle(30_000);
    expect(r).toEqual({ settled: false, elapsedMs: 30_000, pending: ['reconcile deployments/default/web'] });
    expect(out).toEqual(['soon@1000']);
  });

  it('settle never hangs on a zero-delay livelock', () => {
    const sim = createSimulation(1, { maxEventsPerCall: 1000 });
    const spin = (): void => void sim.schedule({ delayMs: 0, actor: 't', label: 'spin', run: spin });
    spin();
    const r = sim.settle(1_000);
    expect(r.settled).toBe(false);
    expect(r.pending).toEqual(['spin']);
    expect(() => sim.advance(10)).toThrow(SimulationStallError);
  });

  it('runUntil stops as soon as the predicate holds, or at the timeout', () => {
    const sim = createSimulation(1);
    const out: string[] = [];
    log(sim, out, 'a', 10);
    log(sim, out, 'b', 20);
    log(sim, out, 'c', 30);
    expect(sim.runUntil(() => out.length === 2, 1_000)).toBe(true);
    expect(sim.clock.nowMs()).toBe(20);
    expect(sim.runUntil(() => out.length === 5, 100)).toBe(false);
    expect(sim.clock.nowMs()).toBe(120);
  });

  it('rejects negative delays', () => {
    const sim = createSimulation(1);
    expect(() => sim.schedule({ delayMs: -1, actor: 't', label: 'x', run: () => undefined })).toThrow(
      RangeError,
    );
  });

  it('is deterministic for a seed', () => {
    const a = createSimulation(99);
    const b = createSimulation(99);
    expect(a.rng.fork('x').uuid()).toBe(b.rng.fork('x').uuid());
  });
});
