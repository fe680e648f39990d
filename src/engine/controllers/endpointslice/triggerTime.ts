// The last-change-trigger-time annotation's source. mirrors pkg/controller/util/endpoint/trigger_time_tracker.go:
// the earliest change (pod Ready transition, or Service creation) not yet reflected in the endpoints.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { timeMs } from '../shared/index';

interface ServiceState {
  lastServiceTriggerMs: number | undefined;
  lastPodTriggerMs: Map<string, number | undefined>;
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** ComputeEndpointLastChangeTriggerTime: undefined when nothing changed (no annotation is written) */
  compute(serviceKey: string, svc: Readonly<Service>, pods: readonly Readonly<Pod>[]): number | undefined {
    const state = this.states.get(serviceKey);
    const next: ServiceState = {
      lastServiceTriggerMs: timeMs(svc.metadata?.creationTimestamp),
      lastPodTriggerMs: new Map(),
    };
    let min: number | undefined;
    const consider = (t: number | undefined) => {
      if (t !== undefined && (min === undefined || t < min)) min = t;
    };
    if (!state || state.lastServiceTriggerMs !== next.lastServiceTriggerMs)
      consider(next.lastServiceTriggerMs);
    for (const pod of pods) {
      const key = pod.metadata?.name ?? '';
      const t = timeMs(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime);
      next.lastPodTriggerMs.set(key, t);
      if (!state || !state.lastPodTriggerMs.has(key) || state.lastPodTriggerMs.get(key) !== t) consider(t);
    }
    this.states.set(serviceKey, next);
    return min;
  }

  deleteService(serviceKey: string): void {
    this.states.delete(serviceKey);
  }
}
