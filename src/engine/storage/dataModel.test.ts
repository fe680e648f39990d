// The simulated data of an emptyDir starts at zero with each pod; a PV's count lives in its annotation.
import { describe, expect, it } from 'vitest';
import { emptyDirWrites, pvWrites, WRITE_INTERVAL_MS } from './dataModel';

describe('volume data model', () => {
  const rows = [
    { name: 'not running', since: undefined, now: 100_000, want: 0 },
    { name: 'just started', since: 50_000, now: 50_000 + WRITE_INTERVAL_MS - 1, want: 0 },
    { name: 'three intervals', since: 50_000, now: 50_000 + 3 * WRITE_INTERVAL_MS, want: 3 },
  ];
  it.each(rows)('emptyDir: $name', ({ since, now, want }) => expect(emptyDirWrites(since, now)).toBe(want));
  it('reads the PV annotation, 0 when absent', () => {
    expect(
      pvWrites({
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { annotations: { 'kubesim.io/data-writes': '7' } },
      }),
    ).toBe(7);
    expect(pvWrites(undefined)).toBe(0);
  });
});
