// The scheduling queue: activeQ (PrioritySort), backoffQ and unschedulablePods, on virtual time.
// mirrors pkg/scheduler/backend/queue/scheduling_queue.go PriorityQueue (Add, Pop, AddUnschedulableIfNotPresent,
// MoveAllToActiveOrBackoffQueue, flushBackoffQCompleted, flushUnschedulablePodsLeftover).
import type { Pod } from 'kubernetes-types/core/v1';
import type { Simulation, TimerHandle } from '../sim/types';
import { KeyedHeap } from './heap';

export interface QueuedPodInfo {
  key: string;
  pod: Pod;
  /** virtual ms when the pod was last added to a queue (the PrioritySort tie-break and backoff base) */
  timestamp: number;
  /** enqueue sequence number: breaks ties between equal timestamps deterministically */
  seq: number;
  /** scheduling attempts so far (incremented on Pop) */
  attempts: number;
  initialAttemptTimestamp: number | undefined;
}

export interface QueueOptions {
  /** podInitialBackoffSeconds x 1000 (default 1000) */
  initialBackoffMs?: number;
  /** podMaxBackoffSeconds x 1000 (default 10000) */
  maxBackoffMs?: number;
  /** podMaxInUnschedulablePodsDuration (default 5 min) */
  maxInUnschedulableMs?: number;
  /** called whenever activeQ gains a pod */
  onActive?(): void;
  actor?: string;
}

export const podPriority = (pod: Pod): number => pod.spec?.priority ?? 0;

/** mirrors queuesort/priority_sort.go Less: higher priority first, then earlier timestamp */
export function prioritySortLess(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  const pa = podPriority(a.pod);
  const pb = podPriority(b.pod);
  if (pa !== pb) return pa > pb;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}

/** mirrors PriorityQueue.calculateBackoffDuration: initial x 2^(attempts-1), capped at max */
export function backoffDurationMs(attempts: number, initialMs = 1000, maxMs = 10_000): number {
  let d = initialMs;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > maxMs) return maxMs;
  }
  return Math.min(d, maxMs);
}

export class SchedulingQueue {
  private readonly activeQ = new KeyedHeap<QueuedPodInfo>(prioritySortLess);
  private readonly backoffQ = new KeyedHeap<QueuedPodInfo>(
    (a, b) => this.backoffTime(a) < this.backoffTime(b),
  );
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private seq = 0;
  private schedulingCycle = 0;
  private moveRequestCycle = -1;
  private backoffTimer: TimerHandle | undefined;
  private initialMs: number;
  private maxMs: number;
  private readonly maxUnschedMs: number;
  private readonly actor: string;

  constructor(
    private readonly sim: Simulation,
    private readonly opts: QueueOptions = {},
  ) {
    this.initialMs = opts.initialBackoffMs ?? 1000;
    this.maxMs = opts.maxBackoffMs ?? 10_000;
    this.maxUnschedMs = opts.maxInUnschedulableMs ?? 5 * 60_000;
    this.actor = opts.actor ?? 'default-scheduler';
  }

  /** podInitialBackoffSeconds / podMaxBackoffSeconds changed in the configuration */
  setBackoff(initialMs: number, maxMs: number): void {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
  }

  private now(): number {
    return this.sim.clock.nowMs();
  }

  backoffTime(p: QueuedPodInfo): number {
    return p.timestamp + backoffDurationMs(p.attempts, this.initialMs, this.maxMs);
  }

  private newInfo(key: string, pod: Pod): QueuedPodInfo {
    return {
      key,
      pod,
      timestamp: this.now(),
      seq: this.seq++,
      attempts: 0,
      initialAttemptTimestamp: undefined,
    };
  }

  private toActive(p: QueuedPodInfo): void {
    this.activeQ.set(p.key, p);
    this.opts.onActive?.();
  }

  /** a new pending pod (PriorityQueue.Add) */
  add(key: string, pod: Pod): void {
    if (this.activeQ.has(key)) return;
    const existing = this.backoffQ.delete(key) ?? this.unschedulable.get(key);
    this.unschedulable.delete(key);
    const p = existing
      ? { ...existing, pod, timestamp: this.now(), seq: this.seq++ }
      : this.newInfo(key, pod);
    this.toActive(p);
  }

  /** a pending pod changed (PriorityQueue.Update); `specChanged` = isPodUpdated (not status-only) */
  update(key: string, pod: Pod, specChanged: boolean): void {
    const a = this.activeQ.get(key);
    if (a) return this.activeQ.set(key, { ...a, pod });
    const b = this.backoffQ.get(key);
    if (b) return this.backoffQ.set(key, { ...b, pod });
    const u = this.unschedulable.get(key);
    if (u) {
      const next = { ...u, pod };
      if (!specChanged) return void this.unschedulable.set(key, next);
      this.unschedulable.delete(key);
      if (this.backoffTime(next) > this.now()) this.toBackoff(next);
      else this.toActive(next);
      return;
    }
    this.toActive(this.newInfo(key, pod));
  }

  delete(key: string): void {
    this.activeQ.delete(key);
    this.backoffQ.delete(key);
    this.unschedulable.delete(key);
  }

  /** next pod to schedule, with the scheduling cycle it runs in */
  pop(): { info: QueuedPodInfo; cycle: number } | undefined {
    const p = this.activeQ.pop();
    if (!p) return undefined;
    p.attempts++;
    p.initialAttemptTimestamp ??= this.now();
    this.schedulingCycle++;
    return { info: p, cycle: this.schedulingCycle };
  }

  /**
   * a pod that failed scheduling: to backoffQ when a move request arrived since its cycle began (the event may
   * have made it schedulable), otherwise to unschedulablePods
   */
  addUnschedulableIfNotPresent(p: QueuedPodInfo, podCycle: number): void {
    if (this.activeQ.has(p.key) || this.backoffQ.has(p.key) || this.unschedulable.has(p.key)) return;
    const info = { ...p, timestamp: this.now(), seq: this.seq++ };
    if (this.moveRequestCycle >= podCycle) return this.toBackoff(info);
    this.unschedulable.set(p.key, info);
    // flushUnschedulablePodsLeftover: a pod left unschedulable this long is retried anyway
    this.sim.schedule({
      delayMs: this.maxUnschedMs,
      actor: this.actor,
      label: `${this.actor} flush unschedulable ${p.key}`,
      background: true,
      run: () => {
        const cur = this.unschedulable.get(p.key);
        if (cur !== info) return;
        this.unschedulable.delete(p.key);
        if (this.backoffTime(cur) > this.now()) this.toBackoff(cur);
        else this.toActive(cur);
      },
    });
  }

  /** a scheduling error (not a fit failure): retry after backoff */
  addBackoff(p: QueuedPodInfo): void {
    if (this.activeQ.has(p.key) || this.backoffQ.has(p.key) || this.unschedulable.has(p.key)) return;
    this.toBackoff({ ...p, timestamp: this.now(), seq: this.seq++ });
  }

  /** a cluster event that may make unschedulable pods schedulable (MoveAllToActiveOrBackoffQueue) */
  moveAllToActiveOrBackoffQueue(): void {
    this.moveRequestCycle = this.schedulingCycle;
    if (this.unschedulable.size === 0) return;
    const now = this.now();
    const pods = [...this.unschedulable.values()];
    this.unschedulable.clear();
    for (const p of pods) {
      if (this.backoffTime(p) > now) this.toBackoff(p);
      else this.toActive(p);
    }
  }

  private toBackoff(p: QueuedPodInfo): void {
    this.backoffQ.set(p.key, p);
    this.armBackoffTimer();
  }

  /** one timer at the earliest backoff expiry (flushBackoffQCompleted without polling) */
  private armBackoffTimer(): void {
    const head = this.backoffQ.peek();
    if (!head) return;
    const at = Math.max(this.backoffTime(head), this.now());
    if (this.backoffTimer && this.backoffTimer.atMs <= at) return;
    if (this.backoffTimer) this.sim.cancel(this.backoffTimer);
    this.backoffTimer = this.sim.schedule({
      delayMs: at - this.now(),
      actor: this.actor,
      label: `${this.actor} flush backoffQ`,
      run: () => {
        this.backoffTimer = undefined;
        this.flushBackoffQCompleted();
      },
    });
  }

  flushBackoffQCompleted(): void {
    const now = this.now();
    for (
      let head = this.backoffQ.peek();
      head && this.backoffTime(head) <= now;
      head = this.backoffQ.peek()
    ) {
      this.backoffQ.pop();
      this.toActive(head);
    }
    this.armBackoffTimer();
  }

  /** where a pod waits: 'active' | 'backoff' | 'unschedulable' | undefined */
  whereIs(key: string): 'active' | 'backoff' | 'unschedulable' | undefined {
    if (this.activeQ.has(key)) return 'active';
    if (this.backoffQ.has(key)) return 'backoff';
    if (this.unschedulable.has(key)) return 'unschedulable';
    return undefined;
  }

  get activeLength(): number {
    return this.activeQ.length;
  }

  pendingCounts(): { active: number; backoff: number; unschedulable: number } {
    return {
      active: this.activeQ.length,
      backoff: this.backoffQ.length,
      unschedulable: this.unschedulable.size,
    };
  }
}
