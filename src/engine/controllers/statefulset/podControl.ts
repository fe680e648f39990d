// The API writes of a StatefulSet sync, with their Events (mirrors stateful_pod_control.go StatefulPodControl:
// CreateStatefulPod, DeleteStatefulPod, UpdateStatefulPod, createPersistentVolumeClaims, recordPodEvent, recordClaimEvent).
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { StatusError } from '../../apiserver/types';
import type { ReconcileContext } from '../../client/controller';
import type { KubeObject } from '../../types/object';
import type { StatefulPodControl } from './control';
import { claimIsStale, claimOwnerRefsFor, isClaimOwnerUpToDate, retentionPolicy } from './claims';
import {
  claimsFor,
  getOrdinal,
  identityMatches,
  storageMatches,
  updateIdentity,
  updateStorage,
} from './identity';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface PodControlState {
  /** a claim was stale (still owned by a deleted pod): resync later */
  staleClaim: boolean;
}

export function newStatefulPodControl(ctx: ReconcileContext, state: PodControlState): StatefulPodControl {
  const pvcs = ctx.informers.for('persistentvolumeclaims');
  const obj = (set: Readonly<StatefulSet>) => set as unknown as KubeObject;
  const setName = (set: Readonly<StatefulSet>) => set.metadata?.name ?? '';

  /** recordPodEvent */
  const podEvent = (set: Readonly<StatefulSet>, verb: string, pod: string, err?: unknown) => {
    const reason = `${err === undefined ? 'Successful' : 'Failed'}${verb[0]?.toUpperCase()}${verb.slice(1)}`;
    const msg =
      err === undefined
        ? `${verb} Pod ${pod} in StatefulSet ${setName(set)} successful`
        : `${verb} Pod ${pod} in StatefulSet ${setName(set)} failed error: ${message(err)}`;
    ctx.events.event(obj(set), err === undefined ? 'Normal' : 'Warning', reason, msg, ctx.source);
  };

  const claimsOf = (set: Readonly<StatefulSet>, pod: Readonly<KubeObject>) => {
    const out: { want: PersistentVolumeClaim; have: Readonly<PersistentVolumeClaim> | undefined }[] = [];
    for (const want of claimsFor(set, getOrdinal(pod)).values()) {
      const have = pvcs.get(`${want.metadata?.namespace ?? ''}/${want.metadata?.name ?? ''}`) as
        Readonly<PersistentVolumeClaim> | undefined;
      out.push({ want, have });
    }
    return out;
  };

  /** createPersistentVolumeClaims: create each missing claim, with ownerRefs per the retention policy */
  const createMissingClaims = (set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): string | undefined => {
    const pname = pod.metadata.name ?? '';
    for (const { want, have } of claimsOf(set, pod)) {
      const cname = want.metadata?.name ?? '';
      if (have) {
        if (have.metadata?.deletionTimestamp) return `pvc ${cname} is being deleted`;
        continue;
      }
      want.metadata = { ...want.metadata, ownerReferences: claimOwnerRefsFor(want, set, pod) };
      if (want.metadata.ownerReferences?.length === 0) delete want.metadata.ownerReferences;
      try {
        ctx.api.create(
          'persistentvolumeclaims',
          set.metadata?.namespace,
          want as unknown as KubeObject,
          ctx.request,
        );
        ctx.events.event(
          obj(set),
          'Normal',
          'SuccessfulCreate',
          `create Claim ${cname} Pod ${pname} in StatefulSet ${setName(set)} success`,
          ctx.source,
        );
      } catch (e) {
        if (e instanceof StatusError && e.status.reason === 'AlreadyExists') continue;
        ctx.events.event(
          obj(set),
          'Warning',
          'FailedCreate',
          `create Claim ${cname} for Pod ${pname} in StatefulSet ${setName(set)} failed error: ${message(e)}`,
          ctx.source,
        );
        return `failed to create PVC ${cname}: ${message(e)}`;
      }
    }
    return undefined;
  };

  const claimsMatchRetentionPolicy = (set: Readonly<StatefulSet>, pod: Readonly<KubeObject>): boolean => {
    if (!pod.metadata.uid) return true; // not created yet: nothing to own the claims
    return claimsOf(set, pod).every(({ have }) => !have || isClaimOwnerUpToDate(have, set, pod));
  };

  const updatePodClaimForRetentionPolicy = (
    set: Readonly<StatefulSet>,
    pod: Readonly<KubeObject>,
  ): string | undefined => {
    for (const { have } of claimsOf(set, pod)) {
      if (!have || isClaimOwnerUpToDate(have, set, pod)) continue;
      const claim = structuredClone(have) as PersistentVolumeClaim;
      claim.metadata = { ...claim.metadata, ownerReferences: claimOwnerRefsFor(have, set, pod) };
      try {
        ctx.api.update(
          'persistentvolumeclaims',
          claim.metadata.namespace,
          claim as unknown as KubeObject,
          ctx.request,
        );
      } catch (e) {
        return `could not update claim ${claim.metadata.name ?? ''} for delete policy ownerRefs: ${message(e)}`;
      }
    }
    return undefined;
  };

  return {
    createStatefulPod(set, pod) {
      const err = createMissingClaims(set, pod as unknown as KubeObject);
      if (err) {
        podEvent(set, 'create', pod.metadata?.name ?? '', err);
        return err;
      }
      try {
        ctx.api.create('pods', set.metadata?.namespace, pod as unknown as KubeObject, ctx.request);
      } catch (e) {
        if (e instanceof StatusError && e.status.reason === 'AlreadyExists') return message(e);
        podEvent(set, 'create', pod.metadata?.name ?? '', e);
        return message(e);
      }
      podEvent(set, 'create', pod.metadata?.name ?? '');
      return undefined;
    },
    deleteStatefulPod(set, pod) {
      try {
        ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name ?? '', {}, ctx.request);
      } catch (e) {
        podEvent(set, 'delete', pod.metadata.name ?? '', e);
        return message(e);
      }
      podEvent(set, 'delete', pod.metadata.name ?? '');
      return undefined;
    },
    updateStatefulPod(set, pod) {
      let changed = false;
      const copy = structuredClone(pod) as unknown as Pod;
      if (!identityMatches(set, pod)) {
        updateIdentity(set, copy);
        changed = true;
      }
      if (!storageMatches(set, pod)) {
        updateStorage(set, copy);
        changed = true;
        const err = createMissingClaims(set, pod);
        if (err) return err;
      }
      if (!claimsMatchRetentionPolicy(set, pod)) {
        const err = updatePodClaimForRetentionPolicy(set, pod);
        if (err) return err;
      }
      if (!changed) return undefined;
      try {
        ctx.api.update('pods', pod.metadata.namespace, copy as unknown as KubeObject, ctx.request);
      } catch (e) {
        podEvent(set, 'update', pod.metadata.name ?? '', e);
        return message(e);
      }
      podEvent(set, 'update', pod.metadata.name ?? '');
      return undefined;
    },
    createMissingClaims,
    claimsMatchRetentionPolicy,
    updatePodClaimForRetentionPolicy,
    podClaimIsStale(set, pod) {
      if (retentionPolicy(set).whenScaled === 'Retain') return false;
      const stale = claimsOf(set, pod).some(({ have }) => claimIsStale(have, pod.metadata.uid));
      if (stale) state.staleClaim = true;
      return stale;
    },
  };
}
