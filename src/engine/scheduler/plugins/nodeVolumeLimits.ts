// NodeVolumeLimits (CSI): a node may attach at most CSINode's allocatable count of volumes per CSI driver.
// mirrors pkg/scheduler/framework/plugins/nodevolumelimits/csi.go (PVC-backed CSI volumes only; no migration).
import type { Pod } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PreFilterPlugin } from '../framework/types';
import { skip, success, unschedulable } from '../framework/types';
import { podClaimNames, volumesOf, type VolumeLister } from './volumeTypes';

export const NODE_VOLUME_LIMITS = 'NodeVolumeLimits';
export const ERR_REASON_MAX_VOLUME_COUNT = 'node(s) exceed max volume count';

/** driver -> volume handles the pod's bound CSI claims use */
function csiVolumesOf(pod: Pod, vols: VolumeLister, into: Map<string, Set<string>>): void {
  const ns = pod.metadata?.namespace ?? '';
  for (const name of podClaimNames(pod)) {
    const pvName = vols.getPVC(ns, name)?.spec?.volumeName ?? '';
    const csi = pvName === '' ? undefined : vols.getPV(pvName)?.spec?.csi;
    if (csi === undefined) continue;
    let set = into.get(csi.driver);
    if (set === undefined) {
      set = new Set();
      into.set(csi.driver, set);
    }
    set.add(csi.volumeHandle);
  }
}

export function newNodeVolumeLimits(): PreFilterPlugin & FilterPlugin {
  return {
    name: NODE_VOLUME_LIMITS,
    preFilter(_state, pod) {
      return podClaimNames(pod).length === 0 ? skip() : success();
    },
    filter(_state, pod, nodeInfo, ctx) {
      const vols = volumesOf(ctx);
      const limits = vols?.csiNodeLimits?.(nodeInfo.node.metadata?.name ?? '');
      if (vols === undefined || limits === undefined) return success();
      const wanted = new Map<string, Set<string>>();
      csiVolumesOf(pod, vols, wanted);
      if (wanted.size === 0) return success();
      const attached = new Map<string, Set<string>>();
      for (const p of nodeInfo.pods) csiVolumesOf(p, vols, attached);
      for (const [driver, handles] of wanted) {
        const limit = limits[driver];
        if (limit === undefined) continue;
        const have = attached.get(driver) ?? new Set<string>();
        let added = 0;
        for (const h of handles) if (!have.has(h)) added++;
        if (have.size + added > limit) return unschedulable(NODE_VOLUME_LIMITS, ERR_REASON_MAX_VOLUME_COUNT);
      }
      return success();
    },
  };
}
