// Contract of the core/v1 Event recorder every component uses (mirrors client-go's record.EventRecorder).
import type { KubeObject } from '../types/object';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  /** e.g. 'replicaset-controller', 'default-scheduler', 'kubelet' */
  component: string;
  /** node name for kubelet events */
  host?: string;
}

export interface EventRecorder {
  /**
   * Record an Event about obj. Repeats of the same (object, type, reason, message, source) within the
   * aggregation window bump `count` and `lastTimestamp` of the existing Event instead of creating one.
   */
  event(
    obj: Readonly<KubeObject>,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
  ): void;
}
