// Table tests of static volume matching (pv_controller findBestMatchForClaim).
import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { findMatchingVolume } from './binding';

const pv = (
  name: string,
  size: string,
  over: Partial<NonNullable<PersistentVolume['spec']>> = {},
  phase = 'Available',
): PersistentVolume => ({
  metadata: { name },
  spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', ...over },
  status: { phase },
});
const claim: PersistentVolumeClaim = {
  metadata: { name: 'data', namespace: 'default', uid: 'c1' },
  spec: {
    accessModes: ['ReadWriteOnce'],
    storageClassName: 'manual',
    resources: { requests: { storage: '2Gi' } },
  },
};

describe('findMatchingVolume', () => {
  const rows: { name: string; volumes: PersistentVolume[]; want: string | undefined }[] = [
    {
      name: 'smallest that fits',
      volumes: [pv('big', '10Gi'), pv('fit', '5Gi'), pv('small', '1Gi')],
      want: 'fit',
    },
    { name: 'wrong class', volumes: [pv('a', '5Gi', { storageClassName: 'fast' })], want: undefined },
    {
      name: 'missing access mode',
      volumes: [pv('a', '5Gi', { accessModes: ['ReadOnlyMany'] })],
      want: undefined,
    },
    {
      name: 'already bound elsewhere',
      volumes: [pv('a', '5Gi', { claimRef: { namespace: 'default', name: 'other' } }, 'Bound')],
      want: undefined,
    },
    { name: 'Released volumes are not reused', volumes: [pv('a', '5Gi', {}, 'Released')], want: undefined },
    {
      name: 'pre-bound to this claim wins',
      volumes: [pv('fit', '3Gi'), pv('pre', '9Gi', { claimRef: { namespace: 'default', name: 'data' } })],
      want: 'pre',
    },
  ];
  it.each(rows)('$name', ({ volumes, want }) => {
    expect(findMatchingVolume(claim, volumes)?.metadata?.name).toBe(want);
  });
});
