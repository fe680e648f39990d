// VolumeZone: bound PVs labelled with a zone/region only fit nodes in one of those zones/regions.
// mirrors pkg/scheduler/framework/plugins/volumezone/volume_zone.go (values split on "__", beta labels translated).
import type { Pod } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PreFilterPlugin } from '../framework/types';
import { skip, success, unresolvable } from '../framework/types';
import { podClaimNames, volumesOf } from './volumeTypes';

export const VOLUME_ZONE = 'VolumeZone';
export const ERR_REASON_VOLUME_ZONE = 'node(s) had no available volume zone';
const PRE_FILTER_KEY = 'PreFilter' + VOLUME_ZONE;

const GA_BY_BETA: Readonly<Record<string, string>> = {
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
};
const TOPOLOGY_LABELS = [...Object.keys(GA_BY_BETA), ...Object.values(GA_BY_BETA)];

interface PVTopology {
  key: string;
  values: Set<string>;
}

export function newVolumeZone(): PreFilterPlugin & FilterPlugin {
  return {
    name: VOLUME_ZONE,
    preFilter(state, pod: Pod, ctx) {
      const vols = volumesOf(ctx);
      if (vols === undefined) return skip();
      const ns = pod.metadata?.namespace ?? '';
      const topologies: PVTopology[] = [];
      for (const name of podClaimNames(pod)) {
        const pvc = vols.getPVC(ns, name);
        const pvName = pvc?.spec?.volumeName ?? '';
        if (pvName === '') continue; // missing or unbound claims are VolumeBinding's concern
        const pv = vols.getPV(pvName);
        if (pv === undefined) return unresolvable(VOLUME_ZONE, `persistentvolume "${pvName}" not found`);
        for (const key of TOPOLOGY_LABELS) {
          const v = pv.metadata?.labels?.[key];
          if (v !== undefined) topologies.push({ key, values: new Set(v.split('__')) });
        }
      }
      if (topologies.length === 0) return skip();
      state.set(PRE_FILTER_KEY, topologies);
      return success();
    },
    filter(state, _pod, nodeInfo) {
      const topologies = state.get(PRE_FILTER_KEY) as PVTopology[] | undefined;
      if (topologies === undefined) return success();
      const labels = nodeInfo.node.metadata?.labels ?? {};
      // nodes without any zone/region label are not constrained
      if (!TOPOLOGY_LABELS.some((k) => labels[k] !== undefined)) return success();
      for (const t of topologies) {
        const v = labels[t.key] ?? labels[GA_BY_BETA[t.key] ?? ''];
        if (v === undefined || !t.values.has(v)) return unresolvable(VOLUME_ZONE, ERR_REASON_VOLUME_ZONE);
      }
      return success();
    },
  };
}
