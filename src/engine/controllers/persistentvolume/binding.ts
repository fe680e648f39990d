// Pure PV/PVC binding decisions: which static volume fits a claim, and the PV a dynamic provisioner creates.
// mirrors pkg/controller/volume/persistentvolume/pv_controller.go findBestMatchForClaim (volume/util FindMatchingVolume),
// bind/bindVolumeToClaim/bindClaimToVolume, and local-path-provisioner's Provision.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../types/object';
import { value } from '../../quantity/cache';

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';

export function requestBytes(claim: Readonly<PersistentVolumeClaim>): number {
  const q = claim.spec?.resources?.requests?.storage;
  return q === undefined ? 0 : value(q);
}

export function capacityBytes(pv: Readonly<PersistentVolume>): number {
  const q = pv.spec?.capacity?.storage;
  return q === undefined ? 0 : value(q);
}

function claimClass(claim: Readonly<PersistentVolumeClaim>): string {
  return claim.spec?.storageClassName ?? '';
}

/** does pv satisfy claim: free (or pre-bound to it), same class, mode, access modes and enough capacity */
export function volumeFits(pv: Readonly<PersistentVolume>, claim: Readonly<PersistentVolumeClaim>): boolean {
  const ref = pv.spec?.claimRef;
  if (
    ref &&
    !(
      ref.namespace === claim.metadata?.namespace &&
      ref.name === claim.metadata?.name &&
      (!ref.uid || ref.uid === claim.metadata?.uid)
    )
  )
    return false;
  if (pv.metadata?.deletionTimestamp) return false;
  if (!ref && pv.status?.phase !== 'Available' && pv.status?.phase !== 'Pending') return false;
  if ((pv.spec?.storageClassName ?? '') !== claimClass(claim)) return false;
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) return false;
  const modes = new Set(pv.spec?.accessModes ?? []);
  if (!(claim.spec?.accessModes ?? []).every((m) => modes.has(m))) return false;
  return capacityBytes(pv) >= requestBytes(claim);
}

/** findBestMatchForClaim: a volume pre-bound to the claim wins, else the smallest that fits */
export function findMatchingVolume(
  claim: Readonly<PersistentVolumeClaim>,
  volumes: readonly Readonly<PersistentVolume>[],
): Readonly<PersistentVolume> | undefined {
  let best: Readonly<PersistentVolume> | undefined;
  for (const pv of volumes) {
    if (!volumeFits(pv, claim)) continue;
    if (pv.spec?.claimRef) return pv;
    if (!best || capacityBytes(pv) < capacityBytes(best)) best = pv;
  }
  return best;
}

/** reference.GetReference(claim): the claimRef a provisioned or bound PV points back with */
export function claimRefOf(
  claim: Readonly<PersistentVolumeClaim>,
): NonNullable<PersistentVolume['spec']>['claimRef'] {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    namespace: claim.metadata?.namespace,
    name: claim.metadata?.name,
    uid: claim.metadata?.uid,
    resourceVersion: claim.metadata?.resourceVersion,
  };
}

/** the PV local-path-provisioner creates for claim on node (hostPath pinned to that node) */
export function provisionedVolume(
  claim: Readonly<PersistentVolumeClaim>,
  sc: Readonly<StorageClass>,
  node: string | undefined,
): KubeObject {
  const ns = claim.metadata?.namespace ?? '';
  const name = `pvc-${claim.metadata?.uid ?? ''}`;
  const pv: PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      annotations: {
        [ANN_DYNAMICALLY_PROVISIONED]: sc.provisioner,
        ...(node ? { 'local.path.provisioner/selected-node': node } : {}),
      },
    },
    spec: {
      capacity: { storage: claim.spec?.resources?.requests?.storage ?? '0' },
      accessModes: [...(claim.spec?.accessModes ?? ['ReadWriteOnce'])],
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata?.name,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
      claimRef: claimRefOf(claim),
      hostPath: {
        path: `/var/local-path-provisioner/${name}_${ns}_${claim.metadata?.name ?? ''}`,
        type: 'DirectoryOrCreate',
      },
      ...(node
        ? {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] },
                ],
              },
            },
          }
        : {}),
    },
  };
  return pv as unknown as KubeObject;
}
