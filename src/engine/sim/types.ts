// Contracts of the simulation kernel: virtual clock, seeded randomness, the event queue and the trace.
// Every component schedules its work here; nothing in src/engine reads wall-clock time or Math.random.

/** Seeded random stream (pure-rand xoroshiro128plus underneath). */
export interface Rng {
  /** integer in [from, to], both included */
  int(from: number, to: number): number;
  /** float in [0, 1) */
  float(): number;
  pick<T>(items: readonly T[]): T;
  /** Fisher-Yates shuffle of a copy */
  shuffle<T>(items: readonly T[]): T[];
  /** n characters drawn from alphabet */
  string(length: number, alphabet: string): string;
  /** an RFC 4122 v4-shaped UID drawn from this stream */
  uuid(): string;
  /** independent child stream: same (seed, label) always gives the same stream, whatever else was drawn */
  fork(label: string): Rng;
  /** state for save/restore */
  getState(): readonly number[];
}

export interface Clock {
  /** virtual milliseconds since the simulation epoch */
  nowMs(): number;
  /** RFC 3339 timestamp of nowMs (second precision, like metav1.Time), e.g. 2025-01-01T00:00:05Z */
  nowRfc3339(): string;
  /** RFC 3339 of an arbitrary virtual ms */
  toRfc3339(ms: number): string;
  /** inverse of toRfc3339 */
  fromRfc3339(ts: string): number;
}

export interface ScheduleOptions {
  /** delay from now in virtual ms (>= 0) */
  delayMs: number;
  /** who does the work, e.g. 'kube-controller-manager/replicaset', 'kubelet/node-1', 'scheduler' */
  actor: string;
  /** what the work is, for the trace and `sim settle` diagnostics */
  label: string;
  /**
   * Periodic upkeep (heartbeats, resyncs) that never "finishes". `sim settle` ignores background events
   * when deciding whether the cluster is quiet.
   */
  background?: boolean;
  run: () => void;
}

export interface TimerHandle {
  readonly id: number;
  readonly atMs: number;
}

export interface SettleResult {
  settled: boolean;
  /** virtual ms spent */
  elapsedMs: number;
  /** labels of the foreground events still pending when it gave up (empty when settled) */
  pending: string[];
}

export interface TraceRecord {
  seq: number;
  timeMs: number;
  actor: string;
  /** e.g. 'create', 'update', 'delete', 'reconcile', 'schedule', 'bind' */
  action: string;
  /** resource/namespace/name, e.g. 'pods/default/web-abc12' */
  target: string;
  /** store revision written, when the action wrote */
  revision?: number;
  /** why: e.g. 'watch MODIFIED deployments/default/web@42' or 'kubectl apply' */
  cause?: string;
  message?: string;
}

export interface Trace {
  record(r: Omit<TraceRecord, 'seq' | 'timeMs'>): TraceRecord;
  all(): readonly TraceRecord[];
  /** records since (excluding) seq */
  since(seq: number): readonly TraceRecord[];
  subscribe(fn: (r: TraceRecord) => void): () => void;
}

export interface Simulation {
  readonly clock: Clock;
  /** root stream; components should use rng.fork('<component>') */
  readonly rng: Rng;
  readonly trace: Trace;
  schedule(opts: ScheduleOptions): TimerHandle;
  cancel(handle: TimerHandle): void;
  /** run the next due event (advancing the clock to it); false when the queue is empty */
  step(): boolean;
  /** run every event due within the next ms, then set the clock to now+ms */
  advance(ms: number): void;
  /**
   * run until no foreground event is pending, or timeoutMs of virtual time passed; stop (optional) is checked before
   * each event, and once it is true settle returns at once, reporting settled: false
   */
  settle(timeoutMs: number, stop?: () => boolean): SettleResult;
  /** run until predicate() is true (checked after each event) or timeoutMs passes; returns whether it became true */
  runUntil(predicate: () => boolean, timeoutMs: number): boolean;
  /** number of pending events (foreground only when foregroundOnly) */
  pendingCount(foregroundOnly?: boolean): number;
}
