// Table tests of the API server's lease sharing, after lease_manager_test.go and store_test.go TestLeaseMaxObjectCount.
import { describe, expect, it } from 'vitest';
import { LeaseManager } from './leaseManager';

describe('LeaseManager (etcd3 lease_manager.go)', () => {
  it.each([
    // TestGetReuseDurationSeconds
    { ttl: 3600, duration: 60 },
    { ttl: 1000, duration: 50 },
    // 5 % truncated, as int64(0.05 * float64(ttl))
    { ttl: 120, duration: 6 },
    { ttl: 19, duration: 0 },
  ])('reuses a lease for min(60s, 5% of the TTL): ttl $ttl -> $duration', ({ ttl, duration }) => {
    expect(new LeaseManager().reuseDurationSecondsFor(ttl)).toBe(duration);
  });

  it('starts a new lease after MaxObjectCount objects (TestLeaseMaxObjectCount)', () => {
    const lm = new LeaseManager(60, 0.05, 2);
    const rows = [
      { key: 'testkey1', expectAttachedCount: 1, granted: true },
      { key: 'testkey2', expectAttachedCount: 2, granted: false },
      // each call attaches one object, so after granting a new lease the count is 1 again
      { key: 'testkey3', expectAttachedCount: 1, granted: true },
    ];
    for (const row of rows) {
      const { granted } = lm.getLease(0, 120);
      expect({ key: row.key, count: lm.leaseAttachedObjectCount, granted }).toEqual({
        key: row.key,
        count: row.expectAttachedCount,
        granted: row.granted,
      });
    }
  });

  it.each([
    // a write at `atMs` after the first one (granted at 0 for 3600 + 60 s)
    { atMs: 0, lease: 1, expiresAtMs: 3_660_000 },
    { atMs: 30_000, lease: 1, expiresAtMs: 3_660_000 },
    { atMs: 59_999, lease: 1, expiresAtMs: 3_660_000 },
    // now + ttl is no longer before the expiry: a new lease
    { atMs: 60_000, lease: 2, expiresAtMs: 3_720_000 },
  ])('a write $atMs ms after the first gets lease $lease', ({ atMs, lease, expiresAtMs }) => {
    const lm = new LeaseManager();
    lm.getLease(0, 3600);
    expect(lm.getLease(atMs, 3600).lease).toEqual({ id: lease, expiresAtMs });
  });

  it('grants a new lease once the clock passes the previous expiry (valid fails)', () => {
    const lm = new LeaseManager();
    lm.getLease(0, 3600);
    expect(lm.getLease(5_000_000, 3600)).toEqual({
      lease: { id: 2, expiresAtMs: 5_000_000 + 3_660_000 },
      granted: true,
    });
  });
});
