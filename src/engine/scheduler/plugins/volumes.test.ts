// VolumeBinding, VolumeZone, VolumeRestrictions and NodeVolumeLimits with an in-memory VolumeLister.
import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { newVolumeBinding } from './volumeBinding';
import { newVolumeZone } from './volumeZone';
import { newVolumeRestrictions } from './volumeRestrictions';
import { newNodeVolumeLimits } from './nodeVolumeLimits';
import type { VolumeLister } from './volumeTypes';
import { contextOf, makeNode, makePod, nodeInfos, runFilter } from './testHelpers';

const pvc = (
  name: string,
  volumeName?: string,
  storageClassName?: string,
  accessModes?: string[],
): PersistentVolumeClaim => ({
  metadata: { name, namespace: 'default' },
  spec: {
    ...(volumeName ? { volumeName } : {}),
    ...(storageClassName ? { storageClassName } : {}),
    ...(accessModes ? { accessModes } : {}),
  },
});
const lister = (
  pvcs: PersistentVolumeClaim[],
  pvs: PersistentVolume[] = [],
  limits?: Record<string, number>,
): VolumeLister => ({
  getPVC: (ns, n) => pvcs.find((c) => c.metadata?.name === n && ns === 'default'),
  getPV: (n) => pvs.find((v) => v.metadata?.name === n),
  getStorageClass: (n): StorageClass | undefined =>
    n === 'wffc'
      ? { metadata: { name: n }, provisioner: 'x', volumeBindingMode: 'WaitForFirstConsumer' }
      : n === 'fast'
        ? { metadata: { name: n }, provisioner: 'x' }
        : undefined,
  ...(limits ? { csiNodeLimits: () => limits } : {}),
});
const podWithClaims = (name: string, claims: string[], nodeName?: string): Pod =>
  makePod({
    name,
    ...(nodeName ? { nodeName } : {}),
    spec: { volumes: claims.map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })) },
  });

describe('VolumeBinding', () => {
  const pv: PersistentVolume = {
    metadata: { name: 'pv1' },
    spec: {
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
        },
      },
    },
  };
  const infos = nodeInfos([
    makeNode('na', { labels: { zone: 'a' } }),
    makeNode('nb', { labels: { zone: 'b' } }),
  ]);
  it.each([
    {
      name: 'missing claim',
      claims: ['nope'],
      want: {
        na: 'UnschedulableAndUnresolvable: persistentvolumeclaim "nope" not found',
        nb: 'UnschedulableAndUnresolvable: persistentvolumeclaim "nope" not found',
      },
    },
    {
      name: 'unbound WaitForFirstConsumer claim is fine',
      claims: ['late'],
      want: { na: 'Success', nb: 'Success' },
    },
    {
      name: 'unbound Immediate claim',
      claims: ['now'],
      want: {
        na: 'UnschedulableAndUnresolvable: pod has unbound immediate PersistentVolumeClaims',
        nb: 'UnschedulableAndUnresolvable: pod has unbound immediate PersistentVolumeClaims',
      },
    },
    {
      name: 'bound PV node affinity',
      claims: ['bound'],
      want: {
        na: 'Success',
        nb: "UnschedulableAndUnresolvable: node(s) didn't match PersistentVolume's node affinity",
      },
    },
  ])('$name', ({ claims, want }) => {
    const ctx = contextOf(infos, {
      volumes: lister(
        [pvc('late', undefined, 'wffc'), pvc('now', undefined, 'fast'), pvc('bound', 'pv1')],
        [pv],
      ),
    });
    expect(runFilter(newVolumeBinding(), podWithClaims('p', claims), infos, ctx)).toEqual(want);
  });
});

describe('VolumeZone (TestSingleZone)', () => {
  it('bound PV zones restrict nodes; zone-less nodes pass', () => {
    const pv: PersistentVolume = {
      metadata: { name: 'pv1', labels: { 'topology.kubernetes.io/zone': 'us-west1-a__us-west1-b' } },
      spec: {},
    };
    const infos = nodeInfos([
      makeNode('a', { labels: { 'topology.kubernetes.io/zone': 'us-west1-a' } }),
      makeNode('c', { labels: { 'topology.kubernetes.io/zone': 'us-west1-c' } }),
      makeNode('beta', { labels: { 'failure-domain.beta.kubernetes.io/zone': 'us-west1-b' } }),
      makeNode('none'),
    ]);
    const ctx = contextOf(infos, { volumes: lister([pvc('claim', 'pv1')], [pv]) });
    expect(runFilter(newVolumeZone(), podWithClaims('p', ['claim']), infos, ctx)).toEqual({
      a: 'Success',
      c: 'UnschedulableAndUnresolvable: node(s) had no available volume zone',
      beta: 'UnschedulableAndUnresolvable: node(s) had no available volume zone',
      none: 'Success',
    });
  });
});

describe('VolumeRestrictions', () => {
  it('GCE PD conflicts unless both read-only (TestGCEDiskConflicts)', () => {
    const gce = (name: string, readOnly: boolean, nodeName?: string) =>
      makePod({
        name,
        ...(nodeName ? { nodeName } : {}),
        spec: { volumes: [{ name: 'v', gcePersistentDisk: { pdName: 'foo', readOnly } }] },
      });
    expect(
      runFilter(newVolumeRestrictions(), gce('p', false), nodeInfos([makeNode('n')], [gce('e', false, 'n')]))
        .n,
    ).toBe('Unschedulable: node(s) had no available disk');
    expect(
      runFilter(newVolumeRestrictions(), gce('p', true), nodeInfos([makeNode('n')], [gce('e', true, 'n')])).n,
    ).toBe('Success');
  });
  it('ReadWriteOncePod claim in use', () => {
    const infos = nodeInfos([makeNode('n')], [podWithClaims('user', ['solo'], 'n')]);
    const ctx = contextOf(infos, { volumes: lister([pvc('solo', 'pv', undefined, ['ReadWriteOncePod'])]) });
    expect(runFilter(newVolumeRestrictions(), podWithClaims('p', ['solo']), infos, ctx).n).toBe(
      'UnschedulableAndUnresolvable: node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode',
    );
  });
});

describe('NodeVolumeLimits', () => {
  it('counts unique CSI volume handles per driver against CSINode limits', () => {
    const pv = (n: string): PersistentVolume => ({
      metadata: { name: n },
      spec: { csi: { driver: 'ebs.csi.aws.com', volumeHandle: n } },
    });
    const claims = [pvc('c1', 'pv1'), pvc('c2', 'pv2'), pvc('c3', 'pv3')];
    const infos = nodeInfos([makeNode('n')], [podWithClaims('e', ['c1', 'c2'], 'n')]);
    const ctx = contextOf(infos, {
      volumes: lister(claims, [pv('pv1'), pv('pv2'), pv('pv3')], { 'ebs.csi.aws.com': 2 }),
    });
    expect(runFilter(newNodeVolumeLimits(), podWithClaims('p', ['c3']), infos, ctx).n).toBe(
      'Unschedulable: node(s) exceed max volume count',
    );
    expect(runFilter(newNodeVolumeLimits(), podWithClaims('p', ['c1']), infos, ctx).n).toBe('Success');
  });
});
