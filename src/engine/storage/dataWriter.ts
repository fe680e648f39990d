// The background "application" of every running pod with PersistentVolumeClaims: every WRITE_INTERVAL_MS it adds one
// write to each bound PersistentVolume's kubesim.io/data-writes annotation. Only pods with claims are tracked.
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime, Component } from '../cluster/types';
import type { KubeObject } from '../types/object';
import { objectKey } from '../types/object';
import { ANN_DATA_LAST_WRITER, ANN_DATA_WRITES, isWriting, pvWrites, WRITE_INTERVAL_MS } from './dataModel';

export const VOLUME_DATA_WRITER = 'volume-data-writer';

function claimNames(pod: Readonly<KubeObject>): string[] {
  return ((pod as Readonly<Pod>).spec?.volumes ?? []).flatMap((v) =>
    v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
  );
}

/** claimNames(pod).length > 0 without building the list (this runs on every pod write) */
function mountsClaim(pod: Readonly<KubeObject>): boolean {
  const volumes = (pod as Readonly<Pod>).spec?.volumes;
  if (volumes) for (const v of volumes) if (v.persistentVolumeClaim) return true;
  return false;
}

export function volumeDataWriter(): Component {
  return {
    name: VOLUME_DATA_WRITER,
    start(rt: ClusterRuntime) {
      /** pods that mount claims, by key (kept from a pod watch so a tick never scans every pod) */
      const writers = new Map<string, Readonly<KubeObject>>();
      const track = (p: Readonly<KubeObject>) => {
        if (mountsClaim(p)) writers.set(objectKey(p), p);
      };
      for (const p of rt.api.list('pods', undefined).items) track(p);
      rt.api.watch('pods', undefined, { resourceVersion: String(rt.store.revision) }, (e) => {
        if (e.type === 'DELETED') writers.delete(objectKey(e.object));
        else if (e.type === 'ADDED' || e.type === 'MODIFIED') track(e.object);
      });
      const ctx = { actor: VOLUME_DATA_WRITER, cause: 'simulated application writes' };
      const machineUp = (node: string) => rt.machines.get(node)?.up ?? true;
      const tick = () => {
        for (const [key, pod] of [...writers].sort(([a], [b]) => a.localeCompare(b))) {
          if (!isWriting(pod, machineUp)) continue;
          for (const claimName of claimNames(pod)) {
            let pvName: string | undefined;
            try {
              const pvc = rt.api.get(
                'persistentvolumeclaims',
                pod.metadata.namespace,
                claimName,
              ) as unknown as PersistentVolumeClaim;
              pvName = pvc.status?.phase === 'Bound' ? pvc.spec?.volumeName : undefined;
              if (!pvName) continue;
              const pv = rt.api.get('persistentvolumes', undefined, pvName);
              rt.api.patch(
                'persistentvolumes',
                undefined,
                pvName,
                'merge',
                {
                  metadata: {
                    annotations: { [ANN_DATA_WRITES]: String(pvWrites(pv) + 1), [ANN_DATA_LAST_WRITER]: key },
                  },
                },
                ctx,
              );
            } catch {
              // claim or volume gone between ticks: nothing to write to
            }
          }
        }
        schedule();
      };
      const schedule = () =>
        rt.sim.schedule({
          delayMs: WRITE_INTERVAL_MS,
          actor: VOLUME_DATA_WRITER,
          label: 'volume data writes',
          background: true,
          run: tick,
        });
      schedule();
    },
  };
}
