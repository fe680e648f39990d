// Pod volumes: unique DNS-1123 names, exactly one source, required fields of common sources.
// mirrors pkg/apis/core/validation/validation.go validateVolumes / validateVolumeSource.
import type { Volume } from 'kubernetes-types/core/v1';
import { fieldError, type FieldError } from '../fieldErrors';
import { validateDNS1123Label } from './meta';

/** every VolumeSource member of core/v1 Volume: a volume names exactly one (defaulting adds emptyDir when none) */
export const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

/** the fields each common source requires */
const REQUIRED: Record<string, string> = {
  hostPath: 'path',
  secret: 'secretName',
  persistentVolumeClaim: 'claimName',
  nfs: 'server',
  csi: 'driver',
};

const SOURCE_SET: ReadonlySet<string> = new Set(VOLUME_SOURCES);

/** the volume's sources in VOLUME_SOURCES order; a volume's own few keys are scanned rather than all 30 sources */
function presentSources(v: Record<string, unknown>): string[] {
  let only: string | undefined;
  for (const k of Object.keys(v)) {
    if (!SOURCE_SET.has(k) || v[k] == null) continue;
    // two or more: the order of VOLUME_SOURCES decides which is named in the error
    if (only !== undefined) return VOLUME_SOURCES.filter((s) => v[s] != null);
    only = k;
  }
  return only === undefined ? [] : [only];
}

function validateSource(vol: Volume, path: string): FieldError[] {
  const v = vol as unknown as Record<string, unknown>;
  const present = presentSources(v);
  if (present.length === 0) return [fieldError.required(path, 'must specify a volume type')];
  if (present.length > 1)
    return [fieldError.forbidden(`${path}.${present[1]}`, 'may not specify more than 1 volume type')];
  const kind = present[0] as string;
  const req = REQUIRED[kind];
  const src = v[kind] as Record<string, unknown>;
  if (req && !src[req]) return [fieldError.required(`${path}.${kind}.${req}`, '')];
  return [];
}

/** validateVolumes: returns errors and the set of declared volume names */
export function validateVolumes(
  volumes: Volume[] | undefined,
  path: string,
): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((vol, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateSource(vol, p));
    if (!vol.name) errs.push(fieldError.required(`${p}.name`, ''));
    else errs.push(...validateDNS1123Label(vol.name, `${p}.name`));
    if (names.has(vol.name)) errs.push(fieldError.duplicate(`${p}.name`, vol.name));
    names.add(vol.name);
  });
  return { errs, names };
}
