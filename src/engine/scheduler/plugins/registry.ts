// The default scheduling profile: plugin order per extension point and score weights, plus lookup by name.
// mirrors pkg/scheduler/apis/config/v1/default_plugins.go getDefaultPlugins (MultiPoint) and the in-tree registry.
import type { FilterPlugin, Plugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/types';
import {
  newBalancedAllocation,
  BALANCED_ALLOCATION,
  type BalancedAllocationArgs,
} from './balancedAllocation';
import { newImageLocality, IMAGE_LOCALITY } from './imageLocality';
import { newInterPodAffinity, INTER_POD_AFFINITY, type InterPodAffinityArgs } from './interPodAffinity';
import { newNodeAffinity, NODE_AFFINITY, type NodeAffinityArgs } from './nodeAffinity';
import { newNodeName, NODE_NAME } from './nodeName';
import { newNodePorts, NODE_PORTS } from './nodePorts';
import { newNodeResourcesFit, NODE_RESOURCES_FIT, type NodeResourcesFitArgs } from './nodeResourcesFit';
import { newNodeUnschedulable, NODE_UNSCHEDULABLE } from './nodeUnschedulable';
import { newNodeVolumeLimits, NODE_VOLUME_LIMITS } from './nodeVolumeLimits';
import { newPodTopologySpread, POD_TOPOLOGY_SPREAD, type PodTopologySpreadArgs } from './podTopologySpread';
import { newTaintToleration, TAINT_TOLERATION } from './taintToleration';
import { newVolumeBinding, VOLUME_BINDING } from './volumeBinding';
import { newVolumeRestrictions, VOLUME_RESTRICTIONS } from './volumeRestrictions';
import { newVolumeZone, VOLUME_ZONE } from './volumeZone';

/** plugin args by plugin name (KubeSchedulerConfiguration profiles[].pluginConfig) */
export type PluginArgs = Readonly<Record<string, unknown>>;

export interface WeightedScorePlugin {
  plugin: ScorePlugin;
  weight: number;
}

/** one profile's plugins per extension point, in execution order */
export interface ProfilePlugins {
  all: Plugin[];
  preFilter: PreFilterPlugin[];
  filter: FilterPlugin[];
  preScore: PreScorePlugin[];
  score: WeightedScorePlugin[];
}

type Factory = (args: unknown) => Plugin;
const factories: Readonly<Record<string, Factory>> = {
  [NODE_UNSCHEDULABLE]: () => newNodeUnschedulable(),
  [NODE_NAME]: () => newNodeName(),
  [TAINT_TOLERATION]: () => newTaintToleration(),
  [NODE_AFFINITY]: (a) => newNodeAffinity(a as NodeAffinityArgs | undefined),
  [NODE_PORTS]: () => newNodePorts(),
  [NODE_RESOURCES_FIT]: (a) => newNodeResourcesFit(a as NodeResourcesFitArgs | undefined),
  [VOLUME_RESTRICTIONS]: () => newVolumeRestrictions(),
  [NODE_VOLUME_LIMITS]: () => newNodeVolumeLimits(),
  [VOLUME_BINDING]: () => newVolumeBinding(),
  [VOLUME_ZONE]: () => newVolumeZone(),
  [POD_TOPOLOGY_SPREAD]: (a) => newPodTopologySpread(a as PodTopologySpreadArgs | undefined),
  [INTER_POD_AFFINITY]: (a) => newInterPodAffinity(a as InterPodAffinityArgs | undefined),
  [BALANCED_ALLOCATION]: (a) => newBalancedAllocation(a as BalancedAllocationArgs | undefined),
  [IMAGE_LOCALITY]: () => newImageLocality(),
};

/** MultiPoint order of getDefaultPlugins with score weights (0 = not a score plugin in the default profile) */
export const DEFAULT_PLUGIN_ORDER: readonly { name: string; weight: number }[] = [
  { name: NODE_UNSCHEDULABLE, weight: 0 },
  { name: NODE_NAME, weight: 0 },
  { name: TAINT_TOLERATION, weight: 3 },
  { name: NODE_AFFINITY, weight: 2 },
  { name: NODE_PORTS, weight: 0 },
  { name: NODE_RESOURCES_FIT, weight: 1 },
  { name: VOLUME_RESTRICTIONS, weight: 0 },
  { name: NODE_VOLUME_LIMITS, weight: 0 },
  { name: VOLUME_BINDING, weight: 0 },
  { name: VOLUME_ZONE, weight: 0 },
  { name: POD_TOPOLOGY_SPREAD, weight: 2 },
  { name: INTER_POD_AFFINITY, weight: 2 },
  { name: BALANCED_ALLOCATION, weight: 1 },
  { name: IMAGE_LOCALITY, weight: 1 },
];

export const isPreFilterPlugin = (p: Plugin): p is PreFilterPlugin => 'preFilter' in p;
export const isFilterPlugin = (p: Plugin): p is FilterPlugin => 'filter' in p;
export const isPreScorePlugin = (p: Plugin): p is PreScorePlugin => 'preScore' in p;
export const isScorePlugin = (p: Plugin): p is ScorePlugin => 'score' in p;

/** a new instance of an in-tree plugin, configured with args[name]; undefined for unknown names */
export function pluginByName(name: string, args: PluginArgs = {}): Plugin | undefined {
  const f = Object.prototype.hasOwnProperty.call(factories, name) ? factories[name] : undefined;
  return f?.(args[name]);
}

/** the default-scheduler profile (SchedulingGates, PrioritySort, DefaultPreemption and DefaultBinder are the loop's) */
export function defaultPlugins(args: PluginArgs = {}): ProfilePlugins {
  const out: ProfilePlugins = { all: [], preFilter: [], filter: [], preScore: [], score: [] };
  for (const { name, weight } of DEFAULT_PLUGIN_ORDER) {
    const p = pluginByName(name, args) as Plugin;
    out.all.push(p);
    if (isPreFilterPlugin(p)) out.preFilter.push(p);
    if (isFilterPlugin(p)) out.filter.push(p);
    if (isPreScorePlugin(p)) out.preScore.push(p);
    if (isScorePlugin(p) && weight > 0) out.score.push({ plugin: p, weight });
  }
  return out;
}
