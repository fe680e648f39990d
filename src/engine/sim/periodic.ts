// A periodic loop on virtual time (wait.Until / a ticker goroutine): every periodMs run fn, then wait again. It is
// background work, so `sim settle` does not wait for loops that never finish.
import type { Simulation } from './types';

export interface PeriodicOptions {
  periodMs: number;
  actor: string;
  label: string;
}

/** run fn every periodMs from now on (first run one period from now); fn runs before the next tick is scheduled */
export function scheduleEvery(sim: Simulation, opts: PeriodicOptions, fn: () => void): void {
  const tick = (): void => {
    sim.schedule({
      delayMs: opts.periodMs,
      actor: opts.actor,
      label: opts.label,
      background: true,
      run: () => {
        fn();
        tick();
      },
    });
  };
  tick();
}
