// Namespace deletion (pkg/registry/core/namespace/storage/storage.go Delete): the first delete marks the namespace
// Terminating; it goes only once spec.finalizers is empty. Until a namespace controller exists, a stand-in empties it.
import { cloneJson } from '../types/json';
import type { KubeObject } from '../types/object';
import type { KeyValue } from '../store/types';
import { registryPrefix } from '../store/keys';
import type { DeleteOpts, RequestContext, ResourceInfo } from './types';
import { RESOURCES } from './registry';
import type { ServerCore } from './core';
import { keyOf, record, storeUpdate } from './core';
import { propagationFinalizers } from './finalizers';

type DeleteStored = (
  core: ServerCore,
  res: ResourceInfo,
  key: string,
  cur: KeyValue,
  opts: DeleteOpts,
  ctx: RequestContext,
) => KubeObject;

const STAND_IN: RequestContext = { actor: 'namespace-controller' };
const RETRY_MS = 1000;
const MAX_PASSES = 120;

export function deleteNamespace(
  core: ServerCore,
  res: ResourceInfo,
  key: string,
  cur: KeyValue,
  opts: DeleteOpts,
  ctx: RequestContext,
  deleteStored: DeleteStored,
): KubeObject {
  const ns = cur.value;
  if (!ns.metadata.deletionTimestamp) {
    const next = cloneJson(ns) as KubeObject;
    next.metadata.deletionTimestamp = core.sim.clock.nowRfc3339();
    next.status = { ...((next.status as object | undefined) ?? {}), phase: 'Terminating' };
    const finalizers = propagationFinalizers(next.metadata.finalizers, opts.propagationPolicy);
    if (finalizers) {
      if (finalizers.length > 0) next.metadata.finalizers = finalizers;
      else delete next.metadata.finalizers;
    }
    if (ctx.dryRun) return next;
    const kv = storeUpdate(core, res, key, next, cur.modRevision);
    record(core, ctx, 'delete', res, kv.value, kv.modRevision);
    if (core.options.namespaceControllerStandIn)
      scheduleNamespaceCleanup(core, res, ns.metadata.name ?? '', deleteStored, 1);
    return kv.value as KubeObject;
  }
  const spec = (ns.spec ?? {}) as { finalizers?: string[] };
  if ((spec.finalizers ?? []).length > 0) return ns as KubeObject;
  return deleteStored(core, res, key, cur, opts, ctx);
}

/** how many objects remain in the namespace, over every namespaced resource */
function contentCount(core: ServerCore, namespace: string): number {
  let n = 0;
  for (const r of RESOURCES) if (r.namespaced) n += core.store.count(registryPrefix(r.plural, namespace));
  return n;
}

/** one pass of the stand-in: delete all content (background), finalize and delete the namespace once it is empty */
function cleanupPass(
  core: ServerCore,
  nsRes: ResourceInfo,
  name: string,
  deleteStored: DeleteStored,
): boolean {
  const nsKey = keyOf(nsRes, undefined, name);
  const cur = core.store.get(nsKey);
  if (!cur || !cur.value.metadata.deletionTimestamp) return true;
  const cause = `namespace ${name} Terminating`;
  for (const r of RESOURCES) {
    if (!r.namespaced) continue;
    for (const kv of core.store.list(registryPrefix(r.plural, name)).items) {
      if (kv.value.metadata.deletionTimestamp) continue;
      deleteStored(core, r, kv.key, kv, { propagationPolicy: 'Background' }, { ...STAND_IN, cause });
    }
  }
  if (contentCount(core, name) > 0) return false;
  const finalized = cloneJson(cur.value) as KubeObject;
  finalized.spec = { ...((finalized.spec as object | undefined) ?? {}), finalizers: [] };
  const kv = storeUpdate(core, nsRes, nsKey, finalized, cur.modRevision);
  record(core, { ...STAND_IN, cause }, 'finalize', nsRes, kv.value, kv.modRevision);
  deleteStored(core, nsRes, nsKey, kv, {}, { ...STAND_IN, cause });
  return true;
}

function scheduleNamespaceCleanup(
  core: ServerCore,
  nsRes: ResourceInfo,
  name: string,
  deleteStored: DeleteStored,
  pass: number,
): void {
  core.sim.schedule({
    delayMs: pass === 1 ? 0 : RETRY_MS,
    actor: STAND_IN.actor,
    label: `namespace ${name}: delete content`,
    run: () => {
      const done = cleanupPass(core, nsRes, name, deleteStored);
      if (!done && pass < MAX_PASSES) scheduleNamespaceCleanup(core, nsRes, name, deleteStored, pass + 1);
    },
  });
}
