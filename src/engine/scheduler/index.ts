// The scheduler's public surface: the component(s) bootstrap adds, and explanation access for commands and the UI.
import type { Component } from '../cluster/types';
import { createScheduler } from './scheduler';

export { createScheduler } from './scheduler';
export type { SchedulerComponent, SchedulerOptions } from './scheduler';
export { getExplanations, explanationStoreFor } from './explanations';
export type { AttemptRecord, FilterVerdict, ScoreRow, ScoreCell } from './explanations';

/** the scheduler components a cluster runs (one kube-scheduler serving every profile of its ConfigMap) */
export function schedulerComponents(): Component[] {
  return [createScheduler()];
}
