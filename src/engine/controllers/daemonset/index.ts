// The DaemonSet controller (kube-controller-manager's daemonset-controller): one pod per eligible node.
// Watches mirror NewDaemonSetsController's handlers: DaemonSets, ControllerRevisions and Pods they own, and Nodes.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node } from 'kubernetes-types/core/v1';
import type { ControllerDefinition, ReconcileContext } from '../../client/controller';
import { NO_KEYS, controllerOwnerKeys } from '../../client/controller';
import type { InformerFactory } from '../../client/informer';
import { selectorFromLabelSelector } from '../../labels/selector';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey } from '../../types/object';
import { getControllerOf } from '../shared/controllerRef';
import { syncDaemonSet } from './reconcile';
import { nodeFingerprint, OWNER_INDEX, ownerIndexValues, stateFor } from './state';

export const DAEMONSET_CONTROLLER_NAME = 'daemonset-controller';

function dsKeyOf(obj: Readonly<KubeObject>): string | undefined {
  const ref = getControllerOf(obj);
  if (!ref || ref.kind !== 'DaemonSet') return undefined;
  return `${obj.metadata.namespace ?? ''}/${ref.name}`;
}

/** getDaemonSetsForPod: an orphan pod wakes the DaemonSets in its namespace whose selector matches it */
function podKeys(pod: Readonly<KubeObject>, ctx: ReconcileContext): readonly ObjectKey[] {
  const ref = getControllerOf(pod);
  if (ref) return ref.kind === 'DaemonSet' ? [`${pod.metadata.namespace ?? ''}/${ref.name}`] : NO_KEYS;
  const out: ObjectKey[] = [];
  for (const ds of ctx.informers.for('daemonsets').byIndex('namespace', pod.metadata.namespace ?? '')) {
    const sel = (ds as unknown as DaemonSet).spec?.selector;
    try {
      if (
        sel &&
        selectorFromLabelSelector(sel).matches(pod.metadata.labels) &&
        !selectorFromLabelSelector(sel).empty()
      )
        out.push(objectKey(ds));
    } catch {
      // an invalid selector selects nothing
    }
  }
  return out;
}

/** addNode/updateNode/deleteNode: every DaemonSet, but only when something scheduling-relevant changed */
function nodeKeys(node: Readonly<KubeObject>, ctx: ReconcileContext): ObjectKey[] {
  const state = stateFor(ctx.informers);
  const name = node.metadata.name ?? '';
  const rv = Number(node.metadata.resourceVersion ?? 0);
  const cached = ctx.informers.for('nodes').get(name);
  const prev = state.nodeFingerprints.get(name);
  if (!cached) {
    // deleted (the informer dropped it before calling handlers)
    if (!prev) return [];
    state.nodeFingerprints.delete(name);
  } else {
    if (prev && rv < prev.rv) return []; // the old object of an update
    const fp = nodeFingerprint(node as unknown as Node);
    state.nodeFingerprints.set(name, { rv, fp });
    if (prev && prev.fp === fp) return [];
  }
  return ctx.informers
    .for('daemonsets')
    .list()
    .map((ds) => objectKey(ds));
}

function setup(informers: InformerFactory): void {
  const state = stateFor(informers);
  informers.for('controllerrevisions').addIndexer(OWNER_INDEX, ownerIndexValues);
  const pods = informers.for('pods');
  pods.addIndexer(OWNER_INDEX, ownerIndexValues);
  // expectations observe creations and deletions (addPod / updatePod with deletionTimestamp / deletePod)
  pods.addHandlers({
    onAdd(pod) {
      state.podEvents++;
      const key = dsKeyOf(pod);
      if (!key) return;
      if (pod.metadata.deletionTimestamp) state.expectations.deletionObserved(key);
      else state.expectations.creationObserved(key);
    },
    onUpdate(old, pod) {
      state.podEvents++;
      const key = dsKeyOf(pod);
      if (key && pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp)
        state.expectations.deletionObserved(key);
    },
    onDelete(pod) {
      state.podEvents++;
      const key = dsKeyOf(pod);
      if (key && !pod.metadata.deletionTimestamp) state.expectations.deletionObserved(key);
    },
  });
}

export const daemonSetController: ControllerDefinition = {
  name: DAEMONSET_CONTROLLER_NAME,
  watches: [
    { resource: 'daemonsets' },
    { resource: 'controllerrevisions', keysFor: controllerOwnerKeys('DaemonSet') },
    { resource: 'pods', keysFor: podKeys },
    { resource: 'nodes', keysFor: nodeKeys },
  ],
  setup,
  reconcile: syncDaemonSet,
};
