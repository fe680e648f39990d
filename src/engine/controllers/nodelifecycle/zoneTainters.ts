// The per-zone NoExecute tainters: one rate-limited queue per zone, drained by doNoExecuteTaintingPass every 100 ms.
// mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go zoneNoExecuteTainter, addPodEvictorForNewZone
// and doNoExecuteTaintingPass (wait.UntilWithContext(..., scheduler.NodeEvictionPeriod)). On virtual time the pass
// runs only on the 100 ms ticks where it can do something: a pass over empty queues or without a token changes
// nothing (a refused TryAccept leaves the token bucket as it was).
import type { Simulation, TimerHandle } from '../../sim/types';
import type { ActionFunc } from './rateLimitedQueue';
import {
  EVICTION_RATE_LIMITER_BURST,
  NODE_EVICTION_PERIOD_MS,
  RateLimitedTimedQueue,
  TokenBucketRateLimiter,
} from './rateLimitedQueue';

export class ZoneTainters {
  private readonly queues = new Map<string, RateLimitedTimedQueue>();
  private timer: TimerHandle | undefined;

  /** phaseMs: when the tainting loop started (its passes run at phaseMs + k * 100 ms) */
  constructor(
    private readonly sim: Simulation,
    private readonly actor: string,
    private readonly phaseMs: number,
    private readonly evictionLimiterQPS: number,
    private readonly taint: ActionFunc,
  ) {}

  has(zone: string): boolean {
    return this.queues.has(zone);
  }

  /** addPodEvictorForNewZone: a tainter with a full token bucket at evictionLimiterQPS */
  addZone(zone: string): void {
    if (this.queues.has(zone)) return;
    const limiter = new TokenBucketRateLimiter(
      this.evictionLimiterQPS,
      EVICTION_RATE_LIMITER_BURST,
      this.sim.clock.nowMs(),
    );
    this.queues.set(zone, new RateLimitedTimedQueue(limiter));
  }

  private queue(zone: string): RateLimitedTimedQueue {
    this.addZone(zone);
    return this.queues.get(zone) as RateLimitedTimedQueue;
  }

  add(zone: string, node: string, uid: string): boolean {
    const added = this.queue(zone).add(node, uid, this.sim.clock.nowMs());
    if (added) this.arm();
    return added;
  }

  remove(zone: string, node: string): boolean {
    return this.queues.get(zone)?.remove(node) ?? false;
  }

  swapLimiter(zone: string, qps: number): void {
    this.queue(zone).swapLimiter(qps, this.sim.clock.nowMs());
    this.arm();
  }

  qps(zone: string): number | undefined {
    return this.queues.get(zone)?.qps();
  }

  /** nodes waiting to be tainted in zone */
  pending(zone: string): string[] {
    return this.queues.get(zone)?.pending() ?? [];
  }

  /** doNoExecuteTaintingPass: Try every zone's queue */
  private pass(): void {
    this.timer = undefined;
    const now = this.sim.clock.nowMs();
    for (const q of [...this.queues.values()]) q.try(now, this.taint);
    this.arm();
  }

  /** schedule the pass for the first 100 ms tick after now at which some queue has a token */
  private arm(): void {
    const now = this.sim.clock.nowMs();
    let next = Infinity;
    for (const q of this.queues.values()) next = Math.min(next, q.nextTryMs(now));
    if (next === Infinity) {
      if (this.timer) this.sim.cancel(this.timer);
      this.timer = undefined;
      return;
    }
    const period = NODE_EVICTION_PERIOD_MS;
    const tick = Math.max(
      Math.floor((now - this.phaseMs) / period) + 1,
      Math.ceil((next - this.phaseMs) / period),
    );
    const at = this.phaseMs + tick * period;
    if (this.timer && this.timer.atMs <= at) return;
    if (this.timer) this.sim.cancel(this.timer);
    this.timer = this.sim.schedule({
      delayMs: at - now,
      actor: this.actor,
      label: `${this.actor} doNoExecuteTaintingPass`,
      background: true,
      run: () => this.pass(),
    });
  }
}
