// A scheduling profile: the plugins enabled at each extension point, score weights, args and extenders.
// mirrors pkg/scheduler/framework/runtime/framework.go frameworkImpl (one per KubeSchedulerProfile).
import type { FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from './framework/types';
import type { ExtenderConfig } from './extenders';

export interface ScorePluginEntry {
  plugin: ScorePlugin;
  weight: number;
}

export interface Profile {
  schedulerName: string;
  preFilter: PreFilterPlugin[];
  filter: FilterPlugin[];
  /** PostFilter plugin names; 'DefaultPreemption' enables preemption */
  postFilter: string[];
  preScore: PreScorePlugin[];
  score: ScorePluginEntry[];
  /** profile percentageOfNodesToScore (overrides the global one) */
  percentageOfNodesToScore?: number;
  /** pluginConfig args by plugin name */
  args: Record<string, unknown>;
  extenders: ExtenderConfig[];
}

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
export const DEFAULT_PREEMPTION = 'DefaultPreemption';
/**
 * DynamicResources (DRA, GA and in the default profile since v1.34). kubesim serves no ResourceClaims, so only its
 * PostFilter shows: a pod without claims gets `no new claims to deallocate` (dynamicresources.go PostFilter).
 */
export const DYNAMIC_RESOURCES = 'DynamicResources';
/** the PostFilter plugins kubesim runs, by name */
export const POST_FILTER_PLUGINS: ReadonlySet<string> = new Set([DYNAMIC_RESOURCES, DEFAULT_PREEMPTION]);
