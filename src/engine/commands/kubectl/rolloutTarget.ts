// Which objects a `kubectl rollout ...` verb acts on: `TYPE/NAME ...`, `TYPE NAME ...`, or `TYPE [-l selector]`.
// mirrors the resource builder's ResourceTypeOrNameArgs(allowEmptySelector=true) that the rollout verbs use.
import type { ClusterRuntime } from '../../cluster/types';
import type { FlagSpec } from '../args';
import type { KubeObject } from '../../types/object';
import type { RequestContext, ResourceInfo } from '../../apiserver/types';
import { isUnknownResource } from '../../apiserver/registry';
import { commandNamespace } from '../resourceName';

export const rolloutNamespaceFlag: FlagSpec = {
  name: 'namespace',
  short: 'n',
  type: 'string',
  help: 'namespace',
};
export const rolloutSelectorFlag: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  help: 'label selector',
};

export class RolloutArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RolloutArgsError';
  }
}

export interface RolloutTarget {
  info: ResourceInfo;
  namespace: string;
  obj: KubeObject;
}

function resolveType(rt: ClusterRuntime, type: string): ResourceInfo {
  try {
    return rt.api.resolve(type);
  } catch (e) {
    if (isUnknownResource(e)) throw new RolloutArgsError(e.message);
    throw e;
  }
}

/** the objects named by the arguments; NotFound propagates as the API server's StatusError */
export function rolloutTargets(
  rt: ClusterRuntime,
  positionals: readonly string[],
  namespaceFlag: string | undefined,
  selector: string | undefined,
): RolloutTarget[] {
  const namespace = commandNamespace(namespaceFlag);
  if (positionals.length === 0) throw new RolloutArgsError('required resource not specified');
  const first = positionals[0] as string;
  if (first.includes('/')) {
    return positionals.map((arg) => {
      const slash = arg.indexOf('/');
      if (slash < 0)
        throw new RolloutArgsError(
          `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      const info = resolveType(rt, arg.slice(0, slash));
      return { info, namespace, obj: rt.api.get(info.plural, namespace, arg.slice(slash + 1)) };
    });
  }
  const info = resolveType(rt, first);
  const names = positionals.slice(1);
  if (names.length > 0)
    return names.map((n) => ({ info, namespace, obj: rt.api.get(info.plural, namespace, n) }));
  const items = rt.api.list(info.plural, namespace, selector ? { labelSelector: selector } : {}).items;
  return items.map((obj) => ({ info, namespace, obj }));
}

export function rolloutCtx(verb: string): RequestContext {
  return { actor: 'kubectl', cause: `kubectl rollout ${verb}`, fieldManager: `kubectl-rollout` };
}

/** write a changed copy (API snapshots are frozen) */
export function updateTarget(
  rt: ClusterRuntime,
  t: RolloutTarget,
  mutate: (copy: KubeObject) => void,
  verb: string,
): KubeObject {
  const copy = structuredClone(t.obj) as KubeObject;
  mutate(copy);
  return rt.api.update(t.info.plural, t.namespace, copy, rolloutCtx(verb));
}

/** `deployments.apps` as kubectl's rollout errors name a resource */
export function resourceString(info: ResourceInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** GroupKind.String(): `Deployment.apps`, `Pod` */
export function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}
