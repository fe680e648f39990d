// Informer indexes the workload controllers share: objects by controller UID, and orphans by namespace,
// so a sync looks only at its own pods and adoption candidates instead of listing the whole namespace.
import type { Informer } from '../../client/informer';
import type { KubeObject } from '../../types/object';
import { getControllerOf } from './controllerRef';

export const CONTROLLER_UID_INDEX = 'controllerUid';
export const ORPHAN_NAMESPACE_INDEX = 'orphanNamespace';

/** what the controller indexes read (IndexDeps): the ownerReferences list */
const ownerRefsOf = (o: Readonly<KubeObject>): unknown => o.metadata.ownerReferences;

/** add both indexes to an informer (idempotent; call from a ControllerDefinition's setup) */
export function addControllerIndexers(inf: Informer): void {
  inf.addIndexer(
    CONTROLLER_UID_INDEX,
    (o) => {
      const ref = getControllerOf(o);
      return ref ? [ref.uid] : [];
    },
    ownerRefsOf,
  );
  inf.addIndexer(
    ORPHAN_NAMESPACE_INDEX,
    (o) => (getControllerOf(o) ? [] : [o.metadata.namespace ?? '']),
    ownerRefsOf,
  );
}

/** objects controlled by owner (by UID) */
export function controlledBy(inf: Informer, ownerUid: string): Readonly<KubeObject>[] {
  return inf.byIndex(CONTROLLER_UID_INDEX, ownerUid);
}

/** what ClaimObjects needs to see: objects controlled by owner plus orphans of its namespace */
export function claimCandidates(inf: Informer, owner: Readonly<KubeObject>): Readonly<KubeObject>[] {
  // byIndex hands out a new list each call: the orphans are appended to the owned pods' list in place
  const out = inf.byIndex(CONTROLLER_UID_INDEX, owner.metadata.uid ?? '');
  for (const o of inf.byIndex(ORPHAN_NAMESPACE_INDEX, owner.metadata.namespace ?? '')) out.push(o);
  return out;
}
