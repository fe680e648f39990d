// The PV controller's writes: bind a claim and a volume to each other, and run a simulated external provisioner.
// mirrors pkg/controller/volume/persistentvolume/pv_controller.go bind/bindVolumeToClaim/bindClaimToVolume and
// provisionClaimOperationExternal, with sig-storage-lib-external-provisioner controller.go provisionClaimOperation.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ReconcileContext, ReconcileResult } from '../../client/controller';
import type { KubeObject } from '../../types/object';
import { CONTROL_PLANE_NODE } from '../../cluster/nodeObject';
import {
  claimRefOf,
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_STORAGE_PROVISIONER,
  provisionedVolume,
} from './binding';
import { chooseZoneForVolume, csiDiskVolume, ZONE_LABEL } from './csiDisk';
import { isSimulatedProvisioner, LOCAL_PATH_PROVISIONER } from './storageClass';

const asObj = (o: unknown) => o as KubeObject;

/** bindVolumeToClaim + bindClaimToVolume + updateClaimStatus */
export function bind(
  ctx: ReconcileContext,
  pv: Readonly<PersistentVolume>,
  claim: Readonly<PersistentVolumeClaim>,
): void {
  const ns = claim.metadata?.namespace;
  let volume = pv;
  if (pv.spec?.claimRef?.uid !== claim.metadata?.uid) {
    const v = structuredClone(pv) as PersistentVolume;
    const byController = !pv.spec?.claimRef;
    v.spec = { ...v.spec, claimRef: claimRefOf(claim) };
    if (byController)
      v.metadata = {
        ...v.metadata,
        annotations: { ...(v.metadata?.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' },
      };
    volume = ctx.api.update(
      'persistentvolumes',
      undefined,
      asObj(v),
      ctx.request,
    ) as unknown as PersistentVolume;
  }
  if (volume.status?.phase !== 'Bound') {
    ctx.api.updateStatus(
      'persistentvolumes',
      undefined,
      asObj({ ...structuredClone(volume), status: { phase: 'Bound' } }),
      ctx.request,
    );
  }
  let c = claim;
  if (
    claim.spec?.volumeName !== pv.metadata?.name ||
    claim.metadata?.annotations?.[ANN_BIND_COMPLETED] !== 'yes'
  ) {
    const copy = structuredClone(claim) as PersistentVolumeClaim;
    const annotations: Record<string, string> = {
      ...(copy.metadata?.annotations ?? {}),
      [ANN_BIND_COMPLETED]: 'yes',
    };
    if (claim.spec?.volumeName !== pv.metadata?.name) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    copy.metadata = { ...copy.metadata, annotations };
    copy.spec = { ...copy.spec, volumeName: pv.metadata?.name };
    c = ctx.api.update(
      'persistentvolumeclaims',
      ns,
      asObj(copy),
      ctx.request,
    ) as unknown as PersistentVolumeClaim;
  }
  if (c.status?.phase !== 'Bound') {
    const status = {
      phase: 'Bound',
      accessModes: [...(volume.spec?.accessModes ?? [])],
      capacity: { ...(volume.spec?.capacity ?? {}) },
    };
    ctx.api.updateStatus('persistentvolumeclaims', ns, asObj({ ...structuredClone(c), status }), ctx.request);
  }
}

/** the PV a simulated provisioner creates for claim, or a failure message (ProvisioningFailed) */
function buildVolume(
  ctx: ReconcileContext,
  claim: Readonly<PersistentVolumeClaim>,
  sc: Readonly<StorageClass>,
  node: string | undefined,
): KubeObject | string {
  if (sc.provisioner === LOCAL_PATH_PROVISIONER) return provisionedVolume(claim, sc, node);
  if (node === undefined) {
    const zones = ctx.api
      .list('nodes', undefined)
      .items.flatMap((n) => n.metadata.labels?.[ZONE_LABEL] ?? []);
    return csiDiskVolume(claim, sc, chooseZoneForVolume(zones, claim.metadata?.name ?? ''));
  }
  // external-provisioner reads the selected node's topology (the zone label the driver reports)
  let target: Readonly<KubeObject>;
  try {
    target = ctx.api.get('nodes', undefined, node);
  } catch {
    return `failed to get target node: nodes "${node}" not found`;
  }
  return csiDiskVolume(claim, sc, target.metadata.labels?.[ZONE_LABEL]);
}

/** the Events' source of the external provisioner: `<provisioner>_<host>_<uuid>` as sig-storage-lib-external-provisioner names it */
function provisionerSource(ctx: ReconcileContext, provisioner: string): { component: string } {
  if (provisioner === LOCAL_PATH_PROVISIONER) return { component: `${provisioner}_local-path-provisioner` };
  return { component: `${provisioner}_${CONTROL_PLANE_NODE}_${ctx.rng.fork('csi-provisioner').uuid()}` };
}

/** provisionClaimOperation (external): annotate, let the simulated provisioner create the PV, then bind */
export function provision(
  ctx: ReconcileContext,
  claim: Readonly<PersistentVolumeClaim>,
  sc: Readonly<StorageClass>,
  node: string | undefined,
): ReconcileResult {
  const ns = claim.metadata?.namespace;
  const claimKey = `${ns ?? ''}/${claim.metadata?.name ?? ''}`;
  let c = claim;
  if (claim.metadata?.annotations?.[ANN_STORAGE_PROVISIONER] !== sc.provisioner) {
    const copy = structuredClone(claim) as PersistentVolumeClaim;
    copy.metadata = {
      ...copy.metadata,
      annotations: {
        ...(copy.metadata?.annotations ?? {}),
        [ANN_BETA_STORAGE_PROVISIONER]: sc.provisioner,
        [ANN_STORAGE_PROVISIONER]: sc.provisioner,
      },
    };
    c = ctx.api.update(
      'persistentvolumeclaims',
      ns,
      asObj(copy),
      ctx.request,
    ) as unknown as PersistentVolumeClaim;
    ctx.events.event(
      asObj(c),
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      ctx.source,
    );
  }
  // no such provisioner runs in the simulated cluster: the claim stays Pending, as it would on a real one
  if (!isSimulatedProvisioner(sc.provisioner)) return {};
  const provisioner = provisionerSource(ctx, sc.provisioner);
  ctx.events.event(
    asObj(c),
    'Normal',
    'Provisioning',
    `External provisioner is provisioning volume for claim "${claimKey}"`,
    provisioner,
  );
  const built = buildVolume(ctx, c, sc, node);
  if (typeof built === 'string') {
    // no retry loop: the consumer pod's next change (rescheduled, or removed with its node) requeues the claim
    ctx.events.event(asObj(c), 'Warning', 'ProvisioningFailed', built, provisioner);
    return {};
  }
  const pv = ctx.api.create('persistentvolumes', undefined, built, {
    actor: provisioner.component,
    cause: ctx.request.cause,
  }) as unknown as PersistentVolume;
  ctx.events.event(
    asObj(c),
    'Normal',
    'ProvisioningSucceeded',
    `Successfully provisioned volume ${pv.metadata?.name ?? ''}`,
    provisioner,
  );
  bind(ctx, pv, c);
  return {};
}
