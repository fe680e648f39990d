// StorageObjectInUseProtection admission: the protection finalizer on every new claim and volume, exactly once.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import { KUBECTL, newTestApi } from '../testSupport';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from './index';

const claim = (finalizers?: string[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', ...(finalizers ? { finalizers } : {}) },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});

const volume = (finalizers?: string[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: 'pv1', ...(finalizers ? { finalizers } : {}) },
  spec: {
    accessModes: ['ReadWriteOnce'],
    capacity: { storage: '1Gi' },
    hostPath: { path: '/data' },
  },
});

describe('StorageObjectInUseProtection admission', () => {
  const cases: {
    name: string;
    resource: string;
    obj: KubeObject;
    want: string[];
  }[] = [
    { name: 'claim gets pvc-protection', resource: 'pvc', obj: claim(), want: [PVC_PROTECTION_FINALIZER] },
    {
      name: 'claim keeps its own finalizers first',
      resource: 'pvc',
      obj: claim(['example.com/keep']),
      want: ['example.com/keep', PVC_PROTECTION_FINALIZER],
    },
    {
      name: 'claim that already has it is left alone',
      resource: 'pvc',
      obj: claim([PVC_PROTECTION_FINALIZER, 'example.com/keep']),
      want: [PVC_PROTECTION_FINALIZER, 'example.com/keep'],
    },
    { name: 'volume gets pv-protection', resource: 'pv', obj: volume(), want: [PV_PROTECTION_FINALIZER] },
    {
      name: 'volume that already has it is left alone',
      resource: 'pv',
      obj: volume([PV_PROTECTION_FINALIZER]),
      want: [PV_PROTECTION_FINALIZER],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { api } = newTestApi();
      const ns = c.resource === 'pvc' ? 'default' : undefined;
      expect(api.create(c.resource, ns, c.obj, KUBECTL).metadata.finalizers).toEqual(c.want);
    });
  }

  it('adds nothing to other kinds, nor on update', () => {
    const { api } = newTestApi();
    const cm = api.create(
      'configmaps',
      'default',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
      KUBECTL,
    );
    expect(cm.metadata.finalizers).toBeUndefined();
    const created = api.create('pvc', 'default', claim(), KUBECTL);
    const updated = api.update(
      'pvc',
      'default',
      { ...created, metadata: { ...created.metadata, finalizers: [] } },
      KUBECTL,
    );
    expect(updated.metadata.finalizers).toBeUndefined();
  });

  it('a deleted claim stays, with a deletionTimestamp, until the finalizer is removed', () => {
    const { api } = newTestApi();
    api.create('pvc', 'default', claim(), KUBECTL);
    const deleting = api.delete('pvc', 'default', 'data', {}, KUBECTL);
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    const stored = api.get('pvc', 'default', 'data');
    api.update('pvc', 'default', { ...stored, metadata: { ...stored.metadata, finalizers: [] } }, KUBECTL);
    expect(api.list('pvc', 'default').items).toEqual([]);
  });
});
