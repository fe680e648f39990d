// The rate-limited queue the node lifecycle controller taints unhealthy nodes through (one per zone), on virtual time.
// mirrors pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go (UniqueQueue, RateLimitedTimedQueue) and
// client-go util/flowcontrol/throttle.go (NewTokenBucketRateLimiter over golang.org/x/time/rate, NewFakeNeverRateLimiter).

/** scheduler.NodeEvictionPeriod: how often doNoExecuteTaintingPass runs */
export const NODE_EVICTION_PERIOD_MS = 100;
/** scheduler.EvictionRateLimiterBurst */
export const EVICTION_RATE_LIMITER_BURST = 1;

/** the controller's QPS settings are float32 in Go: compare and accrue with the float32 value */
const f32 = Math.fround;

export interface RateLimiter {
  /** take a token now if there is one (flowcontrol.RateLimiter.TryAccept) */
  tryAccept(nowMs: number): boolean;
  qps(): number;
  /** the earliest virtual ms tryAccept can succeed (Infinity: never) */
  nextAcceptMs(nowMs: number): number;
}

/** flowcontrol.NewTokenBucketRateLimiter: a full bucket of `burst` tokens refilled at qps (rate.Limiter AllowN) */
export class TokenBucketRateLimiter implements RateLimiter {
  private readonly limit: number;
  private tokens: number;
  private lastMs: number;

  constructor(
    qps: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.limit = f32(qps);
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** rate.Limiter advance: tokens accrued since the last taken one, capped at burst (tokensFromDuration) */
  private available(nowMs: number): number {
    const elapsed = Math.max(0, nowMs - this.lastMs);
    const sec = Math.floor(elapsed / 1000) * this.limit;
    const frac = ((elapsed % 1000) * 1e6 * this.limit) / 1e9;
    return Math.min(this.burst, this.tokens + sec + frac);
  }

  tryAccept(nowMs: number): boolean {
    const tokens = this.available(nowMs);
    // a refused AllowN leaves the limiter as it was
    if (tokens < 1) return false;
    this.tokens = tokens - 1;
    this.lastMs = nowMs;
    return true;
  }

  qps(): number {
    return this.limit;
  }

  nextAcceptMs(nowMs: number): number {
    const tokens = this.available(nowMs);
    if (tokens >= 1) return nowMs;
    if (this.limit <= 0) return Infinity;
    let at = nowMs + Math.ceil(((1 - tokens) * 1000) / this.limit);
    while (this.available(at) < 1) at++; // float rounding: never wake before the token is there
    return at;
  }
}

/** flowcontrol.NewFakeNeverRateLimiter: never accepts; its QPS() reports 1 */
export class NeverRateLimiter implements RateLimiter {
  tryAccept(): boolean {
    return false;
  }
  qps(): number {
    return 1;
  }
  nextAcceptMs(): number {
    return Infinity;
  }
}

export interface TimedValue {
  value: string;
  uid: string;
  addedAtMs: number;
  processAtMs: number;
}

/** ActionFunc: [done, wait]; not done: retried wait ms (plus 1 ns) later */
export type ActionFunc = (v: TimedValue) => readonly [boolean, number];

/**
 * RateLimitedTimedQueue: a unique FIFO ordered by processAt (a value is queued at most once until Remove), drained
 * by Try under a token-bucket limiter. Go's heap breaks ties between equal processAt arbitrarily; this keeps the
 * insertion order.
 */
export class RateLimitedTimedQueue {
  private queue: TimedValue[] = [];
  private readonly set = new Set<string>();

  constructor(private limiter: RateLimiter) {}

  /** Add: false when the value was added before and not Removed (even if already processed) */
  add(value: string, uid: string, nowMs: number): boolean {
    if (this.set.has(value)) return false;
    this.push({ value, uid, addedAtMs: nowMs, processAtMs: nowMs });
    this.set.add(value);
    return true;
  }

  /** Remove: forget the value so it can be added again; false when it was not there */
  remove(value: string): boolean {
    if (!this.set.has(value)) return false;
    this.set.delete(value);
    this.queue = this.queue.filter((v) => v.value !== value);
    return true;
  }

  /** values still waiting (for tests and the trace) */
  pending(): string[] {
    return this.queue.map((v) => v.value);
  }

  /** Try: process values from the head while the limiter gives tokens and they are due */
  try(nowMs: number, fn: ActionFunc): void {
    for (let head = this.queue[0]; head; head = this.queue[0]) {
      // rate limit the queue checking: a token is spent even when the head is not due yet
      if (!this.limiter.tryAccept(nowMs)) break;
      if (nowMs < head.processAtMs) break;
      const [ok, waitMs] = fn(head);
      this.queue.shift();
      // not done: Replace with processAt = now + wait + 1 ns; done: RemoveFromQueue (it stays in the set)
      if (!ok) this.push({ ...head, processAtMs: nowMs + waitMs + 1e-6 });
    }
  }

  /** when a Try could next do anything (a token for a non-empty queue); Infinity: never */
  nextTryMs(nowMs: number): number {
    return this.queue.length === 0 ? Infinity : this.limiter.nextAcceptMs(nowMs);
  }

  qps(): number {
    return this.limiter.qps();
  }

  /** SwapLimiter: a new limiter when the QPS differs; drained if the old one is out of tokens (burst 1) */
  swapLimiter(newQps: number, nowMs: number): void {
    if (this.limiter.qps() === f32(newQps)) return;
    if (newQps <= 0) {
      this.limiter = new NeverRateLimiter();
      return;
    }
    const next = new TokenBucketRateLimiter(newQps, EVICTION_RATE_LIMITER_BURST, nowMs);
    if (!this.limiter.tryAccept(nowMs)) next.tryAccept(nowMs);
    this.limiter = next;
  }

  private push(v: TimedValue): void {
    const at = this.queue.findIndex((q) => q.processAtMs > v.processAtMs);
    if (at < 0) this.queue.push(v);
    else this.queue.splice(at, 0, v);
  }
}
