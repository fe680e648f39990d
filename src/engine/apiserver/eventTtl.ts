// Events live for kube-apiserver's --event-ttl (default 1h) after their last write: the event registry's TTLFunc
// (pkg/registry/core/event/storage/storage.go) gives every create and update that TTL, the write attaches the key
// to an etcd lease (leaseManager.ts), and when the lease expires etcd's lessor deletes every key still attached
// to it, in key order, in one revision (etcd server/lease/lessor.go Revoke). Watchers see them DELETED.
import type { KeyValue, MvccStore } from '../store/types';
import type { Simulation } from '../sim/types';
import { formatDuration } from '../commands/duration';
import { LeaseManager } from './leaseManager';

export const DEFAULT_EVENT_TTL_SECONDS = 3600;

interface Puts {
  keys: string[];
  revisions: number[];
}

export class EventTtl {
  private readonly leases = new LeaseManager();
  /** the puts of each live lease, in write order: a key and the revision it was put at */
  private readonly putsOf = new Map<number, Puts>();
  private readonly cause: string;

  constructor(
    private readonly store: MvccStore,
    private readonly sim: Simulation,
    /** kube-apiserver --event-ttl */
    private readonly ttlSeconds: number,
  ) {
    this.cause = `lease expired (--event-ttl=${formatDuration(ttlSeconds * 1000)})`;
  }

  /** after a create or update of key, written at revision: put it with the current lease */
  attach(key: string, revision: number): void {
    const nowMs = this.sim.clock.nowMs();
    const { lease, granted } = this.leases.getLease(nowMs, this.ttlSeconds);
    // a reused lease is always still open: reuse needs its expiry to be more than the TTL away
    const puts =
      (granted ? undefined : this.putsOf.get(lease.id)) ?? this.open(lease.id, lease.expiresAtMs - nowMs);
    puts.keys.push(key);
    puts.revisions.push(revision);
  }

  /** a new lease: its list of puts, and the lessor's revocation when it expires */
  private open(id: number, delayMs: number): Puts {
    const puts: Puts = { keys: [], revisions: [] };
    this.putsOf.set(id, puts);
    this.sim.schedule({
      delayMs,
      actor: 'etcd',
      label: `lease ${id} expiry`,
      // upkeep, like etcd's lessor loop: `sim settle` does not wait an hour for it
      background: true,
      run: () => this.revoke(id),
    });
    return puts;
  }

  /**
   * lessor Revoke: delete the keys still attached to this lease, sorted, as one revision. A key is still attached when
   * its value is the one this lease's put wrote: a later put moved it to a newer lease, a delete detached it.
   */
  private revoke(id: number): void {
    const puts = this.putsOf.get(id);
    this.putsOf.delete(id);
    if (!puts) return;
    const doomed: KeyValue[] = [];
    for (let i = 0; i < puts.keys.length; i++) {
      const kv = this.store.get(puts.keys[i] as string);
      if (kv !== undefined && kv.modRevision === puts.revisions[i]) doomed.push(kv);
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
