// How `kubectl drain` removes pods: through the eviction API, retrying every 5s on 429 (a PodDisruptionBudget says
// not yet), or by plain delete with --disable-eviction; then it waits until each pod is gone. With
// --dry-run=server the requests are sent as dry runs and nothing is waited for.
// mirrors k8s.io/kubectl/pkg/drain/drain.go evictPods / deletePods / waitForDelete.
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { DeleteOpts, RequestContext } from '../../apiserver/types';
import { StatusError } from '../../apiserver/types';
import { formatDuration } from '../duration';
import { kubectlCtx } from './nodeTargets';
import { newAggregate, type GoError } from './checkErr';

/** how long kubectl sleeps after a 429 before evicting again */
export const EVICTION_RETRY_MS = 5_000;
const DEADLINE = 'context deadline exceeded';

export interface EvictOptions {
  gracePeriodSeconds: number;
  disableEviction: boolean;
  timeoutMs: number;
  capped: boolean;
  /** --dry-run=server: evictions and deletes carry dryRun=All (client dry runs never get here) */
  serverDryRun: boolean;
}

export interface EvictResult {
  stdout: string;
  stderr: string;
  /** evictPods' aggregate of per-pod errors, or deletePods' single error */
  error?: GoError;
}

/** the request context; makeDeleteOptions adds DryRun=All for --dry-run=server */
function drainCtx(o: EvictOptions): RequestContext {
  const ctx = kubectlCtx('drain');
  if (o.serverDryRun) ctx.dryRun = true;
  return ctx;
}

/** a pod is gone once it is NotFound or its name now belongs to a new incarnation (other UID) */
function isGone(rt: ClusterRuntime, pod: KubeObject): boolean {
  try {
    return (
      rt.api.get('pods', pod.metadata.namespace, pod.metadata.name ?? '').metadata.uid !== pod.metadata.uid
    );
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return true;
    throw e;
  }
}

/** makeDeleteOptions: the grace period only when --grace-period was given (>= 0) */
const deleteOptions = (o: EvictOptions): DeleteOpts =>
  o.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: o.gracePeriodSeconds } : {};

interface PodWork {
  pod: KubeObject;
  phase: 'evict' | 'wait' | 'done';
  retryAtMs: number;
}

/** evictPods: one eviction loop per pod (kubectl runs them as goroutines), each followed by its wait for deletion */
export function evictPods(rt: ClusterRuntime, pods: readonly KubeObject[], o: EvictOptions): EvictResult {
  const res: EvictResult = { stdout: '', stderr: '' };
  const errors: GoError[] = [];
  const ctx = drainCtx(o);
  const clock = rt.sim.clock;
  const deadline = clock.nowMs() + o.timeoutMs;
  const work: PodWork[] = pods.map((pod) => ({ pod, phase: 'evict', retryAtMs: clock.nowMs() }));
  const ref = (w: PodWork) =>
    `pods/${JSON.stringify(w.pod.metadata.name ?? '')} -n ${JSON.stringify(w.pod.metadata.namespace ?? '')}`;

  const attempt = (w: PodWork) => {
    const { namespace, name } = w.pod.metadata;
    res.stdout += `evicting pod ${namespace}/${name}${o.serverDryRun ? ' (server dry run)' : ''}\n`;
    if (clock.nowMs() >= deadline) {
      errors.push(`error when evicting ${ref(w)}: global timeout reached: ${formatDuration(o.timeoutMs)}`);
      w.phase = 'done';
      return;
    }
    try {
      rt.api.evict(namespace ?? '', name ?? '', deleteOptions(o), ctx);
      // a server dry run returns right after the eviction call: nothing to wait for
      w.phase = o.serverDryRun ? 'done' : 'wait';
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (e.status.code === 404) {
        w.phase = 'done';
      } else if (e.status.code === 429) {
        res.stderr += `error when evicting ${ref(w)} (will retry after 5s): ${e.message}\n`;
        w.retryAtMs = clock.nowMs() + EVICTION_RETRY_MS;
      } else {
        errors.push(`error when evicting ${ref(w)}: ${e.message}`);
        w.phase = 'done';
      }
    }
  };
  const sweep = () => {
    for (const w of work) {
      if (w.phase === 'wait' && isGone(rt, w.pod)) {
        res.stdout += `pod/${w.pod.metadata.name} evicted\n`;
        w.phase = 'done';
      }
    }
    return work.every((w) => w.phase === 'done');
  };

  for (const w of work) attempt(w);
  while (!sweep()) {
    const now = clock.nowMs();
    const retrying = work.filter((w) => w.phase === 'evict');
    if (now >= deadline) {
      for (const w of retrying) attempt(w);
      for (const w of work.filter((x) => x.phase === 'wait'))
        errors.push(
          `error when waiting for pod ${JSON.stringify(w.pod.metadata.name ?? '')} in namespace ${JSON.stringify(w.pod.metadata.namespace ?? '')} to terminate: ${DEADLINE}`,
        );
      break;
    }
    const wake = Math.min(deadline, ...retrying.map((w) => w.retryAtMs));
    if (wake > now) rt.sim.runUntil(sweep, wake - now);
    for (const w of retrying) if (w.phase === 'evict' && w.retryAtMs <= clock.nowMs()) attempt(w);
  }
  // utilerrors.NewAggregate(errors)
  res.error = newAggregate(errors);
  return res;
}

/**
 * deletePods (--disable-eviction): delete every pod, then wait for all of them together. A failed delete (other than
 * NotFound) ends it with that error; a server dry run does not wait.
 */
export function deletePods(rt: ClusterRuntime, pods: readonly KubeObject[], o: EvictOptions): EvictResult {
  const res: EvictResult = { stdout: '', stderr: '' };
  const ctx = drainCtx(o);
  let pending: KubeObject[] = [];
  for (const pod of pods) {
    try {
      rt.api.delete('pods', pod.metadata.namespace, pod.metadata.name ?? '', deleteOptions(o), ctx);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      if (e.status.code !== 404) return { ...res, error: e };
    }
    // a pod already gone is still waited for (and reported deleted), as waitForDelete gets every pod
    pending.push(pod);
  }
  if (o.serverDryRun) return res;
  const sweep = () => {
    const still: KubeObject[] = [];
    for (const pod of pending) {
      if (isGone(rt, pod)) res.stdout += `pod/${pod.metadata.name} deleted\n`;
      else still.push(pod);
    }
    pending = still;
    return pending.length === 0;
  };
  if (!rt.sim.runUntil(sweep, o.timeoutMs)) res.error = DEADLINE;
  return res;
}
