// One scheduling attempt: pop, run the profile's cycle, then assume + bind asynchronously, or preempt and record
// the failure (Event, PodScheduled condition, requeue). mirrors pkg/scheduler/schedule_one.go ScheduleOne,
// handleSchedulingFailure, bindingCycle and preemption.go prepareCandidate.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types/object';
import type { Scheduler } from './scheduler';
import type { QueuedPodInfo } from './queue';
import type { Profile } from './profile';
import type { AttemptRecord } from './explanations';
import type { Candidate } from './preemption';
import type { Diagnosis } from './framework/fitError';
import type { CycleState } from './framework/types';
import { StatusError } from '../apiserver/types';
import { DEFAULT_SCHEDULER_NAME, DYNAMIC_RESOURCES } from './profile';
import { schedulePod } from './framework/runner';
import { fitErrorMessage } from './framework/fitError';
import { pdbLiteOf } from './preemptionPdb';
import { preempt } from './preemption';
import { podPriority } from './queue';
import { clearNominatedNodeName, markDisruptionTarget, markUnschedulable } from './podStatus';

const asObj = (p: Pod): KubeObject => p as unknown as KubeObject;

export function scheduleOne(s: Scheduler): void {
  const popped = s.queue.pop();
  if (!popped) return;
  const { info, cycle } = popped;
  const pod = s.pods?.get(info.key) as Pod | undefined;
  // skipPodSchedule: deleted, being deleted, already bound or assumed meanwhile
  if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp || s.cache.isAssumed(info.key)) return;
  const profile = s.profiles.get(pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME);
  const ctx = profile ? s.contexts.get(profile.schedulerName) : undefined;
  if (!profile || !ctx) return;
  const result = schedulePod({
    profile,
    pod,
    snapshot: s.cache,
    ctx,
    rng: s.rng,
    startIndex: s.nextStartNodeIndex,
    ...(s.config?.percentageOfNodesToScore !== undefined
      ? { percentageOfNodesToScore: s.config.percentageOfNodesToScore }
      : {}),
    withNominated: (ni, p) => s.nominator.withNominated(ni, p),
    nodeNames: s.cache.nodeNames(),
  });
  s.nextStartNodeIndex = result.nextStartIndex;
  const rec = result.record;
  rec.attempt = info.attempts;
  rec.timeMs = s.nowMs();
  if (result.kind === 'scheduled') {
    rec.result = 'Scheduled';
    rec.message = `Successfully assigned ${info.key} to ${result.node}`;
    s.explanations.add(info.key, rec);
    assumeAndBind(s, { ...info, pod }, profile, result.node, rec);
    return;
  }
  handleUnschedulable(s, { ...info, pod }, cycle, profile, result.diagnosis, result.state, rec);
}

/** dynamicresources.go PostFilter for a pod with no ResourceClaims */
const NO_CLAIMS_TO_DEALLOCATE = 'no new claims to deallocate';

function handleUnschedulable(
  s: Scheduler,
  info: QueuedPodInfo,
  cycle: number,
  profile: Profile,
  diagnosis: Diagnosis,
  state: CycleState,
  rec: AttemptRecord,
): void {
  const pod = info.pod;
  const numAllNodes = s.cache.list().length;
  let nominated: string | undefined;
  // RunPostFilterPlugins: plugins in profile order until one succeeds; the others' reasons join with ", "
  const reasons: string[] = [];
  for (const name of profile.postFilter) {
    if (name === DYNAMIC_RESOURCES) {
      reasons.push(NO_CLAIMS_TO_DEALLOCATE);
      continue;
    }
    const ctx = s.contexts.get(profile.schedulerName);
    if (!ctx) continue;
    const pdbs = s.informers.for('poddisruptionbudgets').list().map(pdbLiteOf);
    const r = preempt({ profile, pod, state, snapshot: s.cache, ctx, rng: s.rng, diagnosis, pdbs });
    reasons.push(r.message);
    rec.preemption = { victims: [], message: r.message };
    if (r.candidate) {
      prepareCandidate(s, pod, profile, r.candidate);
      nominated = r.candidate.node;
      rec.preemption = {
        nominatedNode: nominated,
        victims: r.candidate.victims.map((v) => v.metadata?.name ?? ''),
        message: '',
      };
      reasons.length = 0; // a successful PostFilter ends the loop; upstream's message is the preemption's own
      reasons.push(r.message);
      break;
    } else if (!r.message.includes('not eligible')) {
      nominated = ''; // no candidates: clear a stale nomination
    }
  }
  if (reasons.length > 0) diagnosis.postFilterMsg = reasons.join(', ');
  const message = fitErrorMessage(numAllNodes, diagnosis);
  rec.result = 'Unschedulable';
  rec.message = message;
  s.explanations.add(info.key, rec);
  s.rt.sim.trace.record({ actor: s.name, action: 'schedule', target: `pods/${info.key}`, message });
  recordFailure(s, info, cycle, profile, message, nominated);
}

/** handleSchedulingFailure: Event, requeue, nominator, PodScheduled=False condition */
function recordFailure(
  s: Scheduler,
  info: QueuedPodInfo,
  cycle: number,
  profile: Profile,
  message: string,
  nominated: string | undefined,
): void {
  const pod = info.pod;
  const [ns, name] = [pod.metadata?.namespace ?? '', pod.metadata?.name ?? ''];
  s.rt.events.event(asObj(pod), 'Warning', 'FailedScheduling', message, { component: profile.schedulerName });
  const current = s.pods?.get(info.key) as Pod | undefined;
  if (!current || current.spec?.nodeName || current.metadata?.uid !== pod.metadata?.uid) return;
  s.queue.addUnschedulableIfNotPresent({ ...info, pod: current }, cycle);
  if (nominated) s.nominator.add(info.key, current, nominated);
  else if (nominated === '') s.nominator.delete(info.key);
  markUnschedulable(s.rt, ns, name, message, nominated, {
    actor: profile.schedulerName,
    cause: `scheduling attempt ${info.attempts}`,
  });
}

/** prepareCandidate: victims get DisruptionTarget, are deleted and get a Preempted Event */
function prepareCandidate(s: Scheduler, preemptor: Pod, profile: Profile, c: Candidate): void {
  const ctx = {
    actor: profile.schedulerName,
    cause: `preemption by pods/${preemptor.metadata?.namespace}/${preemptor.metadata?.name}`,
  };
  for (const v of c.victims) {
    const [ns, name] = [v.metadata?.namespace ?? '', v.metadata?.name ?? ''];
    markDisruptionTarget(s.rt, v, profile.schedulerName, ctx);
    try {
      s.rt.api.delete('pods', ns, name, {}, ctx);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      continue;
    }
    const msg = `Preempted by pod ${preemptor.metadata?.uid ?? ''} on node ${c.node}`;
    s.rt.events.event(asObj(v), 'Normal', 'Preempted', msg, { component: profile.schedulerName });
  }
  // lower-priority pods nominated to this node lose their nomination
  const prio = podPriority(preemptor);
  for (const [key, p] of s.nominator.podsOn(c.node)) {
    if (podPriority(p) >= prio || p.metadata?.uid === preemptor.metadata?.uid) continue;
    s.nominator.delete(key);
    clearNominatedNodeName(s.rt, p.metadata?.namespace ?? '', p.metadata?.name ?? '', ctx);
  }
}

/** the FailedScheduling message for a failed binding: framework.go RunBindPlugins `running Bind plugin %q: %w` */
export const bindErrorMessage = (err: string): string => `running Bind plugin "DefaultBinder": ${err}`;

/** assume the pod on the node now; write the binding bindLatencyMs later (the asynchronous binding cycle) */
function assumeAndBind(
  s: Scheduler,
  info: QueuedPodInfo,
  profile: Profile,
  node: string,
  rec: AttemptRecord,
): void {
  const pod = info.pod;
  s.cache.assumePod(pod, node);
  s.nominator.delete(info.key);
  s.rt.sim.schedule({
    delayMs: s.bindLatencyMs,
    actor: profile.schedulerName,
    label: `${profile.schedulerName} bind ${info.key} to ${node}`,
    run: () => bind(s, info, profile, node, rec),
  });
}

function bind(s: Scheduler, info: QueuedPodInfo, profile: Profile, node: string, rec: AttemptRecord): void {
  const pod = info.pod;
  const [ns, name] = [pod.metadata?.namespace ?? '', pod.metadata?.name ?? ''];
  try {
    const bound = s.rt.api.bind(ns, name, node, {
      actor: profile.schedulerName,
      cause: `scheduled: attempt ${info.attempts} chose ${node}`,
    });
    rec.binding = { ok: true, message: `bound to ${node}` };
    s.rt.events.event(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`, {
      component: profile.schedulerName,
    });
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    rec.binding = { ok: false, message: e.message };
    // handleBindingCycleError: forget the assumed pod, free its resources for others, retry after backoff
    s.cache.forgetPod(info.key);
    s.queue.moveAllToActiveOrBackoffQueue();
    const current = s.pods?.get(info.key) as Pod | undefined;
    if (!current || current.spec?.nodeName || current.metadata?.deletionTimestamp) return;
    // bindingCycle returns the Bind status as is; framework.go RunBindPlugins wraps a plugin error, and
    // handleSchedulingFailure records it (Event + PodScheduled=False reason SchedulerError, nomination cleared)
    const msg = bindErrorMessage(e.message);
    s.rt.events.event(asObj(current), 'Warning', 'FailedScheduling', msg, {
      component: profile.schedulerName,
    });
    s.queue.addBackoff({ ...info, pod: current });
    markUnschedulable(
      s.rt,
      ns,
      name,
      msg,
      '',
      { actor: profile.schedulerName, cause: `binding attempt ${info.attempts} failed` },
      'SchedulerError',
    );
  }
}
