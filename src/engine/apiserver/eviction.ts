// The pods/eviction subresource: delete a pod only when its PodDisruptionBudget allows it.
// mirrors pkg/registry/core/pod/storage/eviction.go (EvictionREST.Create, checkAndDecrement, addConditionAndDeletePod).
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { Clock } from '../sim/types';
import type { KubeObject } from '../types/object';
import { cloneJson } from '../types/json';
import type { ApiServer, DeleteOpts, RequestContext } from './types';
import { StatusError } from './types';
import { newConflict, newForbidden, status as statusError } from './errors';
import { pdbSelector, pdbStatus, updateDisruptionAllowedCondition, type PdbObject } from './pdbHelpers';

/** MaxDisruptedPodSize: evictions the PDB controller has not yet confirmed */
export const MAX_DISRUPTED_POD_SIZE = 2000;
export const EVICTION_VIOLATES_BUDGET = "Cannot evict pod as it would violate the pod's disruption budget.";
export const MULTIPLE_PDBS =
  'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';

type PodObject = Pod & KubeObject;
const PODS = { group: '', plural: 'pods' };
const PDB_RESOURCE = { group: 'policy', plural: 'poddisruptionbudget' };

/** errors.NewTooManyRequests with the DisruptionBudget cause */
function tooManyRequests(causeMessage: string): StatusError {
  return statusError(429, 'TooManyRequests', EVICTION_VIOLATES_BUDGET, {
    causes: [{ reason: 'DisruptionBudget', message: causeMessage }],
  });
}

const isReady = (pod: Readonly<Pod>) =>
  (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const phaseOf = (pod: Readonly<Pod>) => pod.status?.phase;

/** canIgnorePDB: terminal, pending and already-deleting pods are deleted without a PDB check */
export function canIgnorePDB(pod: Readonly<PodObject>): boolean {
  const phase = phaseOf(pod);
  return (
    phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp
  );
}

/** shouldEnforceResourceVersion: guard against a pod becoming ready (and PDB-relevant) meanwhile */
function shouldEnforceResourceVersion(pod: Readonly<PodObject>): boolean {
  const phase = phaseOf(pod);
  return !(phase === 'Succeeded' || phase === 'Failed' || pod.metadata.deletionTimestamp);
}

const resourceVersionIsUnset = (o: DeleteOpts) => !o.preconditions?.resourceVersion;
const withResourceVersion = (o: DeleteOpts, rv: string | undefined): DeleteOpts => ({
  ...o,
  preconditions: { ...(o.preconditions ?? {}), ...(rv ? { resourceVersion: rv } : {}) },
});

/** getPodDisruptionBudgets: unlike the PDB lister, a nil or empty selector matches nothing here */
export function podDisruptionBudgetsFor(api: ApiServer, pod: Readonly<PodObject>): PdbObject[] {
  const out: PdbObject[] = [];
  for (const obj of api.list('poddisruptionbudgets', pod.metadata.namespace).items) {
    const sel = pdbSelector(obj as PdbObject);
    if (!sel || sel.empty() || !sel.matches(pod.metadata.labels)) continue;
    out.push(obj as PdbObject);
  }
  return out;
}

/** checkAndDecrement: take one disruption from the budget and record the pod in disruptedPods */
function checkAndDecrement(
  api: ApiServer,
  clock: Clock,
  podName: string,
  pdb: Readonly<PdbObject>,
  ctx: RequestContext,
): void {
  const name = pdb.metadata.name ?? '';
  const st = pdbStatus(pdb);
  if (st.observedGeneration < (pdb.metadata.generation ?? 0))
    throw tooManyRequests(`The disruption budget ${name} is still being processed by the server.`);
  if (st.disruptionsAllowed < 0)
    throw newForbidden(PDB_RESOURCE, name, 'pdb disruptions allowed is negative');
  if (Object.keys(pdb.status?.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE)
    throw newForbidden(
      PDB_RESOURCE,
      name,
      'DisruptedPods map too big - too many evictions not confirmed by PDB controller',
    );
  if (st.disruptionsAllowed === 0)
    throw tooManyRequests(
      `The disruption budget ${name} needs ${st.desiredHealthy} healthy pods and has ${st.currentHealthy} currently`,
    );
  if (ctx.dryRun) return;
  const next = cloneJson(pdb) as PdbObject;
  const status = (next.status ??= { ...st });
  status.disruptionsAllowed = st.disruptionsAllowed - 1;
  if (status.disruptionsAllowed === 0) updateDisruptionAllowedCondition(status, clock.nowRfc3339());
  status.disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: clock.nowRfc3339() };
  api.updateStatus('poddisruptionbudgets', pdb.metadata.namespace, next, ctx);
}

/** pod util UpdatePodCondition for DisruptionTarget=True (EvictionByEvictionAPI) */
function withDisruptionTarget(pod: PodObject, nowRfc3339: string): PodObject {
  const status = pod.status ?? {};
  const conditions = [...(status.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === 'DisruptionTarget');
  const old = i >= 0 ? conditions[i] : undefined;
  const cond: PodCondition = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: old?.lastProbeTime ?? (null as unknown as string),
    lastTransitionTime: old?.status === 'True' ? old.lastTransitionTime : nowRfc3339,
    reason: 'EvictionByEvictionAPI',
    message: 'Eviction API: evicting',
  };
  if (i >= 0) conditions[i] = cond;
  else conditions.push(cond);
  return { ...pod, status: { ...status, conditions } };
}

/** addConditionAndDeletePod: DisruptionTarget on the latest pod (checking preconditions), then the delete */
function addConditionAndDeletePod(
  api: ApiServer,
  clock: Clock,
  namespace: string,
  name: string,
  options: DeleteOpts,
  ctx: RequestContext,
): void {
  let opts = options;
  if (!ctx.dryRun) {
    const latest = cloneJson(api.get('pods', namespace, name)) as PodObject;
    const p = options.preconditions;
    if (p?.uid && p.uid !== latest.metadata.uid)
      throw newConflict(
        PODS,
        name,
        `the UID in the precondition (${p.uid}) does not match the UID in record (${latest.metadata.uid ?? ''}). The object might have been deleted and then recreated`,
      );
    if (p?.resourceVersion && p.resourceVersion !== latest.metadata.resourceVersion)
      throw newConflict(
        PODS,
        name,
        `the ResourceVersion in the precondition (${p.resourceVersion}) does not match the ResourceVersion in record (${latest.metadata.resourceVersion ?? ''}). The object might have been modified`,
      );
    const updated = api.updateStatus(
      'pods',
      namespace,
      withDisruptionTarget(latest, clock.nowRfc3339()),
      ctx,
    );
    // we modified the pod ourselves: the caller's resourceVersion precondition moves with it
    if (!resourceVersionIsUnset(options))
      opts = withResourceVersion(options, updated.metadata.resourceVersion);
  }
  api.delete('pods', namespace, name, opts, ctx);
}

/** EvictionREST.Create for pods/<name>/eviction */
export function evictPod(
  api: ApiServer,
  clock: Clock,
  namespace: string,
  name: string,
  options: DeleteOpts,
  request: RequestContext,
): void {
  const ctx: RequestContext = { ...request, cause: request.cause ?? `evict pods/${namespace}/${name}` };
  const pod = api.get('pods', namespace, name) as PodObject;
  if (canIgnorePDB(pod)) {
    const opts =
      shouldEnforceResourceVersion(pod) && resourceVersionIsUnset(options)
        ? withResourceVersion(options, pod.metadata.resourceVersion)
        : options;
    addConditionAndDeletePod(api, clock, namespace, name, opts, ctx);
    return;
  }
  const pdbs = podDisruptionBudgetsFor(api, pod);
  if (pdbs.length > 1) throw statusError(500, '', MULTIPLE_PDBS);
  let updateDeletionOptions = false;
  const pdb = pdbs[0];
  if (pdb) {
    const st = pdbStatus(pdb);
    // an unready pod does not count towards currentHealthy, so its eviction takes nothing from the budget
    if (!isReady(pod)) {
      const alwaysAllow = pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow';
      if (alwaysAllow || (st.currentHealthy >= st.desiredHealthy && st.desiredHealthy > 0))
        updateDeletionOptions = true;
    }
    if (!updateDeletionOptions) checkAndDecrement(api, clock, name, pdb, ctx);
  }
  const opts = updateDeletionOptions ? withResourceVersion(options, pod.metadata.resourceVersion) : options;
  try {
    addConditionAndDeletePod(api, clock, namespace, name, opts, ctx);
  } catch (e) {
    // the pod changed (maybe became ready) since we decided: the client should retry
    if (
      e instanceof StatusError &&
      e.status.reason === 'Conflict' &&
      updateDeletionOptions &&
      resourceVersionIsUnset(options)
    )
      throw tooManyRequests(
        `The disruption budget ${pdb?.metadata.name ?? ''} is still being processed by the server.`,
      );
    throw e;
  }
}
