// PersistentVolume controller plus a simulated dynamic provisioner (operations.ts): binds claims to fitting volumes,
// provisions `pvc-<uid>` volumes for dynamic classes (WaitForFirstConsumer: once a consumer pod has a node),
// and releases or deletes volumes whose claim is gone.
// mirrors pkg/controller/volume/persistentvolume/pv_controller.go syncClaim/syncUnboundClaim/syncBoundClaim/syncVolume.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import { NO_KEYS } from '../../client/controller';
import type { KubeObject, ObjectKey } from '../../types/object';
import { ANN_SELECTED_NODE, findMatchingVolume } from './binding';
import { bind, provision } from './operations';
import { getDefaultClass, isDelayBinding, isDynamic } from './storageClass';

export const CONTROLLER_NAME = 'persistentvolume-controller';
const PV_CLASS_INDEX = 'persistentvolume/class';
const POD_CLAIM_INDEX = 'persistentvolume/pod-claims';

const asObj = (o: unknown) => o as KubeObject;

/** the keys of the claims a pod mounts (a plain loop: this runs on every pod write, and most pods mount none) */
function podClaimKeys(pod: Readonly<KubeObject>): readonly string[] {
  const volumes = (pod as Readonly<Pod>).spec?.volumes;
  if (!volumes) return NO_KEYS;
  let keys: string[] | undefined;
  for (const v of volumes) {
    if (v.persistentVolumeClaim)
      (keys ??= []).push(`${pod.metadata.namespace ?? ''}/${v.persistentVolumeClaim.claimName}`);
  }
  return keys ?? NO_KEYS;
}

/** the node a consumer pod of the claim runs on: the scheduler's selected-node annotation, else a bound consumer */
function consumerNode(ctx: ReconcileContext, claim: Readonly<PersistentVolumeClaim>): string | undefined {
  const selected = claim.metadata?.annotations?.[ANN_SELECTED_NODE];
  if (selected) return selected;
  const key = `${claim.metadata?.namespace ?? ''}/${claim.metadata?.name ?? ''}`;
  for (const p of ctx.informers.for('pods').byIndex(POD_CLAIM_INDEX, key)) {
    const node = (p as Readonly<Pod>).spec?.nodeName;
    if (node && !p.metadata.deletionTimestamp) return node;
  }
  return undefined;
}

function syncClaim(ctx: ReconcileContext, claim: Readonly<PersistentVolumeClaim>): ReconcileResult {
  if (claim.metadata?.deletionTimestamp) return {};
  const classes = ctx.informers.for('storageclasses');
  if (claim.spec?.storageClassName === undefined) {
    // RetroactiveDefaultStorageClass (GA 1.28): a claim without a class gets the default class
    const def = getDefaultClass(classes.list());
    if (!def) return {};
    const copy = structuredClone(claim) as PersistentVolumeClaim;
    copy.spec = { ...copy.spec, storageClassName: def.metadata?.name };
    ctx.api.update('persistentvolumeclaims', claim.metadata?.namespace, asObj(copy), ctx.request);
    return {};
  }
  const volumes = ctx.informers.for('persistentvolumes');
  if (claim.spec.volumeName) {
    const pv = volumes.get(claim.spec.volumeName) as Readonly<PersistentVolume> | undefined;
    if (!pv) {
      if (claim.status?.phase !== 'Lost') {
        ctx.api.updateStatus(
          'persistentvolumeclaims',
          claim.metadata?.namespace,
          asObj({ ...structuredClone(claim), status: { phase: 'Lost' } }),
          ctx.request,
        );
        ctx.events.event(
          asObj(claim),
          'Warning',
          'ClaimLost',
          'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
          ctx.source,
        );
      }
      return {};
    }
    if (!pv.spec?.claimRef || pv.spec.claimRef.uid === claim.metadata?.uid) bind(ctx, pv, claim);
    return {};
  }
  const className = claim.spec.storageClassName;
  const sc = className ? (classes.get(className) as Readonly<StorageClass> | undefined) : undefined;
  const node = consumerNode(ctx, claim);
  if (isDelayBinding(sc) && !node) {
    ctx.events.event(
      asObj(claim),
      'Normal',
      'WaitForFirstConsumer',
      'waiting for first consumer to be created before binding',
      ctx.source,
    );
    return {};
  }
  const pv = findMatchingVolume(
    claim,
    volumes.byIndex(PV_CLASS_INDEX, className) as Readonly<PersistentVolume>[],
  );
  if (pv) bind(ctx, pv, claim);
  else if (sc && isDynamic(sc)) return provision(ctx, claim, sc, isDelayBinding(sc) ? node : undefined);
  else {
    const msg =
      className && !sc
        ? `storageclass.storage.k8s.io "${className}" not found`
        : 'no persistent volumes available for this claim and no storage class is set';
    ctx.events.event(asObj(claim), className && !sc ? 'Warning' : 'Normal', 'FailedBinding', msg, ctx.source);
  }
  return {};
}

function syncVolume(ctx: ReconcileContext, pv: Readonly<PersistentVolume>): ReconcileResult {
  const ref = pv.spec?.claimRef;
  const setPhase = (phase: string) => {
    if (pv.status?.phase !== phase)
      ctx.api.updateStatus(
        'persistentvolumes',
        undefined,
        asObj({ ...structuredClone(pv), status: { phase } }),
        ctx.request,
      );
  };
  if (!ref) return (setPhase('Available'), {});
  const claim = ctx.informers
    .for('persistentvolumeclaims')
    .get(`${ref.namespace ?? ''}/${ref.name ?? ''}`) as Readonly<PersistentVolumeClaim> | undefined;
  const gone = !claim || (ref.uid !== undefined && claim.metadata?.uid !== ref.uid);
  if (gone) {
    if (!ref.uid) return (setPhase('Available'), {}); // pre-bound by an admin to a claim not created yet
    // syncVolume: the volume is Released first (pv-protection lets a deleted volume go only once it is not Bound),
    // then reclaimVolume runs its policy
    if (pv.status?.phase !== 'Failed') setPhase('Released');
    if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete' && !pv.metadata?.deletionTimestamp)
      ctx.api.delete('persistentvolumes', undefined, pv.metadata?.name ?? '', {}, ctx.request);
    return {};
  }
  if (claim.spec?.volumeName === pv.metadata?.name) setPhase('Bound');
  else
    ctx.queue.add(
      `${ref.namespace ?? ''}/${ref.name ?? ''}`,
      `volume ${pv.metadata?.name ?? ''} pre-bound to claim`,
    );
  return {};
}

export const persistentVolumeController: ControllerDefinition = {
  name: CONTROLLER_NAME,
  watches: [
    { resource: 'persistentvolumeclaims' },
    {
      // deleteClaim: a deleted claim schedules a sync of its volume, which is Released (and reclaimed) right away
      resource: 'persistentvolumeclaims',
      verbs: ['DELETED'],
      keysFor: (claim) => {
        const volume = (claim as Readonly<PersistentVolumeClaim>).spec?.volumeName;
        return volume ? [volume] : NO_KEYS;
      },
    },
    {
      resource: 'persistentvolumes',
      keysFor: (pv) => {
        const ref = (pv as Readonly<PersistentVolume>).spec?.claimRef;
        return [pv.metadata.name ?? '', ...(ref ? [`${ref.namespace ?? ''}/${ref.name ?? ''}`] : [])];
      },
    },
    {
      resource: 'pods',
      keysFor: (pod) => ((pod as Readonly<Pod>).spec?.nodeName ? podClaimKeys(pod) : NO_KEYS),
    },
    { resource: 'storageclasses', keysFor: () => [] },
  ],
  setup(informers) {
    informers
      .for('persistentvolumes')
      .addIndexer(PV_CLASS_INDEX, (pv) => [(pv as Readonly<PersistentVolume>).spec?.storageClassName ?? '']);
    informers.for('pods').addIndexer(POD_CLAIM_INDEX, podClaimKeys, (pod) => pod.spec);
  },
  reconcile(key: ObjectKey, ctx) {
    if (key.includes('/')) {
      const claim = ctx.informers.for('persistentvolumeclaims').get(key) as
        Readonly<PersistentVolumeClaim> | undefined;
      return claim ? syncClaim(ctx, claim) : {};
    }
    const pv = ctx.informers.for('persistentvolumes').get(key) as Readonly<PersistentVolume> | undefined;
    return pv ? syncVolume(ctx, pv) : {};
  },
};
