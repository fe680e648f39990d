// Table tests of the simulated cloud-disk driver: capacity rounding, zone choice and the PV external-provisioner makes.
import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { chooseZoneForVolume, csiDiskVolume, diskCapacity, diskHandle } from './csiDisk';
import { defaultStorageClass } from './storageClass';

const claim = (storage: string, name = 'data-db-0'): PersistentVolumeClaim => ({
  metadata: { name, namespace: 'default', uid: 'u1' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
});

describe('diskCapacity', () => {
  const rows = [
    { name: 'whole GiB kept', input: '10Gi', expected: '10Gi' },
    { name: 'below 1 GiB rounds up to 1 GiB', input: '100Mi', expected: '1Gi' },
    { name: 'decimal units round up', input: '5G', expected: '5Gi' },
    { name: 'just over a GiB', input: '1025Mi', expected: '2Gi' },
  ];
  it.each(rows)('$name', ({ input, expected }) => expect(diskCapacity(claim(input))).toBe(expected));
});

describe('chooseZoneForVolume', () => {
  const zones = ['zone-c', 'zone-a', 'zone-b', 'zone-a'];
  it('returns undefined without zones', () => expect(chooseZoneForVolume([], 'x')).toBeUndefined());
  it('puts consecutive StatefulSet ordinals in consecutive zones (sorted)', () => {
    const picks = [0, 1, 2, 3].map((i) => chooseZoneForVolume(zones, `data-db-${i}`));
    expect(new Set(picks.slice(0, 3)).size).toBe(3);
    expect(picks[3]).toBe(picks[0]);
  });
  it('is a pure function of the name', () =>
    expect(chooseZoneForVolume(zones, 'logs')).toBe(chooseZoneForVolume([...zones].reverse(), 'logs')));
});

describe('csiDiskVolume', () => {
  const sc = defaultStorageClass() as unknown as StorageClass;
  const rows = [
    {
      name: 'zonal disk pinned to its zone',
      zone: 'zone-b' as string | undefined,
      handle: 'projects/kubesim/zones/zone-b/disks/pvc-u1',
      affinity: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] }],
    },
    {
      name: 'no zone: global disk, no affinity',
      zone: undefined,
      handle: diskHandle(undefined, 'pvc-u1'),
      affinity: undefined,
    },
  ];
  it.each(rows)('$name', ({ zone, handle, affinity }) => {
    const pv = csiDiskVolume(claim('2Gi'), sc, zone) as unknown as PersistentVolume;
    expect(pv.metadata?.name).toBe('pvc-u1');
    expect(pv.metadata?.annotations?.['pv.kubernetes.io/provisioned-by']).toBe('disk.csi.kubesim.io');
    expect(pv.spec?.csi).toMatchObject({
      driver: 'disk.csi.kubesim.io',
      fsType: 'ext4',
      volumeHandle: handle,
    });
    expect(pv.spec?.csi?.volumeAttributes?.['storage.kubernetes.io/csiProvisionerIdentity']).toMatch(
      /^\d{13}-8081-disk\.csi\.kubesim\.io$/,
    );
    expect(pv.spec?.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions).toEqual(affinity);
    expect(pv.spec).toMatchObject({
      capacity: { storage: '2Gi' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      claimRef: { namespace: 'default', name: 'data-db-0', uid: 'u1' },
    });
    expect(pv.spec?.hostPath).toBeUndefined();
  });
});
