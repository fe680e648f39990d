// The simulation loop: one virtual clock, one seeded root Rng, one event queue, one trace.
// Every loop is bounded (maxEventsPerCall) so a livelocked cluster reports "did not settle" instead of hanging.
import type { Rng, ScheduleOptions, SettleResult, Simulation, TimerHandle, Trace } from './types';
import { VirtualClock } from './clock';
import { EventQueue } from './eventQueue';
import { createRng } from './rng';
import { DEFAULT_TRACE_CAPACITY, RingTrace } from './trace';

export interface SimulationOptions {
  /** records kept in the trace ring (default 200,000) */
  traceCapacity?: number;
  /** most events one advance/settle/runUntil call may run (default 2,000,000) */
  maxEventsPerCall?: number;
  /** most pending labels a failed settle reports (default 50) */
  maxPendingLabels?: number;
}

/** advance() ran maxEventsPerCall events without reaching its target time (e.g. a zero-delay loop) */
export class SimulationStallError extends Error {
  constructor(
    message: string,
    readonly pending: string[],
  ) {
    super(message);
    this.name = 'SimulationStallError';
  }
}

class SimulationLoop implements Simulation {
  readonly clock = new VirtualClock();
  readonly rng: Rng;
  readonly trace: Trace;
  private readonly queue = new EventQueue();
  private readonly maxEvents: number;
  private readonly maxLabels: number;

  constructor(seed: number, options: SimulationOptions) {
    this.rng = createRng(seed);
    this.trace = new RingTrace(() => this.clock.nowMs(), options.traceCapacity ?? DEFAULT_TRACE_CAPACITY);
    this.maxEvents = options.maxEventsPerCall ?? 2_000_000;
    this.maxLabels = options.maxPendingLabels ?? 50;
  }

  schedule(opts: ScheduleOptions): TimerHandle {
    if (!Number.isFinite(opts.delayMs) || opts.delayMs < 0) {
      throw new RangeError(
        `schedule "${opts.label}": delayMs must be a finite number >= 0, got ${opts.delayMs}`,
      );
    }
    const ev = this.queue.push({
      atMs: this.clock.nowMs() + opts.delayMs,
      actor: opts.actor,
      label: opts.label,
      background: opts.background === true,
      run: opts.run,
    });
    return ev; // the queued event is its own handle, so cancel needs no lookup table
  }

  cancel(handle: TimerHandle): void {
    this.queue.cancel(handle);
  }

  step(): boolean {
    const ev = this.queue.pop();
    if (!ev) return false;
    this.clock.setNowMs(ev.atMs);
    ev.run();
    return true;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`advance: ms must be a finite number >= 0, got ${ms}`);
    const target = this.clock.nowMs() + ms;
    let ran = 0;
    for (let next = this.queue.peek(); next && next.atMs <= target; next = this.queue.peek()) {
      if (ran >= this.maxEvents) {
        throw new SimulationStallError(
          `advance(${ms}) ran ${ran} events without reaching ${this.clock.toRfc3339(target)}`,
          this.pendingLabels(),
        );
      }
      this.step();
      ran++;
    }
    this.clock.setNowMs(target);
  }

  settle(timeoutMs: number, stop?: () => boolean): SettleResult {
    const start = this.clock.nowMs();
    const deadline = start + Math.max(0, timeoutMs);
    let ran = 0;
    while (this.queue.size(true) > 0) {
      if (stop?.()) return this.unsettled(start);
      const next = this.queue.peek();
      if (!next || next.atMs > deadline) {
        this.clock.setNowMs(deadline);
        return this.unsettled(start);
      }
      if (ran >= this.maxEvents) return this.unsettled(start);
      this.step();
      ran++;
    }
    return { settled: true, elapsedMs: this.clock.nowMs() - start, pending: [] };
  }

  runUntil(predicate: () => boolean, timeoutMs: number): boolean {
    if (predicate()) return true;
    const deadline = this.clock.nowMs() + Math.max(0, timeoutMs);
    for (let ran = 0; ran < this.maxEvents; ran++) {
      const next = this.queue.peek();
      if (!next || next.atMs > deadline) {
        this.clock.setNowMs(deadline);
        return predicate();
      }
      this.step();
      if (predicate()) return true;
    }
    return false;
  }

  pendingCount(foregroundOnly = false): number {
    return this.queue.size(foregroundOnly);
  }

  private unsettled(start: number): SettleResult {
    return { settled: false, elapsedMs: this.clock.nowMs() - start, pending: this.pendingLabels() };
  }

  private pendingLabels(): string[] {
    return this.queue.pendingForeground(this.maxLabels).map((e) => e.label);
  }
}

export function createSimulation(seed: number, options: SimulationOptions = {}): Simulation {
  return new SimulationLoop(seed, options);
}
