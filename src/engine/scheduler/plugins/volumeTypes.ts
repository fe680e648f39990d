// Storage read access the volume plugins need: an optional extension of PluginContext (`ctx.volumes`).
// The scheduler loop provides it from its PVC/PV/StorageClass/CSINode informers; without it the volume plugins skip.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { PluginContext } from '../framework/types';

export interface VolumeLister {
  getPVC(namespace: string, name: string): PersistentVolumeClaim | undefined;
  getPV(name: string): PersistentVolume | undefined;
  getStorageClass(name: string): StorageClass | undefined;
  /** CSINode spec.drivers[].allocatable.count by driver name, for NodeVolumeLimits */
  csiNodeLimits?(nodeName: string): Readonly<Record<string, number>> | undefined;
}

/** PluginContext with the optional storage accessor */
export interface VolumePluginContext extends PluginContext {
  readonly volumes?: VolumeLister;
}

export function volumesOf(ctx: PluginContext): VolumeLister | undefined {
  return (ctx as VolumePluginContext).volumes;
}

/** claim names a pod uses: persistentVolumeClaim volumes and generic ephemeral volumes (`<pod>-<volume>`) */
export function podClaimNames(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    if (v.persistentVolumeClaim !== undefined) out.push(v.persistentVolumeClaim.claimName);
    else if (v.ephemeral !== undefined) out.push(`${pod.metadata?.name ?? ''}-${v.name}`);
  }
  return out;
}
