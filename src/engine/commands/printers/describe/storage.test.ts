// kubectl describe pvc / pv: the text of describePersistentVolumeClaim / describePersistentVolume, and getPodsForPVC.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../types/object';
import { describePersistentVolume, describePersistentVolumeClaim, podsForPVC } from './storage';

/** virtual ms since the sim epoch, 2025-01-01T00:00:00Z: one minute in */
const NOW = 60_000;

const claim = (extra: Partial<KubeObject['metadata']> = {}, bound = true): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'www-web-0',
    namespace: 'default',
    labels: { app: 'web' },
    finalizers: ['kubernetes.io/pvc-protection'],
    ...extra,
  },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    ...(bound ? { volumeName: 'pvc-1' } : {}),
  },
  status: bound
    ? { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } }
    : { phase: 'Pending' },
});

const pod = (name: string, claimName: string, uid = name): Pod => ({
  metadata: { name, uid },
  spec: { containers: [], volumes: [{ name: 'www', persistentVolumeClaim: { claimName } }] },
});

describe('describe persistentvolumeclaim', () => {
  const cases: { name: string; obj: KubeObject; pods: Pod[]; want: string }[] = [
    {
      name: 'bound and used',
      obj: claim(),
      pods: [pod('web-0', 'www-web-0')],
      want:
        'Name:          www-web-0\nNamespace:     default\nStorageClass:  standard\nStatus:        Bound\n' +
        'Volume:        pvc-1\nLabels:        app=web\nAnnotations:   <none>\n' +
        'Finalizers:    [kubernetes.io/pvc-protection]\nCapacity:      1Gi\nAccess Modes:  RWO\n' +
        'VolumeMode:    Filesystem\nUsed By:       web-0\nEvents:        <none>\n',
    },
    {
      name: 'being deleted: Terminating with how long it lasts',
      obj: claim({ deletionTimestamp: '2025-01-01T00:00:55Z', deletionGracePeriodSeconds: 0 }),
      pods: [pod('web-1', 'www-web-0'), pod('web-0', 'www-web-0')],
      want:
        'Name:          www-web-0\nNamespace:     default\nStorageClass:  standard\n' +
        'Status:        Terminating (lasts 5s)\nVolume:        pvc-1\nLabels:        app=web\n' +
        'Annotations:   <none>\nFinalizers:    [kubernetes.io/pvc-protection]\nCapacity:      1Gi\n' +
        'Access Modes:  RWO\nVolumeMode:    Filesystem\nUsed By:       web-0\n               web-1\n' +
        'Events:        <none>\n',
    },
    {
      name: 'pending, no finalizers, unused',
      obj: claim({ finalizers: undefined }, false),
      pods: [],
      want:
        'Name:          www-web-0\nNamespace:     default\nStorageClass:  standard\nStatus:        Pending\n' +
        'Volume:        \nLabels:        app=web\nAnnotations:   <none>\nFinalizers:    []\nCapacity:      \n' +
        'Access Modes:  \nVolumeMode:    Filesystem\nUsed By:       <none>\nEvents:        <none>\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(describePersistentVolumeClaim(c.obj, { nowMs: NOW, events: [], pods: c.pods })).toBe(c.want);
    });
  }

  it('getPodsForPVC: pods mounting the claim, then an owner pod not listed yet', () => {
    const owned = claim({ ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'eph', uid: 'u-eph' }] });
    const pods = [pod('web-0', 'www-web-0'), pod('other', 'logs'), pod('eph', 'x', 'u-eph')];
    expect(podsForPVC(owned, pods).map((p) => p.metadata?.name)).toEqual(['web-0', 'eph']);
  });
});

describe('describe persistentvolume', () => {
  const base = (spec: Record<string, unknown>, meta: Partial<KubeObject['metadata']> = {}): KubeObject => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pvc-1', finalizers: ['kubernetes.io/pv-protection'], ...meta },
    spec: {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
      claimRef: { namespace: 'default', name: 'www-web-0' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
      ...spec,
    },
    status: { phase: 'Bound' },
  });
  /** the header block; its column is as wide as its widest first cell plus 2 (tabwriter padding) */
  const head = (status: string, width: number) =>
    [
      ['Name:', 'pvc-1'],
      ['Labels:', '<none>'],
      ['Annotations:', '<none>'],
      ['Finalizers:', '[kubernetes.io/pv-protection]'],
      ['StorageClass:', 'standard'],
      ['Status:', status],
      ['Claim:', 'default/www-web-0'],
      ['Reclaim Policy:', 'Delete'],
      ['Access Modes:', 'RWO'],
      ['VolumeMode:', 'Filesystem'],
      ['Capacity:', '1Gi'],
    ]
      .map(([k, v]) => `${(k as string).padEnd(width)}${v as string}\n`)
      .join('');
  const cases: { name: string; obj: KubeObject; want: string }[] = [
    {
      name: 'CSI disk pinned to a zone',
      obj: base({
        csi: {
          driver: 'disk.csi.kubesim.io',
          fsType: 'ext4',
          volumeHandle: 'projects/kubesim/zones/zone-a/disks/pvc-1',
          volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': 'id' },
        },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-a'] },
                ],
              },
            ],
          },
        },
      }),
      want:
        // `  Required Terms:` is the widest cell of the block
        head('Bound', 19) +
        'Node Affinity:     \n  Required Terms:  \n    Term 0:        topology.kubernetes.io/zone in [zone-a]\n' +
        'Message:           \nSource:\n' +
        '    Type:              CSI (a Container Storage Interface (CSI) volume source)\n' +
        '    Driver:            disk.csi.kubesim.io\n    FSType:            ext4\n' +
        '    VolumeHandle:      projects/kubesim/zones/zone-a/disks/pvc-1\n    ReadOnly:          false\n' +
        '    VolumeAttributes:      storage.kubernetes.io/csiProvisionerIdentity=id\n' +
        'Events:                <none>\n',
    },
    {
      name: 'Terminating hostPath volume',
      obj: base(
        { hostPath: { path: '/var/data', type: 'DirectoryOrCreate' } },
        { deletionTimestamp: '2025-01-01T00:00:30Z' },
      ),
      want:
        head('Terminating (lasts 30s)', 17) +
        'Node Affinity:   <none>\nMessage:         \nSource:\n' +
        '    Type:          HostPath (bare host directory volume)\n    Path:          /var/data\n' +
        '    HostPathType:  DirectoryOrCreate\nEvents:            <none>\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(describePersistentVolume(c.obj, { nowMs: NOW, events: [] })).toBe(c.want);
    });
  }
});
