// Files a container sees through its volume mounts that the API objects determine: projected volumes (the
// kube-api-access-* token, ca.crt, namespace), ConfigMap, Secret and downward API volumes, as the kubelet's
// volume plugins (pkg/volume/projected, configmap, secret, downwardapi) write them.
import type { Pod, Volume, VolumeProjection, DownwardAPIVolumeFile } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/types';
import type { Rng } from '../../sim/types';
import type { KubeObject } from '../../types/object';
import { EPOCH_UNIX_DAYS } from '../../sim/clock';
import {
  boundToken,
  decodeBase64,
  EXPIRATION_EXTENSION_SECONDS,
} from '../../controllers/serviceaccount/index';
import { WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS } from '../../controllers/serviceaccount/jwt';

export interface VolumeFileDeps {
  api: ApiServer;
  /** the simulation's root rng (the cluster's signing key and CA derive from it) */
  rootRng: Rng;
  fromRfc3339(ts: string): number;
}

type Files = Map<string, string>;

function tryGet(deps: VolumeFileDeps, resource: string, ns: string, name: string): KubeObject | undefined {
  try {
    return deps.api.get(resource, ns, name);
  } catch {
    return undefined;
  }
}

/** pkg/volume/util MakePayload: the listed items, or every key when none are listed */
function keyFiles(
  files: Files,
  data: Record<string, string>,
  items: { key: string; path: string }[] | undefined,
) {
  if (!items || items.length === 0) for (const [k, v] of Object.entries(data)) files.set(k, v);
  else for (const it of items) if (data[it.key] !== undefined) files.set(it.path, data[it.key] as string);
}

/** fieldpath.ExtractFieldPathAsString for the downward API's fieldRef */
function fieldValue(pod: Pod, fieldPath: string): string {
  const fmtMap = (m: Record<string, string> | undefined) =>
    Object.keys(m ?? {})
      .sort()
      .map((k) => `${k}=${JSON.stringify(m?.[k] ?? '')}`)
      .join('\n');
  switch (fieldPath) {
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'metadata.labels':
      return fmtMap(pod.metadata?.labels);
    case 'metadata.annotations':
      return fmtMap(pod.metadata?.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    default:
      return '';
  }
}

function downwardFiles(files: Files, pod: Pod, items: readonly DownwardAPIVolumeFile[] | undefined): void {
  for (const it of items ?? []) if (it.fieldRef) files.set(it.path, fieldValue(pod, it.fieldRef.fieldPath));
}

/** the kubelet's TokenRequest for a projected serviceAccountToken (extended to a year when asked for 3607s) */
function projectedToken(deps: VolumeFileDeps, pod: Pod, expirationSeconds: number): string | undefined {
  const ns = pod.metadata?.namespace ?? '';
  const sa = tryGet(deps, 'serviceaccounts', ns, pod.spec?.serviceAccountName ?? 'default');
  if (!sa) return undefined;
  const node = pod.spec?.nodeName ? tryGet(deps, 'nodes', '', pod.spec.nodeName) : undefined;
  const started = pod.status?.startTime ?? pod.metadata?.creationTimestamp;
  const issuedAt = EPOCH_UNIX_DAYS * 86400 + Math.floor((started ? deps.fromRfc3339(started) : 0) / 1000);
  const extended = expirationSeconds === WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS;
  return boundToken(deps.rootRng, {
    sa: { namespace: ns, name: sa.metadata.name ?? '', uid: sa.metadata.uid ?? '' },
    issuedAt,
    expirationSeconds: extended ? EXPIRATION_EXTENSION_SECONDS : expirationSeconds,
    warnAfterSeconds: extended ? expirationSeconds : undefined,
    pod: { name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '' },
    node: node ? { name: node.metadata.name ?? '', uid: node.metadata.uid ?? '' } : undefined,
  });
}

function projectionFiles(deps: VolumeFileDeps, pod: Pod, files: Files, s: VolumeProjection): void {
  const ns = pod.metadata?.namespace ?? '';
  if (s.configMap) {
    const cm = tryGet(deps, 'configmaps', ns, s.configMap.name ?? '') as
      { data?: Record<string, string> } | undefined;
    if (cm) keyFiles(files, cm.data ?? {}, s.configMap.items);
  } else if (s.secret) {
    const secret = tryGet(deps, 'secrets', ns, s.secret.name ?? '') as
      { data?: Record<string, string> } | undefined;
    if (secret) keyFiles(files, decodedData(secret.data), s.secret.items);
  } else if (s.downwardAPI) {
    downwardFiles(files, pod, s.downwardAPI.items);
  } else if (s.serviceAccountToken) {
    const token = projectedToken(deps, pod, s.serviceAccountToken.expirationSeconds ?? 3600);
    if (token) files.set(s.serviceAccountToken.path, token);
  }
}

function decodedData(data: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data ?? {})) out[k] = decodeBase64(v) ?? '';
  return out;
}

/** every file a volume holds, by path relative to its mount */
export function volumeFiles(deps: VolumeFileDeps, pod: Pod, v: Volume): Files {
  const files: Files = new Map();
  if (v.projected) for (const s of v.projected.sources ?? []) projectionFiles(deps, pod, files, s);
  else if (v.configMap) projectionFiles(deps, pod, files, { configMap: v.configMap });
  else if (v.secret)
    projectionFiles(deps, pod, files, { secret: { ...v.secret, name: v.secret.secretName } });
  else if (v.downwardAPI) downwardFiles(files, pod, v.downwardAPI.items);
  return files;
}

/** the content of path in the container's filesystem when a volume mount provides it; undefined otherwise */
export function readMountedFile(
  deps: VolumeFileDeps,
  pod: Pod,
  container: string,
  path: string,
): string | undefined {
  const spec = pod.spec;
  const c = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].find((x) => x.name === container);
  for (const m of c?.volumeMounts ?? []) {
    const dir = m.mountPath.replace(/\/+$/, '');
    if (!path.startsWith(`${dir}/`)) continue;
    const vol = spec?.volumes?.find((v) => v.name === m.name);
    if (!vol) continue;
    const rel = (m.subPath ? `${m.subPath}/` : '') + path.slice(dir.length + 1);
    const content = volumeFiles(deps, pod, vol).get(rel);
    if (content !== undefined) return content;
  }
  return undefined;
}
