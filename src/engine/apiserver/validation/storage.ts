// PersistentVolumeClaim and PersistentVolume validation.
// mirrors pkg/apis/core/validation/validation.go ValidatePersistentVolumeClaimSpec / ValidatePersistentVolume /
// ValidatePersistentVolumeClaimUpdate.
import { cloneJson } from '../../types/json';
import type { PersistentVolumeClaimSpec, PersistentVolumeSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { fieldError, type FieldError } from '../fieldErrors';
import { deepEqual } from '../objectUtil';
import { GoLiteral } from '../fieldErrors';
import { quantityAt } from './resources';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const PV_SOURCES = [
  'hostPath',
  'local',
  'nfs',
  'csi',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'azureDisk',
  'vsphereVolume',
  'quobyte',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

function validateAccessModes(modes: string[] | undefined, path: string, requiredMsg: string): FieldError[] {
  if (!modes || modes.length === 0) return [fieldError.required(path, requiredMsg)];
  return modes
    .filter((m) => !ACCESS_MODES.includes(m))
    .map((m) => fieldError.notSupported(path, m, ACCESS_MODES));
}

/** ValidatePersistentVolumeClaimSpec */
export function validatePersistentVolumeClaimSpec(
  spec: PersistentVolumeClaimSpec | undefined,
  path: string,
): FieldError[] {
  const s = spec ?? {};
  const errs = validateAccessModes(
    s.accessModes,
    `${path}.accessModes`,
    'at least 1 access mode is required',
  );
  const storage = s.resources?.requests?.storage;
  const storagePath = `${path}.resources[storage]`;
  if (storage === undefined) errs.push(fieldError.required(storagePath, ''));
  else {
    const q = quantityAt(storage, storagePath, errs);
    if (q && q.sign() <= 0)
      errs.push(fieldError.invalid(storagePath, q.toString(), 'must be greater than zero'));
  }
  if (s.volumeMode !== undefined && !VOLUME_MODES.includes(s.volumeMode)) {
    errs.push(fieldError.notSupported(`${path}.volumeMode`, s.volumeMode, VOLUME_MODES));
  }
  return errs;
}

/** ValidatePersistentVolumeClaimUpdate: a claim's spec is immutable except resources.requests */
export function validatePersistentVolumeClaimUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const oldSpec = (old.spec ?? {}) as PersistentVolumeClaimSpec;
  const strip = (o: KubeObject): Record<string, unknown> => {
    const spec = cloneJson((o.spec ?? {}) as PersistentVolumeClaimSpec);
    if (spec.resources) delete spec.resources.requests;
    delete spec.volumeAttributesClassName;
    // the PV controller binds by setting volumeName once, and sets a nil storageClassName to the default
    // class (RetroactiveDefaultStorageClass); both are allowed upstream
    if (!oldSpec.volumeName) delete spec.volumeName;
    if (oldSpec.storageClassName === undefined || oldSpec.storageClassName === null)
      delete spec.storageClassName;
    return spec as Record<string, unknown>;
  };
  if (deepEqual(strip(next), strip(old))) return [];
  return [
    fieldError.forbidden(
      'spec',
      'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ),
  ];
}

/** ValidatePersistentVolumeSpec */
export function validatePersistentVolumeSpec(spec: PersistentVolumeSpec | undefined): FieldError[] {
  const s = spec ?? {};
  const errs = validateAccessModes(s.accessModes, 'spec.accessModes', 'must specify at least 1 access mode');
  const capacity = s.capacity ?? {};
  if (Object.keys(capacity).length === 0) errs.push(fieldError.required('spec.capacity', ''));
  else if (capacity.storage === undefined || Object.keys(capacity).length > 1) {
    errs.push(
      fieldError.notSupported(
        'spec.capacity',
        new GoLiteral(
          `core.ResourceList{${Object.keys(capacity)
            .map((k) => JSON.stringify(k))
            .join(', ')}}`,
        ),
        ['storage'],
      ),
    );
  } else {
    const q = quantityAt(capacity.storage, 'spec.capacity[storage]', errs);
    if (q && q.sign() <= 0)
      errs.push(fieldError.invalid('spec.capacity[storage]', q.toString(), 'must be greater than zero'));
  }
  const policy = s.persistentVolumeReclaimPolicy;
  if (policy !== undefined && !RECLAIM_POLICIES.includes(policy)) {
    errs.push(fieldError.notSupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES));
  }
  if (s.volumeMode !== undefined && !VOLUME_MODES.includes(s.volumeMode))
    errs.push(fieldError.notSupported('spec.volumeMode', s.volumeMode, VOLUME_MODES));
  const rec = s as Record<string, unknown>;
  const sources = PV_SOURCES.filter((k) => rec[k] != null);
  if (sources.length === 0) errs.push(fieldError.required('spec', 'must specify a volume type'));
  else if (sources.length > 1)
    errs.push(fieldError.forbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  return errs;
}
