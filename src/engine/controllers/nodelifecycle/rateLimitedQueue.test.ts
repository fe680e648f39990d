// Table tests of the token bucket and the rate-limited timed queue (scheduler/rate_limited_queue.go semantics).
import { describe, expect, it } from 'vitest';
import { NeverRateLimiter, RateLimitedTimedQueue, TokenBucketRateLimiter } from './rateLimitedQueue';

describe('TokenBucketRateLimiter (qps 0.1, burst 1)', () => {
  it.each([
    { name: 'full at start', takes: [] as number[], at: 0, want: true },
    { name: 'empty right after a take', takes: [0], at: 9_999, want: false },
    { name: 'one token 10 s after a take', takes: [0], at: 10_000, want: true },
    { name: 'burst 1: idle time does not stack tokens', takes: [0, 60_000], at: 60_001, want: false },
  ])('$name', ({ takes, at, want }) => {
    const l = new TokenBucketRateLimiter(0.1, 1, 0);
    for (const t of takes) expect(l.tryAccept(t)).toBe(true);
    expect(l.tryAccept(at)).toBe(want);
  });

  it('a refused try leaves the bucket as it was', () => {
    const l = new TokenBucketRateLimiter(0.1, 1, 0);
    l.tryAccept(0);
    for (let t = 100; t < 10_000; t += 100) expect(l.tryAccept(t)).toBe(false);
    expect(l.tryAccept(10_000)).toBe(true);
  });

  it.each([
    { qps: 0.1, want: 10_000 },
    // float32(0.01) is a hair under 0.01: the token is there just after 100 s, as with golang.org/x/time/rate
    { qps: 0.01, want: 100_001 },
  ])('nextAcceptMs at qps $qps', ({ qps, want }) => {
    const l = new TokenBucketRateLimiter(qps, 1, 0);
    l.tryAccept(0);
    expect(l.nextAcceptMs(0)).toBe(want);
    expect(l.tryAccept(want - 1)).toBe(false);
    expect(l.tryAccept(want)).toBe(true);
  });

  it('reports its float32 QPS; the never limiter reports 1 (fakeNeverRateLimiter.QPS)', () => {
    expect(new TokenBucketRateLimiter(0.1, 1, 0).qps()).toBe(Math.fround(0.1));
    expect(new NeverRateLimiter().qps()).toBe(1);
    expect(new NeverRateLimiter().tryAccept()).toBe(false);
  });
});

describe('RateLimitedTimedQueue', () => {
  const always = () => [true, 0] as const;

  it('processes one value per token, in the order added', () => {
    const q = new RateLimitedTimedQueue(new TokenBucketRateLimiter(0.1, 1, 0));
    for (const n of ['a', 'b', 'c']) expect(q.add(n, '', 0)).toBe(true);
    const done: string[] = [];
    const fn = (v: { value: string }) => (done.push(v.value), [true, 0] as const);
    q.try(0, fn);
    q.try(5_000, fn);
    q.try(10_000, fn);
    expect(done).toEqual(['a', 'b']);
    expect(q.pending()).toEqual(['c']);
    expect(q.nextTryMs(10_000)).toBe(20_000);
  });

  it('a processed value stays added (Add is refused) until Remove', () => {
    const q = new RateLimitedTimedQueue(new TokenBucketRateLimiter(0.1, 1, 0));
    q.add('a', '', 0);
    q.try(0, always);
    expect(q.pending()).toEqual([]);
    expect(q.add('a', '', 1)).toBe(false);
    expect(q.remove('a')).toBe(true);
    expect(q.add('a', '', 2)).toBe(true);
  });

  it('a value not done is retried wait + 1 ns later; the token is spent either way', () => {
    const q = new RateLimitedTimedQueue(new TokenBucketRateLimiter(0.1, 1, 0));
    q.add('a', '', 0);
    q.try(0, () => [false, 50] as const);
    expect(q.pending()).toEqual(['a']);
    // 10 s later: a token again, the value is due
    let calls = 0;
    q.try(10_000, () => (calls++, [true, 0] as const));
    expect(calls).toBe(1);
  });

  it.each([
    { name: 'to 0: never accepts', to: 0, at: 100_000, want: false },
    { name: 'from an empty bucket: the new one is drained', to: 0.01, at: 99_000, want: false },
    { name: 'drained bucket refills at the new rate', to: 0.01, at: 100_001, want: true },
  ])('SwapLimiter $name', ({ to, at, want }) => {
    const q = new RateLimitedTimedQueue(new TokenBucketRateLimiter(0.1, 1, 0));
    q.add('x', '', 0);
    q.try(0, always); // the only token is spent
    q.swapLimiter(to, 0);
    q.add('y', '', at);
    let ran = false;
    q.try(at, () => ((ran = true), [true, 0] as const));
    expect(ran).toBe(want);
  });

  it('SwapLimiter to the same QPS keeps the limiter (and its tokens)', () => {
    const q = new RateLimitedTimedQueue(new TokenBucketRateLimiter(0.1, 1, 0));
    q.swapLimiter(0.1, 0);
    q.add('a', '', 0);
    let ran = false;
    q.try(0, () => ((ran = true), [true, 0] as const));
    expect(ran).toBe(true);
    expect(q.qps()).toBe(Math.fround(0.1));
  });
});
