// The API server's etcd lease sharing (staging/src/k8s.io/apiserver/pkg/storage/etcd3/lease_manager.go): a write
// with a TTL gets a lease; the previous lease is reused while its expiry lies between now + TTL and now + TTL + the
// reuse window and it has had fewer than MaxObjectCount objects; otherwise a new one is granted for TTL + the window.

/** storagebackend DefaultLeaseReuseDurationSeconds, newDefaultLeaseManager's percent, defaultLeaseMaxObjectCount */
const DEFAULT_REUSE_DURATION_SECONDS = 60;
const DEFAULT_REUSE_DURATION_PERCENT = 0.05;
const DEFAULT_MAX_OBJECT_COUNT = 1000;

export interface Lease {
  readonly id: number;
  /** virtual ms at which etcd revokes it */
  readonly expiresAtMs: number;
}

export class LeaseManager {
  private prev: Lease | undefined;
  private attachedCount = 0;
  private nextId = 1;

  constructor(
    private readonly reuseDurationSeconds = DEFAULT_REUSE_DURATION_SECONDS,
    private readonly reuseDurationPercent = DEFAULT_REUSE_DURATION_PERCENT,
    private readonly maxObjectCount = DEFAULT_MAX_OBJECT_COUNT,
  ) {}

  /** objects attached to the current lease (leaseAttachedObjectCount) */
  get leaseAttachedObjectCount(): number {
    return this.attachedCount;
  }

  /** getReuseDurationSecondsLocked: the smaller of the percent of the TTL (truncated) and the fixed seconds */
  reuseDurationSecondsFor(ttlSeconds: number): number {
    return Math.min(Math.trunc(this.reuseDurationPercent * ttlSeconds), this.reuseDurationSeconds);
  }

  /** GetLease: the lease a write at nowMs with this TTL attaches its key to; `granted` when it is a new one */
  getLease(nowMs: number, ttlSeconds: number): { lease: Lease; granted: boolean } {
    const reuse = this.reuseDurationSecondsFor(ttlSeconds);
    const prev = this.prev;
    // every call counts, reused or not (a new lease then starts again at 1)
    this.attachedCount++;
    if (
      prev !== undefined &&
      nowMs + ttlSeconds * 1000 < prev.expiresAtMs &&
      // After(): real time always moves on between two writes, virtual time may not, so an equal instant counts
      nowMs + (ttlSeconds + reuse) * 1000 >= prev.expiresAtMs &&
      this.attachedCount <= this.maxObjectCount
    ) {
      return { lease: prev, granted: false };
    }
    const lease: Lease = { id: this.nextId++, expiresAtMs: nowMs + (ttlSeconds + reuse) * 1000 };
    this.prev = lease;
    this.attachedCount = 1;
    return { lease, granted: true };
  }
}
