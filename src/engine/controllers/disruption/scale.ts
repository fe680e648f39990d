// Finding the scale of a pod's controller from the informer caches, in the disruption controller's finder order.
// mirrors pkg/controller/disruption/disruption.go finders(): getPodReplicationController, getPodDeployment,
// getPodReplicaSet, getPodStatefulSet, getScaleController.
import type { ApiServer } from '../../apiserver/types';
import type { InformerFactory } from '../../client/informer';
import type { KubeObject, OwnerReference } from '../../types/object';
import { getControllerOf } from '../shared/controllerRef';
import type { ControllerScale, ScaleFinder } from './expected';

/** verifyGroupKind: the ref's kind, and its apiVersion's group one of groups */
function isGroupKind(ref: OwnerReference, kind: string, groups: readonly string[]): boolean {
  if (ref.kind !== kind) return false;
  const slash = ref.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
  return groups.includes(group);
}

const replicasOf = (o: Readonly<KubeObject>): number =>
  (o.spec as { replicas?: number } | undefined)?.replicas ?? 1;

/** the cached object named by ref in namespace, if it is the same incarnation (UID) */
function lookup(
  informers: InformerFactory,
  resource: string,
  ref: OwnerReference,
  namespace: string,
): Readonly<KubeObject> | undefined {
  const obj = informers.for(resource).get(`${namespace}/${ref.name}`);
  return obj && obj.metadata.uid === ref.uid ? obj : undefined;
}

const scaleOf = (o: Readonly<KubeObject>): ControllerScale => ({
  uid: o.metadata.uid ?? '',
  scale: replicasOf(o),
});

/** resources with a scale subresource in kubesim */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

/** getScaleController: any other kind through its scale subresource; an error for kinds without one */
function scaleController(informers: InformerFactory, api: ApiServer): ScaleFinder {
  return (ref, ns) => {
    const res = api.resolveKind(ref.apiVersion, ref.kind);
    if (SCALABLE.has(res.plural)) {
      // NotFound from the scale subresource of a kind that has one means "no controller"
      const obj = lookup(informers, res.plural, ref, ns);
      return obj && scaleOf(obj);
    }
    const gr = res.group ? `${res.plural}.${res.group}` : res.plural;
    throw new Error(`${gr} does not implement the scale subresource`);
  };
}

/** the finders, in the order the disruption controller tries them */
export function scaleFinders(informers: InformerFactory, api: ApiServer): ScaleFinder[] {
  const RS_GROUPS = ['apps', 'extensions'];
  return [
    (ref, ns) => {
      if (!isGroupKind(ref, 'ReplicationController', [''])) return undefined;
      const rc = lookup(informers, 'replicationcontrollers', ref, ns);
      return rc && scaleOf(rc);
    },
    (ref, ns) => {
      if (!isGroupKind(ref, 'ReplicaSet', RS_GROUPS)) return undefined;
      const rs = lookup(informers, 'replicasets', ref, ns);
      const owner = rs && getControllerOf(rs);
      if (!owner || !isGroupKind(owner, 'Deployment', RS_GROUPS)) return undefined;
      const d = lookup(informers, 'deployments', owner, ns);
      return d && scaleOf(d);
    },
    (ref, ns) => {
      if (!isGroupKind(ref, 'ReplicaSet', RS_GROUPS)) return undefined;
      const rs = lookup(informers, 'replicasets', ref, ns);
      // a ReplicaSet a Deployment controls counts through its Deployment
      if (!rs || getControllerOf(rs)?.kind === 'Deployment') return undefined;
      return scaleOf(rs);
    },
    (ref, ns) => {
      if (!isGroupKind(ref, 'StatefulSet', ['apps'])) return undefined;
      const ss = lookup(informers, 'statefulsets', ref, ns);
      return ss && scaleOf(ss);
    },
    scaleController(informers, api),
  ];
}
