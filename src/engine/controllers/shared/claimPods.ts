// Adoption and release of pods by a controller (mirrors pkg/controller/controller_ref_manager.go ClaimPods / ClaimObject).
import type { ApiServer, RequestContext } from '../../apiserver/types';
import { StatusError } from '../../apiserver/types';
import type { Selector } from '../../labels/types';
import type { KubeObject } from '../../types/object';
import { adoptPatch, getControllerOf, releasePatch } from './controllerRef';

export type ClaimDecision = 'keep' | 'adopt' | 'release' | 'ignore';

/** ClaimObject's decision for one object, without side effects */
export function claimDecision(
  owner: Readonly<KubeObject>,
  selector: Selector,
  obj: Readonly<KubeObject>,
  filter?: (obj: Readonly<KubeObject>) => boolean,
): ClaimDecision {
  const match = selector.matches(obj.metadata.labels) && (filter === undefined || filter(obj));
  const ref = getControllerOf(obj);
  if (ref) {
    if (ref.uid !== owner.metadata.uid) return 'ignore';
    if (match) return 'keep';
    return owner.metadata.deletionTimestamp ? 'ignore' : 'release';
  }
  if (owner.metadata.deletionTimestamp || !match) return 'ignore';
  if (obj.metadata.deletionTimestamp) return 'ignore';
  if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) return 'ignore';
  return 'adopt';
}

export interface ClaimResult<T> {
  /** objects that are (now) ours */
  claimed: T[];
  /** first error other than NotFound (the sync retries) */
  error?: string;
}

export interface ClaimOptions {
  api: ApiServer;
  request: RequestContext;
  /** resource of the claimed objects, e.g. 'pods' */
  resource: string;
  /** RecheckDeletionTimestamp: re-read the owner before the first adoption; returns an error message to refuse */
  canAdopt?: () => string | undefined;
  filter?: (obj: Readonly<KubeObject>) => boolean;
}

function isNotFound(e: unknown): boolean {
  return e instanceof StatusError && e.status.code === 404;
}

/** ClaimPods / ClaimObjects: adopt matching orphans and release non-matching owned objects via strategic-merge patches */
export function claimObjects<T extends Readonly<KubeObject>>(
  owner: Readonly<KubeObject>,
  selector: Selector,
  objs: readonly T[],
  opts: ClaimOptions,
): ClaimResult<T> {
  const claimed: T[] = [];
  let error: string | undefined;
  let adoptChecked: string | undefined | null = null;
  for (const obj of objs) {
    const d = claimDecision(owner, selector, obj, opts.filter);
    if (d === 'keep') claimed.push(obj);
    if (d !== 'adopt' && d !== 'release') continue;
    try {
      const ns = obj.metadata.namespace;
      const name = obj.metadata.name ?? '';
      const uid = obj.metadata.uid ?? '';
      if (d === 'adopt') {
        if (adoptChecked === null) adoptChecked = opts.canAdopt?.();
        if (adoptChecked !== undefined)
          throw new Error(
            `can't adopt ${opts.resource.replace(/s$/, '')} ${ns ?? ''}/${name} (${uid}): ${adoptChecked}`,
          );
        const patched = opts.api.patch(
          opts.resource,
          ns,
          name,
          'strategic',
          adoptPatch(owner, uid),
          opts.request,
        );
        claimed.push(patched as T);
      } else {
        opts.api.patch(
          opts.resource,
          ns,
          name,
          'strategic',
          releasePatch([owner.metadata.uid ?? ''], uid),
          opts.request,
        );
      }
    } catch (e) {
      if (!isNotFound(e)) error ??= e instanceof Error ? e.message : String(e);
    }
  }
  return error === undefined ? { claimed } : { claimed, error };
}

/** RecheckDeletionTimestamp(getObject): refuse adoption when the owner was recreated or is being deleted */
export function recheckDeletionTimestamp(
  api: ApiServer,
  resource: string,
  owner: Readonly<KubeObject>,
): () => string | undefined {
  return () => {
    const ns = owner.metadata.namespace;
    const name = owner.metadata.name ?? '';
    let fresh: KubeObject;
    try {
      fresh = api.get(resource, ns, name);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    if (fresh.metadata.uid !== owner.metadata.uid)
      return `original ${ns ?? ''}/${name} is gone: got uid ${fresh.metadata.uid ?? ''}, wanted ${owner.metadata.uid ?? ''}`;
    if (fresh.metadata.deletionTimestamp)
      return `${ns ?? ''}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`;
    return undefined;
  };
}
