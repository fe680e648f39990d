// VolumeRestrictions: in-tree disk conflicts on a node and ReadWriteOncePod claims already in use.
// mirrors pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go (GCE PD, AWS EBS, ISCSI, RBD subset).
import type { Pod, Volume } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PreFilterPlugin } from '../framework/types';
import { skip, success, unresolvable, unschedulable } from '../framework/types';
import { podClaimNames, volumesOf } from './volumeTypes';

export const VOLUME_RESTRICTIONS = 'VolumeRestrictions';
export const ERR_REASON_DISK_CONFLICT = 'node(s) had no available disk';
export const ERR_REASON_RWOP_CONFLICT =
  'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';
const PRE_FILTER_KEY = 'PreFilter' + VOLUME_RESTRICTIONS;

const hasDisk = (v: Volume): boolean =>
  v.gcePersistentDisk !== undefined ||
  v.awsElasticBlockStore !== undefined ||
  v.iscsi !== undefined ||
  v.rbd !== undefined;

/** mirrors isVolumeConflict for one pair of volumes */
export function isVolumeConflict(v: Volume, ex: Volume): boolean {
  if (v.gcePersistentDisk !== undefined && ex.gcePersistentDisk !== undefined) {
    const a = v.gcePersistentDisk;
    const b = ex.gcePersistentDisk;
    return a.pdName === b.pdName && !(a.readOnly === true && b.readOnly === true);
  }
  if (v.awsElasticBlockStore !== undefined && ex.awsElasticBlockStore !== undefined) {
    return v.awsElasticBlockStore.volumeID === ex.awsElasticBlockStore.volumeID;
  }
  if (v.iscsi !== undefined && ex.iscsi !== undefined) {
    return v.iscsi.iqn === ex.iscsi.iqn && !(v.iscsi.readOnly === true && ex.iscsi.readOnly === true);
  }
  if (v.rbd !== undefined && ex.rbd !== undefined) {
    const shareMon = v.rbd.monitors.some((m) => ex.rbd?.monitors.includes(m));
    return (
      shareMon &&
      v.rbd.pool === ex.rbd.pool &&
      v.rbd.image === ex.rbd.image &&
      !(v.rbd.readOnly === true && ex.rbd.readOnly === true)
    );
  }
  return false;
}

export function newVolumeRestrictions(): PreFilterPlugin & FilterPlugin {
  return {
    name: VOLUME_RESTRICTIONS,
    preFilter(state, pod: Pod, ctx) {
      const disks = (pod.spec?.volumes ?? []).filter(hasDisk);
      const vols = volumesOf(ctx);
      const ns = pod.metadata?.namespace ?? '';
      const rwop =
        vols === undefined
          ? []
          : podClaimNames(pod).filter(
              (n) => vols.getPVC(ns, n)?.spec?.accessModes?.includes('ReadWriteOncePod') === true,
            );
      if (disks.length === 0 && rwop.length === 0) return skip();
      if (rwop.length > 0) {
        // O(pods) like Kubernetes' PVC ref counting; only for pods with ReadWriteOncePod claims
        const wanted = new Set(rwop);
        for (const ni of ctx.snapshot.list()) {
          for (const p of ni.pods) {
            if ((p.metadata?.namespace ?? '') !== ns || p.metadata?.uid === pod.metadata?.uid) continue;
            if (podClaimNames(p).some((n) => wanted.has(n)))
              return unresolvable(VOLUME_RESTRICTIONS, ERR_REASON_RWOP_CONFLICT);
          }
        }
      }
      state.set(PRE_FILTER_KEY, disks);
      return success();
    },
    filter(state, pod, nodeInfo) {
      const disks =
        (state.get(PRE_FILTER_KEY) as Volume[] | undefined) ?? (pod.spec?.volumes ?? []).filter(hasDisk);
      if (disks.length === 0) return success();
      for (const p of nodeInfo.pods) {
        for (const ex of p.spec?.volumes ?? []) {
          if (disks.some((v) => isVolumeConflict(v, ex)))
            return unschedulable(VOLUME_RESTRICTIONS, ERR_REASON_DISK_CONFLICT);
        }
      }
      return success();
    },
  };
}
