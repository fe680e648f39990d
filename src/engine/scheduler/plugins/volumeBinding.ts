// VolumeBinding (simplified): PVCs must exist; unbound Immediate claims block; bound PVs' node affinity must match.
// mirrors pkg/scheduler/framework/plugins/volumebinding/volume_binding.go + binder.go reasons. Unbound
// WaitForFirstConsumer claims pass here: choosing/provisioning a PV happens at bind time (the scheduler loop's job).
import type { PersistentVolume, Pod } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PreFilterPlugin } from '../framework/types';
import { skip, success, unresolvable } from '../framework/types';
import { ParsedNodeSelector } from './nodeSelector';
import { podClaimNames, volumesOf } from './volumeTypes';

export const VOLUME_BINDING = 'VolumeBinding';
/** binder.go ErrReasonNodeConflict, reworded in v1.33 (kubernetes#129887) */
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't match PersistentVolume's node affinity";
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ERR_REASON_PV_NOT_EXIST =
  'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
const PRE_FILTER_KEY = 'PreFilter' + VOLUME_BINDING;

interface State {
  boundPVs: { pv: PersistentVolume | undefined; affinity: ParsedNodeSelector | undefined }[];
}

export function newVolumeBinding(): PreFilterPlugin & FilterPlugin {
  return {
    name: VOLUME_BINDING,
    preFilter(state, pod: Pod, ctx) {
      const vols = volumesOf(ctx);
      const claims = podClaimNames(pod);
      if (vols === undefined || claims.length === 0) return skip();
      const ns = pod.metadata?.namespace ?? '';
      const s: State = { boundPVs: [] };
      for (const name of claims) {
        const pvc = vols.getPVC(ns, name);
        if (pvc === undefined)
          return unresolvable(VOLUME_BINDING, `persistentvolumeclaim "${name}" not found`);
        if (pvc.metadata?.deletionTimestamp !== undefined) {
          return unresolvable(VOLUME_BINDING, `persistentvolumeclaim "${name}" is being deleted`);
        }
        const pvName = pvc.spec?.volumeName ?? '';
        if (pvName !== '') {
          const pv = vols.getPV(pvName);
          const req = pv?.spec?.nodeAffinity?.required;
          s.boundPVs.push({ pv, affinity: req !== undefined ? new ParsedNodeSelector(req) : undefined });
          continue;
        }
        const className = pvc.spec?.storageClassName ?? '';
        const mode = className === '' ? undefined : vols.getStorageClass(className)?.volumeBindingMode;
        if (mode !== 'WaitForFirstConsumer')
          return unresolvable(VOLUME_BINDING, ERR_REASON_UNBOUND_IMMEDIATE);
      }
      state.set(PRE_FILTER_KEY, s);
      return success();
    },
    filter(state, _pod, nodeInfo) {
      const s = state.get(PRE_FILTER_KEY) as State | undefined;
      if (s === undefined) return success();
      for (const b of s.boundPVs) {
        if (b.pv === undefined) return unresolvable(VOLUME_BINDING, ERR_REASON_PV_NOT_EXIST);
        if (b.affinity !== undefined && !b.affinity.match(nodeInfo.node))
          return unresolvable(VOLUME_BINDING, ERR_REASON_BIND_CONFLICT);
      }
      return success();
    },
  };
}
