// Events live for kube-apiserver's --event-ttl (default 1h) after their last write: the event registry's TTLFunc
// (pkg/registry/core/event/storage/storage.go) gives every create and update that TTL, the write attaches the key
// to an etcd lease (leaseManager.ts), and when the lease expires etcd's lessor deletes every key still attached
// to it, in key order, in one revision (etcd server/lease/lessor.go Revoke). Watchers see them DELETED.
import type { KeyValue, MvccStore } from '../store/types';
import type { Simulation } from '../sim/types';
import { formatDuration } from '../commands/duration';
import { LeaseManager } from './leaseManager';

export const DEFAULT_EVENT_TTL_SECONDS = 3600;

export class EventTtl {
  private readonly leases = new LeaseManager();
  /** keys put with each live lease, in write order (a key written again may appear twice) */
  private readonly keysOf = new Map<number, string[]>();
  /** the lease each key was last put with */
  private readonly leaseOf = new Map<string, number>();
  private readonly cause: string;

  constructor(
    private readonly store: MvccStore,
    private readonly sim: Simulation,
    private readonly ttlSeconds = DEFAULT_EVENT_TTL_SECONDS,
  ) {
    this.cause = `lease expired (--event-ttl=${formatDuration(ttlSeconds * 1000)})`;
  }

  /** after a create or update of key: put it with the current lease */
  attach(key: string): void {
    const nowMs = this.sim.clock.nowMs();
    const { lease, granted } = this.leases.getLease(nowMs, this.ttlSeconds);
    // a reused lease is always still open: reuse needs its expiry to be more than the TTL away
    const keys =
      (granted ? undefined : this.keysOf.get(lease.id)) ?? this.open(lease.id, lease.expiresAtMs - nowMs);
    keys.push(key);
    this.leaseOf.set(key, lease.id);
  }

  /** a new lease: its key list, and the lessor's revocation when it expires */
  private open(id: number, delayMs: number): string[] {
    const keys: string[] = [];
    this.keysOf.set(id, keys);
    this.sim.schedule({
      delayMs,
      actor: 'etcd',
      label: `lease ${id} expiry`,
      // upkeep, like etcd's lessor loop: `sim settle` does not wait an hour for it
      background: true,
      run: () => this.revoke(id),
    });
    return keys;
  }

  /** lessor Revoke: delete the keys whose latest put was with this lease, sorted, as one revision */
  private revoke(id: number): void {
    const keys = this.keysOf.get(id) ?? [];
    this.keysOf.delete(id);
    const doomed: KeyValue[] = [];
    for (const key of keys) {
      if (this.leaseOf.get(key) !== id) continue;
      this.leaseOf.delete(key);
      const kv = this.store.get(key);
      if (kv !== undefined) doomed.push(kv);
    }
    if (doomed.length === 0) return;
    doomed.sort((a, b) => (a.key < b.key ? -1 : 1));
    this.store.txn(
      [],
      doomed.map((kv) => ({ op: 'delete', key: kv.key })),
    );
    for (const { value } of doomed) {
      this.sim.trace.record({
        actor: 'etcd',
        action: 'delete',
        target: `events/${value.metadata.namespace ?? ''}/${value.metadata.name ?? ''}`,
        revision: this.store.revision,
        cause: this.cause,
      });
    }
  }
}
