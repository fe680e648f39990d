// The storage view the volume plugins read (ctx.volumes), backed by the scheduler's PVC/PV/StorageClass informers.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ApiServer } from '../apiserver/types';
import type { Informer, InformerFactory } from '../client/informer';
import type { VolumeLister } from './plugins/volumeTypes';

function served(api: ApiServer, resource: string): boolean {
  try {
    api.resolve(resource);
    return true;
  } catch {
    return false;
  }
}

function started(f: InformerFactory, resource: string): Informer {
  const inf = f.for(resource);
  inf.start();
  return inf;
}

/** undefined when the API server does not serve PVCs and PVs */
export function volumeListerFrom(api: ApiServer, f: InformerFactory): VolumeLister | undefined {
  if (!served(api, 'persistentvolumeclaims') || !served(api, 'persistentvolumes')) return undefined;
  const pvcs = started(f, 'persistentvolumeclaims');
  const pvs = started(f, 'persistentvolumes');
  const scs = served(api, 'storageclasses') ? started(f, 'storageclasses') : undefined;
  return {
    getPVC: (ns, name) => pvcs.get(`${ns}/${name}`) as PersistentVolumeClaim | undefined,
    getPV: (name) => pvs.get(name) as PersistentVolume | undefined,
    getStorageClass: (name) => scs?.get(name) as StorageClass | undefined,
  };
}
