// The simulated cloud-disk CSI driver behind the default StorageClass: CreateVolume makes a zonal disk in the zone
// of the consumer's node, and external-provisioner turns the answer into a PersistentVolume pinned to that zone.
// mirrors kubernetes-csi/external-provisioner pkg/controller/controller.go Provision (PV shape, identity,
// GenerateVolumeNodeAffinity) and the GCE PD CSI driver (handle `projects/<project>/zones/<zone>/disks/<name>`).
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { EPOCH_UNIX_DAYS } from '../../sim/clock';
import type { KubeObject } from '../../types/object';
import { ANN_DYNAMICALLY_PROVISIONED, claimRefOf, requestBytes } from './binding';

/** the well-known zone label nodes carry; the driver reports it as its topology key */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
/** external-provisioner's provisionerIDKey volume attribute */
export const PROVISIONER_ID_KEY = 'storage.kubernetes.io/csiProvisionerIdentity';
export const ANN_DELETION_SECRET_NAME = 'volume.kubernetes.io/provisioner-deletion-secret-name';
export const ANN_DELETION_SECRET_NAMESPACE = 'volume.kubernetes.io/provisioner-deletion-secret-namespace';
/** the simulated cloud project the disks live in */
export const DISK_PROJECT = 'kubesim';
/** external-provisioner's --default-fstype as cloud-disk drivers deploy it */
export const DEFAULT_FS_TYPE = 'ext4';
const GIB = 1024 ** 3;

/** cloud disks come in whole GiB: the driver rounds the request up (at least 1 GiB), the PV shows what it made */
export function diskCapacity(claim: Readonly<PersistentVolumeClaim>): string {
  return `${Math.max(1, Math.ceil(requestBytes(claim) / GIB))}Gi`;
}

/**
 * csi-provisioner's identity `<start unix ms>-<rand.Intn(10000)>-<driver>`: Go's unseeded math/rand made the middle
 * number 8081 on every real cluster; the provisioner starts with the cluster (virtual ms 0).
 */
export function provisionerIdentity(driver: string): string {
  return `${EPOCH_UNIX_DAYS * 86_400_000}-8081-${driver}`;
}

/** 32-bit FNV-1 (hash/fnv New32), the hash volume helpers use to spread claims over zones */
function fnv32(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 16777619) ^ s.charCodeAt(i)) >>> 0;
  return h;
}

/**
 * The zone for a claim provisioned without a selected node (Immediate binding): mirrors
 * k8s.io/cloud-provider/volume/helpers ChooseZoneForVolume — StatefulSet-style names `<base>-<ordinal>` land in
 * consecutive zones, others by hash; zones are taken in sorted order.
 */
export function chooseZoneForVolume(zones: readonly string[], claimName: string): string | undefined {
  const sorted = [...new Set(zones)].sort();
  if (sorted.length === 0) return undefined;
  const m = /^(.*)-(\d+)$/.exec(claimName);
  const hash = m ? fnv32(m[1] ?? '') : fnv32(claimName);
  const index = m ? Number(m[2]) : 0;
  return sorted[(hash + index) % sorted.length];
}

/** the disk's volume handle: zonal when the zone is known, else a global disk */
export function diskHandle(zone: string | undefined, pvName: string): string {
  return zone
    ? `projects/${DISK_PROJECT}/zones/${zone}/disks/${pvName}`
    : `projects/${DISK_PROJECT}/global/disks/${pvName}`;
}

/** the PV external-provisioner creates for the disk CreateVolume returned in zone (no zone: no node affinity) */
export function csiDiskVolume(
  claim: Readonly<PersistentVolumeClaim>,
  sc: Readonly<StorageClass>,
  zone: string | undefined,
): KubeObject {
  const name = `pvc-${claim.metadata?.uid ?? ''}`;
  const fsType = sc.parameters?.['csi.storage.k8s.io/fstype'] ?? DEFAULT_FS_TYPE;
  const pv: PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      annotations: {
        [ANN_DYNAMICALLY_PROVISIONED]: sc.provisioner,
        [ANN_DELETION_SECRET_NAME]: '',
        [ANN_DELETION_SECRET_NAMESPACE]: '',
      },
    },
    spec: {
      accessModes: [...(claim.spec?.accessModes ?? ['ReadWriteOnce'])],
      capacity: { storage: diskCapacity(claim) },
      claimRef: claimRefOf(claim),
      csi: {
        driver: sc.provisioner,
        fsType,
        volumeAttributes: { [PROVISIONER_ID_KEY]: provisionerIdentity(sc.provisioner) },
        volumeHandle: diskHandle(zone, name),
      },
      ...(zone
        ? {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: ZONE_LABEL, operator: 'In', values: [zone] }] },
                ],
              },
            },
          }
        : {}),
      ...(sc.mountOptions ? { mountOptions: [...sc.mountOptions] } : {}),
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata?.name,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    },
  };
  return pv as unknown as KubeObject;
}
