// ServiceAccount admission (plugin/pkg/admission/serviceaccount/admission.go): a pod runs as `default` unless it names
// a ServiceAccount, the ServiceAccount must exist, and its containers get the kube-api-access-xxxxx projected volume.
// Mirror pods (static pods) are left alone.
import type { KubeObject } from '../../types/object';
import type { Rng } from '../../sim/types';
import type { AdmissionPlugin } from './types';
import { admissionName } from './types';
import { newForbidden } from '../errors';
import { deepFreeze } from '../../store/deepFreeze';
import { generateName } from '../create';
import { createRng } from '../../sim/rng';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** ServiceAccountVolumeName: the prefix of the token volume's generated name */
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access';
/** DefaultAPITokenMountPath */
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** the rng stream the volume names are drawn from, apart from the API server's uids and generated names */
export const SERVICE_ACCOUNT_RNG_STREAM = 'admission/ServiceAccount';

/**
 * mirrors TokenVolumeSource: defaultMode explicit (#104464), token for 3607s (WarnOnlyBoundTokenExpirationSeconds),
 * the root CA ConfigMap and the namespace. Shared and frozen: every pod's volume holds the same source.
 */
export const TOKEN_VOLUME_SOURCE = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    {
      downwardAPI: {
        items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
      },
    },
  ],
});

interface Mount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}
interface ContainerLike {
  volumeMounts?: Mount[];
}
interface PodSpecLike {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  volumes?: { name: string }[];
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
  imagePullSecrets?: { name: string }[];
}

/** shouldAutomount: the pod's preference wins, then the ServiceAccount's, else true */
export function shouldAutomount(sa: Readonly<KubeObject> | undefined, spec: PodSpecLike): boolean {
  if (spec.automountServiceAccountToken !== undefined) return spec.automountServiceAccountToken;
  const saPref = (sa as { automountServiceAccountToken?: boolean } | undefined)?.automountServiceAccountToken;
  return saPref ?? true;
}

/** mounts the volume at DefaultAPITokenMountPath in every container lacking a mount there */
function addMounts(containers: ContainerLike[] | undefined, mount: Mount): boolean {
  let added = false;
  for (const c of containers ?? []) {
    const mounts = c.volumeMounts;
    if (mounts?.some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = mounts ? [...mounts, mount] : [mount];
    added = true;
  }
  return added;
}

/** mirrors Plugin.mountServiceAccountToken (init containers first, then containers) */
export function mountServiceAccountToken(spec: PodSpecLike, generateName: (prefix: string) => string): void {
  // an existing kube-api-access-* volume is reused
  const existing = spec.volumes?.find((v) => v.name.startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`));
  const volumeName = existing?.name ?? generateName(`${SERVICE_ACCOUNT_VOLUME_NAME}-`);
  const mount: Mount = { mountPath: DEFAULT_API_TOKEN_MOUNT_PATH, name: volumeName, readOnly: true };
  const inInit = addMounts(spec.initContainers, mount);
  const inMain = addMounts(spec.containers, mount);
  if (!existing && (inInit || inMain)) {
    spec.volumes = [
      ...(spec.volumes ?? []),
      { name: volumeName, projected: TOKEN_VOLUME_SOURCE } as { name: string },
    ];
  }
}

const streams = new WeakMap<object, Rng>();

export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(op, resource, obj, _old, api) {
    if (op !== 'CREATE' || resource.kind !== 'Pod' || resource.group !== '') return;
    if (obj.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
    const spec = (obj.spec ?? {}) as PodSpecLike;
    if (!spec.serviceAccountName) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT;
    obj.spec = spec as Record<string, unknown>;
    const ns = obj.metadata.namespace ?? '';
    const sa = api.get('serviceaccounts', ns, spec.serviceAccountName);
    // For `default` the real plugin retries its lookup for a while (getServiceAccount, numAttempts 10), waiting for
    // the serviceaccount controller that creates it with the namespace; kubesim's commands don't advance time, so a
    // pod in a brand-new namespace is admitted as the retry would eventually admit it.
    const awaitedDefault =
      !sa && spec.serviceAccountName === DEFAULT_SERVICE_ACCOUNT && api.get('namespaces', undefined, ns);
    if (!sa && !awaitedDefault) {
      throw newForbidden(
        resource,
        admissionName(obj),
        `error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
      );
    }
    if (shouldAutomount(sa, spec)) {
      mountServiceAccountToken(spec, (prefix) => generateName(rngOf(api), prefix));
    }
    const pullSecrets = (sa as { imagePullSecrets?: { name?: string }[] } | undefined)?.imagePullSecrets;
    if ((spec.imagePullSecrets ?? []).length === 0 && pullSecrets && pullSecrets.length > 0)
      spec.imagePullSecrets = pullSecrets.map((s) => ({ name: s.name ?? '' }));
  },
};

/** the plugin's own stream (names.SimpleNameGenerator), so its draws never shift the API server's uids and names */
function rngOf(api: Parameters<AdmissionPlugin['admit']>[4]): Rng {
  let r = streams.get(api);
  // an AdmissionApi without streams (a test double) gets a fixed one
  if (!r)
    streams.set(
      api,
      (r = api.rng?.(SERVICE_ACCOUNT_RNG_STREAM) ?? createRng(0).fork(SERVICE_ACCOUNT_RNG_STREAM)),
    );
  return r;
}
