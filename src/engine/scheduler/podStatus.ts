// Status writes the scheduler makes: PodScheduled=False/Unschedulable with nominatedNodeName (updatePod), the
// DisruptionTarget condition on preemption victims, and clearing stale nominations.
// mirrors schedule_one.go updatePod, preemption.go prepareCandidate and util.ClearNominatedNodeName.
import type { Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types/object';
import type { RequestContext } from '../apiserver/types';
import type { ClusterRuntime } from '../cluster/types';
import { StatusError } from '../apiserver/types';

function fresh(rt: ClusterRuntime, ns: string, name: string): Pod | undefined {
  try {
    return structuredClone(rt.api.get('pods', ns, name)) as unknown as Pod;
  } catch (e) {
    if (e instanceof StatusError && e.status.reason === 'NotFound') return undefined;
    throw e;
  }
}

function write(rt: ClusterRuntime, pod: Pod, ctx: RequestContext): boolean {
  try {
    rt.api.updateStatus('pods', pod.metadata?.namespace, pod as unknown as KubeObject, ctx);
    return true;
  } catch (e) {
    if (e instanceof StatusError) return false;
    throw e;
  }
}

/** pod.status, created when absent (the pod is our own structuredClone) */
function statusOf(pod: Pod): PodStatus {
  const p = pod as { status?: PodStatus };
  return (p.status ??= {});
}

/** podutil.UpdatePodCondition: replace the condition of that type; keep lastTransitionTime if status unchanged */
function setCondition(pod: Pod, cond: PodCondition): boolean {
  const status = statusOf(pod);
  const conds: PodCondition[] = (status.conditions ??= []);
  const i = conds.findIndex((c) => c.type === cond.type);
  const cur = i >= 0 ? conds[i] : undefined;
  if (cur && cur.status === cond.status && cur.reason === cond.reason && cur.message === cond.message)
    return false;
  const next = { ...cond };
  if (cur && cur.status === cond.status) next.lastTransitionTime = cur.lastTransitionTime;
  if (i >= 0) conds[i] = next;
  else conds.push(next);
  return true;
}

/**
 * updatePod: PodScheduled=False reason Unschedulable with the FitError message (SchedulerError for other errors,
 * handleSchedulingFailure); nominated: undefined leaves status.nominatedNodeName alone, '' clears it, a name sets
 * it. Skips the write when nothing changes.
 */
export function markUnschedulable(
  rt: ClusterRuntime,
  ns: string,
  name: string,
  message: string,
  nominated: string | undefined,
  ctx: RequestContext,
  reason: 'Unschedulable' | 'SchedulerError' = 'Unschedulable',
): void {
  const pod = fresh(rt, ns, name);
  if (!pod || pod.spec?.nodeName) return;
  let changed = setCondition(pod, {
    type: 'PodScheduled',
    status: 'False',
    reason,
    message,
    lastTransitionTime: rt.sim.clock.nowRfc3339(),
  });
  if (nominated !== undefined && (pod.status?.nominatedNodeName ?? '') !== nominated) {
    const status = statusOf(pod);
    if (nominated === '') delete status.nominatedNodeName;
    else status.nominatedNodeName = nominated;
    changed = true;
  }
  if (changed) write(rt, pod, ctx);
}

/** the DisruptionTarget condition a preemption victim gets before it is deleted */
export function markDisruptionTarget(
  rt: ClusterRuntime,
  victim: Pod,
  schedulerName: string,
  ctx: RequestContext,
): void {
  const pod = fresh(rt, victim.metadata?.namespace ?? '', victim.metadata?.name ?? '');
  if (!pod) return;
  const changed = setCondition(pod, {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'PreemptionByScheduler',
    message: `${schedulerName}: preempting to accommodate a higher priority pod`,
    lastTransitionTime: rt.sim.clock.nowRfc3339(),
  });
  if (changed) write(rt, pod, ctx);
}

/** util.ClearNominatedNodeName */
export function clearNominatedNodeName(
  rt: ClusterRuntime,
  ns: string,
  name: string,
  ctx: RequestContext,
): void {
  const pod = fresh(rt, ns, name);
  if (!pod?.status?.nominatedNodeName) return;
  delete pod.status.nominatedNodeName;
  write(rt, pod, ctx);
}
