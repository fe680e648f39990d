// Write churn of a Service's endpoints, EndpointSlices vs legacy Endpoints (the measurement behind KEP-752):
// objects and bytes (JSON length) written to each between two store revisions.
import type { ClusterRuntime } from '../../cluster/types';
import type { StoreEvent } from '../../store/types';
import { registryKey, registryPrefix } from '../../store/keys';
import { LABEL_SERVICE_NAME } from './types';

export interface ChurnFigures {
  /** objects written (creates + updates + deletes) */
  objects: number;
  creates: number;
  updates: number;
  deletes: number;
  /** JSON bytes of the objects created or updated (a delete writes no object) */
  bytes: number;
}

export interface EndpointChurn {
  fromRevision: number;
  toRevision: number;
  endpointSlices: ChurnFigures;
  endpoints: ChurnFigures;
}

const empty = (): ChurnFigures => ({ objects: 0, creates: 0, updates: 0, deletes: 0, bytes: 0 });

function add(f: ChurnFigures, e: StoreEvent): void {
  f.objects++;
  if (e.type === 'ADDED') f.creates++;
  else if (e.type === 'MODIFIED') f.updates++;
  else f.deletes++;
  if (e.type !== 'DELETED') f.bytes += JSON.stringify(e.kv.value).length;
}

/** churn of Service `namespace/serviceName` between fromRevision (exclusive) and toRevision (inclusive, default now) */
export function measureEndpointChurn(
  rt: ClusterRuntime,
  serviceName: string,
  fromRevision: number,
  toRevision: number = rt.store.revision,
  namespace = 'default',
): EndpointChurn {
  const out: EndpointChurn = { fromRevision, toRevision, endpointSlices: empty(), endpoints: empty() };
  const endpointsKey = registryKey('endpoints', namespace, serviceName);
  const collect = (prefix: string, pick: (e: StoreEvent) => ChurnFigures | undefined) => {
    const h = rt.store.watch(
      prefix,
      (events) => {
        for (const e of events) {
          if (e.revision > toRevision) continue;
          const f = pick(e);
          if (f) add(f, e);
        }
      },
      { fromRevision },
    );
    h.cancel();
  };
  collect(registryPrefix('endpointslices', namespace), (e) => {
    const labels = (e.type === 'DELETED' ? (e.prevKv ?? e.kv) : e.kv).value.metadata.labels;
    return labels?.[LABEL_SERVICE_NAME] === serviceName ? out.endpointSlices : undefined;
  });
  collect(registryPrefix('endpoints', namespace), (e) =>
    e.key === endpointsKey ? out.endpoints : undefined,
  );
  return out;
}
