// What the namespace controller does with a Terminating namespace's content on each pass: delete it all (pods first),
// estimate how long what remains will take, and report it in status.conditions.
// mirrors pkg/controller/namespace/deletion/namespaced_resources_deleter.go (deleteAllContent,
// deleteAllContentForGroupVersionResource, estimateGracefulTermination[ForPods]) and status_condition_utils.go.
import type { KubeObject } from '../types/object';
import { registryPrefix } from '../store/keys';
import type { DeleteOpts, RequestContext, ResourceInfo } from './types';
import { RESOURCES } from './registry';
import type { ServerCore } from './core';
import type { KeyValue } from '../store/types';
import { StatusError } from './types';

export type DeleteStored = (
  core: ServerCore,
  res: ResourceInfo,
  key: string,
  cur: KeyValue,
  opts: DeleteOpts,
  ctx: RequestContext,
) => KubeObject;

/** finalizerEstimateSeconds: the default wait for finalizers found on items pending deletion */
export const FINALIZER_ESTIMATE_SECONDS = 15;

export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** conditionTypes with the "ok" reason and message each gets when nothing is wrong (status False) */
const CONDITION_TYPES: ReadonlyArray<readonly [type: string, reason: string, message: string]> = [
  ['NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'],
  [
    'NamespaceDeletionGroupVersionParsingFailure',
    'ParsedGroupVersions',
    'All legacy kube types successfully parsed',
  ],
  [
    'NamespaceDeletionContentFailure',
    'ContentDeleted',
    'All content successfully deleted, may be waiting on finalization',
  ],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
];

type Failing = Map<string, { reason: string; message: string }>;

/**
 * updateConditions: every maintained type is present, failing (True) or ok (False); lastTransitionTime moves only
 * when the status flips. Returns the new list, or undefined when nothing changed.
 */
export function updateConditions(
  old: readonly NamespaceCondition[],
  failing: Failing,
  now: string,
): NamespaceCondition[] | undefined {
  const next = old.map((c) => ({ ...c }));
  let changed = false;
  for (const [type, okReason, okMessage] of CONDITION_TYPES) {
    const f = failing.get(type);
    const want = f
      ? { type, status: 'True' as const, lastTransitionTime: now, ...f }
      : { type, status: 'False' as const, lastTransitionTime: now, reason: okReason, message: okMessage };
    const cur = next.find((c) => c.type === type);
    if (!cur) {
      next.push(want);
      changed = true;
    } else if (cur.status !== want.status || cur.message !== want.message || cur.reason !== want.reason) {
      if (cur.status !== want.status) cur.lastTransitionTime = now;
      Object.assign(cur, { status: want.status, reason: want.reason, message: want.message });
      changed = true;
    }
  }
  return changed ? next : undefined;
}

/** schema.GroupVersionResource.String(): `/v1, Resource=pods` */
const gvrString = (r: ResourceInfo) => `${r.group}/${r.version}, Resource=${r.plural}`;

interface GvrDeletion {
  estimate: number;
  numRemaining: number;
  finalizers: Map<string, number>;
  error?: string;
}

/** estimateGracefulTerminationForPods, zeroed once that long has passed since the namespace's deletion */
function estimatePods(core: ServerCore, namespace: string, deletedAtMs: number): number {
  let estimate = 0;
  for (const kv of core.store.list(registryPrefix('pods', namespace)).items) {
    const phase = (kv.value.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const grace = (kv.value.spec as { terminationGracePeriodSeconds?: number } | undefined)
      ?.terminationGracePeriodSeconds;
    if (grace !== undefined && grace > estimate) estimate = grace;
  }
  return core.sim.clock.nowMs() - deletedAtMs >= estimate * 1000 ? 0 : estimate;
}

/** deleteAllContentForGroupVersionResource: delete the collection (background propagation), then see what is left */
function deleteResource(
  core: ServerCore,
  r: ResourceInfo,
  namespace: string,
  deletedAtMs: number,
  deleteStored: DeleteStored,
  ctx: RequestContext,
): GvrDeletion {
  const estimate = r.group === '' && r.plural === 'pods' ? estimatePods(core, namespace, deletedAtMs) : 0;
  const prefix = registryPrefix(r.plural, namespace);
  const finalizers = new Map<string, number>();
  try {
    for (const kv of core.store.list(prefix).items) {
      // deleting again what is already being deleted changes nothing
      if (kv.value.metadata.deletionTimestamp) continue;
      deleteStored(core, r, kv.key, kv, { propagationPolicy: 'Background' }, ctx);
    }
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    return { estimate, numRemaining: 0, finalizers, error: e.message };
  }
  const remaining = core.store.list(prefix).items;
  if (remaining.length === 0) return { estimate: 0, numRemaining: 0, finalizers };
  for (const kv of remaining)
    for (const f of kv.value.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
  const numRemaining = remaining.length;
  if (estimate !== 0) return { estimate, numRemaining, finalizers };
  // an item with a finalizer is normal: give the garbage collector (or whoever) the default time
  if (finalizers.size > 0) return { estimate: FINALIZER_ESTIMATE_SECONDS, numRemaining, finalizers };
  return {
    estimate,
    numRemaining,
    finalizers,
    error: `unexpected items still remain in namespace: ${namespace} for gvr: ${gvrString(r)}`,
  };
}

export interface ContentResult {
  /** seconds before the remaining content should be gone (0: nothing remains, or no estimate) */
  estimate: number;
  /** the errors (their aggregate is what Delete returns) */
  errors: string[];
  /** the namespace's new status.conditions, when they changed */
  conditions?: NamespaceCondition[];
  /** what remains, as keys and resourceVersions (kubesim's own progress check) */
  remaining: string[];
}

/** deleteAllContent: pods first (OrderedNamespaceDeletion, GA in 1.34), everything else once no pod remains */
export function deleteAllContent(
  core: ServerCore,
  ns: Readonly<KubeObject>,
  deleteStored: DeleteStored,
  ctx: RequestContext,
): ContentResult {
  const namespace = ns.metadata.name ?? '';
  const deletedAtMs = core.sim.clock.fromRfc3339(ns.metadata.deletionTimestamp ?? '');
  const failing: Failing = new Map();
  const contentErrors: string[] = [];
  const errors: string[] = [];
  const gvrRemaining = new Map<string, number>();
  const finalizersRemaining = new Map<string, number>();
  const remaining: string[] = [];
  let estimate = 0;
  const deletable = RESOURCES.filter((r) => r.namespaced && r.verbs.includes('delete'));
  const isPods = (r: ResourceInfo) => r.group === '' && r.plural === 'pods';
  const run = (r: ResourceInfo, wrap: (e: string) => string) => {
    const d = deleteResource(core, r, namespace, deletedAtMs, deleteStored, ctx);
    if (d.error !== undefined) {
      errors.push(wrap(d.error));
      contentErrors.push(d.error);
    }
    if (d.estimate > estimate) estimate = d.estimate;
    if (d.numRemaining > 0) {
      gvrRemaining.set(`${r.plural}.${r.group}`, d.numRemaining);
      for (const [f, n] of d.finalizers) finalizersRemaining.set(f, (finalizersRemaining.get(f) ?? 0) + n);
      for (const kv of core.store.list(registryPrefix(r.plural, namespace)).items)
        remaining.push(`${kv.key}@${kv.modRevision}`);
    }
    return d.numRemaining;
  };
  const pods = deletable.find(isPods);
  const podsLeft = pods
    ? run(pods, (e) => `failed to delete pods for namespace: ${namespace}, err: ${e}`)
    : 0;
  if (podsLeft === 0) {
    for (const r of deletable) if (!isPods(r)) run(r, (e) => e);
    // ProcessContentTotals (only once every resource was gone through)
    if (gvrRemaining.size > 0) {
      const list = [...gvrRemaining].map(([gr, n]) => `${gr} has ${n} resource instances`).sort();
      failing.set('NamespaceContentRemaining', {
        reason: 'SomeResourcesRemain',
        message: `Some resources are remaining: ${list.join(', ')}`,
      });
    }
    if (finalizersRemaining.size > 0) {
      const list = [...finalizersRemaining].map(([f, n]) => `${f} in ${n} resource instances`).sort();
      failing.set('NamespaceFinalizersRemaining', {
        reason: 'SomeFinalizersRemain',
        message: `Some content in the namespace has finalizers remaining: ${list.join(', ')}`,
      });
    }
  }
  // makeDeleteContentCondition
  if (contentErrors.length > 0) {
    failing.set('NamespaceDeletionContentFailure', {
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${contentErrors.length} remaining: ${[...contentErrors].sort().join(', ')}`,
    });
  }
  const old = ((ns.status as { conditions?: NamespaceCondition[] } | undefined)?.conditions ??
    []) as NamespaceCondition[];
  const conditions = updateConditions(old, failing, core.sim.clock.nowRfc3339());
  return { estimate, errors, remaining, ...(conditions ? { conditions } : {}) };
}
