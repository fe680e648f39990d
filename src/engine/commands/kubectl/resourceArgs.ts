// Turns `TYPE[,TYPE2] [NAME...]` or `TYPE/NAME ...` into resolved requests, and fetches them from the API server,
// as kubectl's resource.Builder (ResourceTypeOrNameArgs, ContinueOnError, Flatten) does for get and describe.
import type { ApiServer, ResourceInfo } from '../../apiserver/types';
import { apiVersionOf, StatusError } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';
import { formatStatusError } from '../statusText';

export interface ResourceRequest {
  info: ResourceInfo;
  /** empty: list */
  names: string[];
}

/** discovery order of the `all` category (pods, services, daemonsets, deployments, replicasets, statefulsets, hpa, ...) */
const ALL_CATEGORY = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
];

export class UsageError extends Error {}

function resolveType(api: ApiServer, type: string): ResourceInfo[] {
  if (type === 'all') {
    const served: ResourceInfo[] = [];
    for (const r of ALL_CATEGORY) {
      try {
        served.push(api.resolve(r));
      } catch {
        // not served by this cluster
      }
    }
    return served;
  }
  try {
    return [api.resolve(type)];
  } catch {
    throw new UsageError(`the server doesn't have a resource type "${type}"`);
  }
}

/** mirrors resource.Builder.ResourceTypeOrNameArgs */
export function resolveResourceArgs(api: ApiServer, args: readonly string[]): ResourceRequest[] {
  if (args.some((a) => a.includes('/'))) {
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) {
        throw new UsageError(
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        );
      }
      const name = a.slice(slash + 1);
      if (name === '')
        throw new UsageError(`arguments in resource/name form must have a single resource and name`);
      const [info] = resolveType(api, a.slice(0, slash));
      if (!info) continue;
      const last = out[out.length - 1];
      if (last && last.info === info) last.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const infos: ResourceInfo[] = [];
  for (const t of (types ?? '').split(',')) {
    if (t === '') continue;
    for (const info of resolveType(api, t)) if (!infos.includes(info)) infos.push(info);
  }
  return infos.map((info) => ({ info, names: [...names] }));
}

/** list items come back without apiVersion/kind on the wire; kubectl's decoder puts them back */
export function withTypeMeta(obj: KubeObject, info: ResourceInfo): KubeObject {
  if (obj.kind && obj.apiVersion) return obj;
  return { ...obj, apiVersion: apiVersionOf(info), kind: info.kind };
}

export interface FetchOptions {
  /** undefined: all namespaces */
  namespace: string | undefined;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface Fetched {
  info: ResourceInfo;
  objects: KubeObject[];
  /** fetched by a list (rather than by names) */
  listed: boolean;
}

/** get/list every request; server errors on named objects are collected (ContinueOnError), others throw */
export function fetchResources(
  api: ApiServer,
  requests: readonly ResourceRequest[],
  opts: FetchOptions,
): { fetched: Fetched[]; errors: string[] } {
  const fetched: Fetched[] = [];
  const errors: string[] = [];
  for (const req of requests) {
    const ns = req.info.namespaced ? opts.namespace : undefined;
    if (req.names.length === 0) {
      const list = api.list(qualified(req.info), ns, {
        labelSelector: opts.labelSelector || undefined,
        fieldSelector: opts.fieldSelector || undefined,
      });
      fetched.push({
        info: req.info,
        objects: list.items.map((o) => withTypeMeta(o, req.info)),
        listed: true,
      });
      continue;
    }
    const objects: KubeObject[] = [];
    for (const name of req.names) {
      try {
        objects.push(withTypeMeta(api.get(qualified(req.info), ns, name), req.info));
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        errors.push(formatStatusError(e.status));
      }
    }
    fetched.push({ info: req.info, objects, listed: false });
  }
  return { fetched, errors };
}

export const qualified = (info: ResourceInfo): string =>
  info.group ? `${info.plural}.${info.group}` : info.plural;
