// The StatefulSet controller: claims pods, keeps ControllerRevisions, runs one updateStatefulSet sync and
// writes status (mirrors pkg/controller/statefulset/stateful_set.go sync and stateful_set_control.go UpdateStatefulSet).
import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import { NO_KEYS } from '../../client/controller';
import type { KubeObject, ObjectKey } from '../../types/object';
import { selectorFromLabelSelector } from '../../labels/selector';
import { claimObjects, recheckDeletionTimestamp } from '../shared/claimPods';
import { getControllerOf } from '../shared/controllerRef';
import { updateStatefulSet } from './control';
import { isMemberOf, parentNameAndOrdinal } from './identity';
import { newStatefulPodControl } from './podControl';
import { revisionsToTruncate, sortRevisions } from './revision';
import { getStatefulSetRevisions } from './revisionWrites';
import { completeRollingUpdate, inconsistentStatus } from './status';

export const CONTROLLER_NAME = 'statefulset-controller';
/** pods indexed by `<ns>/<parent set name from the pod's name>` (owned and orphans alike) */
const MEMBER_INDEX = 'statefulset/member';
/** ControllerRevisions indexed by their controller's UID */
const REVISION_OWNER_INDEX = 'statefulset/revision-owner';

function memberKey(pod: Readonly<KubeObject>): string[] {
  const { parent, ordinal } = parentNameAndOrdinal(pod.metadata.name ?? '');
  return ordinal >= 0 ? [`${pod.metadata.namespace ?? ''}/${parent}`] : [];
}

/** pod events concern their controlling StatefulSet, or (orphans) the set their name points at */
function podKeys(pod: Readonly<KubeObject>, ctx: ReconcileContext): readonly ObjectKey[] {
  const ref = getControllerOf(pod);
  if (ref) return ref.kind === 'StatefulSet' ? [`${pod.metadata.namespace ?? ''}/${ref.name}`] : NO_KEYS;
  return memberKey(pod).filter((k) => ctx.informers.for('statefulsets').get(k) !== undefined);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function sync(set: Readonly<StatefulSet>, ctx: ReconcileContext): ReconcileResult {
  const setObj = set as unknown as KubeObject;
  const ns = set.metadata?.namespace ?? '';
  const pods = ctx.informers.for('pods').byIndex(MEMBER_INDEX, `${ns}/${set.metadata?.name ?? ''}`);
  const claimed = claimObjects(setObj, selectorFromLabelSelector(set.spec?.selector), pods, {
    api: ctx.api,
    request: ctx.request,
    resource: 'pods',
    canAdopt: recheckDeletionTimestamp(ctx.api, 'statefulsets', setObj),
    filter: (p) => isMemberOf(set, p),
  });
  if (claimed.error) return { error: claimed.error };
  const revisions = sortRevisions(
    ctx.informers
      .for('controllerrevisions')
      .byIndex(REVISION_OWNER_INDEX, set.metadata?.uid ?? '') as unknown as ControllerRevision[],
  );
  const revs = getStatefulSetRevisions(ctx, set, revisions);
  const state = { staleClaim: false };
  const result = updateStatefulSet(
    {
      set,
      currentRevision: revs.current,
      updateRevision: revs.update,
      collisionCount: revs.collisionCount,
      pods: claimed.claimed,
      nowMs: ctx.nowMs(),
    },
    newStatefulPodControl(ctx, state),
  );
  const status: StatefulSetStatus = { ...result.status };
  completeRollingUpdate(set, status);
  if (set.status?.conditions) status.conditions = set.status.conditions;
  if (inconsistentStatus(set, status)) {
    const copy = structuredClone(setObj);
    copy.status = status;
    ctx.api.updateStatus('statefulsets', ns, copy, ctx.request);
  }
  const sorted = sortRevisions(
    ctx.informers
      .for('controllerrevisions')
      .byIndex(REVISION_OWNER_INDEX, set.metadata?.uid ?? '') as unknown as ControllerRevision[],
  );
  for (const name of revisionsToTruncate(
    set,
    claimed.claimed,
    sorted,
    revs.current.metadata?.name ?? '',
    revs.update.metadata?.name ?? '',
  ))
    ctx.api.delete('controllerrevisions', ns, name, {}, ctx.request);
  if (result.error) return { error: result.error };
  const minReady = set.spec?.minReadySeconds ?? 0;
  // stateful_set.go: re-check once minReadySeconds has passed for pods that are ready but not yet available
  if (minReady > 0 && status.readyReplicas !== status.availableReplicas)
    return { requeueAfterMs: minReady * 1000 };
  if (state.staleClaim) return { requeueAfterMs: 1000 };
  return {};
}

export const statefulSetController: ControllerDefinition = {
  name: CONTROLLER_NAME,
  watches: [
    { resource: 'statefulsets' },
    { resource: 'pods', keysFor: podKeys },
    {
      resource: 'controllerrevisions',
      keysFor: (cr) => {
        const ref = getControllerOf(cr);
        return ref?.kind === 'StatefulSet' ? [`${cr.metadata.namespace ?? ''}/${ref.name}`] : [];
      },
    },
  ],
  setup(informers) {
    // the value comes from the name alone, which a key never changes
    informers.for('pods').addIndexer(MEMBER_INDEX, memberKey, (pod) => pod.metadata.name);
    informers.for('controllerrevisions').addIndexer(REVISION_OWNER_INDEX, (cr) => {
      const ref = getControllerOf(cr);
      return ref?.kind === 'StatefulSet' ? [ref.uid] : [];
    });
    // claims are read from this cache
    informers.for('persistentvolumeclaims').start();
  },
  reconcile(key, ctx) {
    const set = ctx.informers.for('statefulsets').get(key) as Readonly<StatefulSet> | undefined;
    if (!set) return {};
    try {
      return sync(set, ctx);
    } catch (e) {
      return { error: errorText(e) };
    }
  },
};
