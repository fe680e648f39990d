// The ReplicaSet and ReplicationController controller definitions: pod events feed expectations and keys,
// reconcile runs syncReplicaSet (mirrors replica_set.go NewBaseController, addPod/updatePod/deletePod).
import type { ControllerDefinition, ReconcileContext } from '../../client/controller';
import type { Informer, InformerFactory } from '../../client/informer';
import { NAMESPACE_INDEX } from '../../client/informer';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey } from '../../types/object';
import { addControllerIndexers } from '../shared/indexers';
import { getControllerOf } from '../shared/controllerRef';
import { ReplicaExpectations } from './expectationsState';
import { syncReplicaSet } from './sync';
import { replicaSetVariant, replicationControllerVariant } from './variant';
import type { ReplicaControllerVariant } from './variant';

/**
 * the owner key last built: a ReplicaSet's pods come one after another with the same namespace and owner name (the
 * very same strings), so one key string (whose hash the informer map keeps) serves them all
 */
let lastNamespace: string | undefined;
let lastOwner: string | undefined;
let lastKey: ObjectKey = '';

/** resolveControllerRef: the key of obj's controller of this kind, when the cached owner has that UID */
function controllerKey(pod: Readonly<KubeObject>, owners: Informer, kind: string): ObjectKey | undefined {
  const ref = getControllerOf(pod);
  if (!ref || ref.kind !== kind) return undefined;
  const ns = pod.metadata.namespace ?? '';
  if (ns !== lastNamespace || ref.name !== lastOwner) {
    lastNamespace = ns;
    lastOwner = ref.name;
    lastKey = `${ns}/${ref.name}`;
  }
  const key = lastKey;
  return owners.get(key)?.metadata.uid === ref.uid ? key : undefined;
}

/** getPodReplicaSets: controllers in the pod's namespace whose selector matches an orphan pod */
function matchingOwners(
  pod: Readonly<KubeObject>,
  owners: Informer,
  v: ReplicaControllerVariant,
): ObjectKey[] {
  const keys: ObjectKey[] = [];
  for (const o of owners.byIndex(NAMESPACE_INDEX, pod.metadata.namespace ?? '')) {
    try {
      const sel = v.selector(o);
      if (!sel.empty() && sel.matches(pod.metadata.labels)) keys.push(objectKey(o));
    } catch {
      // an invalid selector matches nothing
    }
  }
  return keys;
}

/** builds one replica controller; state (expectations) is kept per cluster, keyed by its InformerFactory */
export function replicaControllerDefinition(v: ReplicaControllerVariant): ControllerDefinition {
  const states = new WeakMap<InformerFactory, ReplicaExpectations>();
  const stateFor = (informers: InformerFactory): ReplicaExpectations => {
    let s = states.get(informers);
    if (!s) states.set(informers, (s = new ReplicaExpectations()));
    return s;
  };
  return {
    name: v.name,
    watches: [
      { resource: v.resource },
      {
        resource: 'pods',
        keysFor(pod: Readonly<KubeObject>, ctx: ReconcileContext): ObjectKey[] {
          const owners = ctx.informers.for(v.resource);
          if (getControllerOf(pod)) {
            const k = controllerKey(pod, owners, v.kind);
            return k ? [k] : [];
          }
          return pod.metadata.deletionTimestamp ? [] : matchingOwners(pod, owners, v);
        },
      },
    ],
    setup(informers: InformerFactory) {
      const exp = stateFor(informers);
      const pods = informers.for('pods');
      const owners = informers.for(v.resource);
      addControllerIndexers(pods);
      addControllerIndexers(owners);
      const observeDeletion = (pod: Readonly<KubeObject>) => {
        const k = controllerKey(pod, owners, v.kind);
        if (k) exp.deletionObserved(k, objectKey(pod));
      };
      pods.addHandlers({
        onAdd(pod) {
          if (pod.metadata.deletionTimestamp) return observeDeletion(pod);
          const k = controllerKey(pod, owners, v.kind);
          if (k) exp.counts.creationObserved(k);
        },
        onUpdate(_old, pod) {
          if (pod.metadata.deletionTimestamp) observeDeletion(pod);
        },
        onDelete: observeDeletion,
      });
    },
    reconcile(key: ObjectKey, ctx: ReconcileContext) {
      const exp = stateFor(ctx.informers);
      exp.setClock(ctx.nowMs);
      return syncReplicaSet(key, v, exp, ctx);
    },
  };
}

/** apps/v1 ReplicaSet controller, Events from `replicaset-controller` */
export const replicaSetController: ControllerDefinition = replicaControllerDefinition(replicaSetVariant);

/** v1 ReplicationController controller, Events from `replication-controller` */
export const replicationController: ControllerDefinition = replicaControllerDefinition(
  replicationControllerVariant,
);
