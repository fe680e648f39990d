// A rate-limited, de-duplicating work queue on virtual time (mirrors client-go's workqueue.RateLimitingInterface).
// A key is queued at most once; a key re-added while it is being processed is processed again afterwards.
import type { Simulation, TimerHandle } from '../sim/types';

/** ItemExponentialFailureRateLimiter(5ms, 1000s), the controllers' default per-item backoff */
export function failureBackoffMs(failures: number): number {
  return Math.min(5 * 2 ** failures, 1_000_000);
}

export interface WorkQueueOptions {
  /** trace actor, e.g. 'kube-controller-manager/replicaset-controller' */
  actor: string;
  /** virtual ms between a key being added and being processed (a controller's reaction time) */
  latencyMs: number;
  process(key: string, cause: string | undefined): void;
}

export class WorkQueue {
  private readonly queued = new Map<string, TimerHandle>();
  private readonly causes = new Map<string, string | undefined>();
  private readonly delayed = new Map<string, TimerHandle>();
  private readonly failures = new Map<string, number>();
  private processing: string | undefined;
  private dirtyWhileProcessing = false;

  constructor(
    private readonly sim: Simulation,
    private readonly opts: WorkQueueOptions,
  ) {}

  /** queue key now (de-duplicated) */
  add(key: string, cause?: string): void {
    if (this.processing === key) {
      this.dirtyWhileProcessing = true;
      this.causes.set(key, cause);
      return;
    }
    if (this.queued.has(key)) return;
    this.causes.set(key, cause);
    this.queued.set(key, this.scheduleRun(key, this.opts.latencyMs, false));
  }

  /**
   * whether add(key) would do anything (the key is not queued, or is being processed); false means add(key) is a
   * no-op, so a caller may skip building its cause
   */
  wouldAdd(key: string): boolean {
    return this.processing === key || !this.queued.has(key);
  }

  /** queue key after delayMs (a later add() of the same key replaces a longer wait) */
  addAfter(key: string, delayMs: number, cause?: string): void {
    if (delayMs <= 0) return this.add(key, cause);
    const existing = this.delayed.get(key);
    const at = this.sim.clock.nowMs() + delayMs;
    if (existing && existing.atMs <= at) return;
    if (existing) this.sim.cancel(existing);
    const handle = this.sim.schedule({
      delayMs,
      actor: this.opts.actor,
      label: `${this.opts.actor} requeue ${key}`,
      run: () => {
        this.delayed.delete(key);
        this.add(key, cause);
      },
    });
    this.delayed.set(key, handle);
  }

  /** queue key after its per-item exponential backoff */
  addRateLimited(key: string, cause?: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, failureBackoffMs(n), cause);
  }

  /**
   * drop a pending delayed re-add of key: the latest reconcile found nothing to check later, so the earlier
   * recheck would be a no-op sync (client-go would run it; kubesim skips it so `sim settle` can see quiet)
   */
  cancelDelayed(key: string): void {
    const h = this.delayed.get(key);
    if (!h) return;
    this.sim.cancel(h);
    this.delayed.delete(key);
  }

  /** reset key's backoff after a success */
  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  get length(): number {
    return this.queued.size;
  }

  private scheduleRun(key: string, delayMs: number, background: boolean): TimerHandle {
    return this.sim.schedule({
      delayMs,
      actor: this.opts.actor,
      label: `${this.opts.actor} sync ${key}`,
      background,
      run: () => this.runKey(key),
    });
  }

  private runKey(key: string): void {
    this.queued.delete(key);
    const cause = this.causes.get(key);
    this.causes.delete(key);
    this.processing = key;
    this.dirtyWhileProcessing = false;
    try {
      this.opts.process(key, cause);
    } finally {
      this.processing = undefined;
      if (this.dirtyWhileProcessing) {
        this.dirtyWhileProcessing = false;
        this.add(key, this.causes.get(key));
      }
    }
  }
}
