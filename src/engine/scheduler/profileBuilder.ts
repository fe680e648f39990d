// Builds runnable profiles from a KubeSchedulerConfiguration: merges plugin sets with the defaults, expands
// MultiPoint onto the extension points each plugin implements, applies weights and pluginConfig args.
// mirrors pkg/scheduler/framework/runtime/framework.go NewFramework / expandMultiPointPlugins.
import type { FilterPlugin, Plugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from './framework/types';
import type { PluginRef, ProfileConfig, SchedulerConfig } from './config';
import { DEFAULT_MULTI_POINT, mergePluginSet } from './config';
import type { Profile } from './profile';
import { DEFAULT_PREEMPTION, DYNAMIC_RESOURCES, POST_FILTER_PLUGINS } from './profile';
import { pluginByName } from './plugins/registry';

/** plugins the scheduler loop itself provides (no plugin object) */
const BUILT_IN = new Set([
  'PrioritySort',
  'DefaultBinder',
  DEFAULT_PREEMPTION,
  DYNAMIC_RESOURCES,
  'SchedulingGates',
]);
const POINTS = ['preFilter', 'filter', 'postFilter', 'preScore', 'score'] as const;
type Point = (typeof POINTS)[number];

const implementsPoint = (p: Plugin, point: Point): boolean =>
  point === 'postFilter' ? false : typeof (p as unknown as Record<string, unknown>)[point] === 'function';

/** the profile's enabled plugins per point: point-specific first, then MultiPoint ones not disabled there */
function expand(
  cfg: ProfileConfig,
  point: Point,
  multiPoint: readonly PluginRef[],
  impl: (n: string) => boolean,
): PluginRef[] {
  const set = cfg.plugins?.[point];
  const out = [...(set?.enabled ?? [])];
  const disabled = new Set((set?.disabled ?? []).map((d) => d.name));
  const have = new Set(out.map((e) => e.name));
  for (const mp of multiPoint) {
    if (disabled.has('*') || disabled.has(mp.name) || have.has(mp.name) || !impl(mp.name)) continue;
    out.push(mp);
    have.add(mp.name);
  }
  return out;
}

export function buildProfile(
  cfg: ProfileConfig,
  global: Pick<SchedulerConfig, 'extenders' | 'percentageOfNodesToScore'>,
): { profile?: Profile; errors: string[] } {
  const errors: string[] = [];
  const args: Record<string, unknown> = {};
  for (const pc of cfg.pluginConfig ?? []) args[pc.name] = pc.args ?? {};
  const multiPoint = mergePluginSet(DEFAULT_MULTI_POINT, cfg.plugins?.multiPoint);
  const defaultNames = new Set(DEFAULT_MULTI_POINT.map((p) => p.name));
  // default plugins listed without a weight (VolumeBinding, ...) do not score in the default profile
  const unweightedDefaults = new Set(
    DEFAULT_MULTI_POINT.filter((p) => p.weight === undefined).map((p) => p.name),
  );
  const instances = new Map<string, Plugin | undefined>();
  const instance = (name: string): Plugin | undefined => {
    if (!instances.has(name)) instances.set(name, BUILT_IN.has(name) ? undefined : pluginByName(name, args));
    return instances.get(name);
  };
  const impl =
    (point: Point) =>
    (name: string): boolean => {
      if (point === 'postFilter') return POST_FILTER_PLUGINS.has(name);
      const p = instance(name);
      return p !== undefined && implementsPoint(p, point);
    };
  const profile: Profile = {
    schedulerName: cfg.schedulerName,
    preFilter: [],
    filter: [],
    postFilter: [],
    preScore: [],
    score: [],
    args,
    extenders: global.extenders,
  };
  const pct = cfg.percentageOfNodesToScore ?? global.percentageOfNodesToScore;
  if (pct !== undefined) profile.percentageOfNodesToScore = pct;
  for (const point of POINTS) {
    for (const ref of expand(cfg, point, multiPoint, impl(point))) {
      if (point === 'postFilter') {
        if (POST_FILTER_PLUGINS.has(ref.name)) profile.postFilter.push(ref.name);
        else errors.push(`profiles "${cfg.schedulerName}": postFilter plugin "${ref.name}" does not exist`);
        continue;
      }
      const p = instance(ref.name);
      if (p === undefined) {
        // a default plugin this simulator does not model is skipped; a named unknown plugin is an error
        if (!defaultNames.has(ref.name))
          errors.push(`profiles "${cfg.schedulerName}": plugin "${ref.name}" does not exist`);
        continue;
      }
      if (!implementsPoint(p, point)) {
        errors.push(`profiles "${cfg.schedulerName}": plugin "${ref.name}" does not extend ${point} plugin`);
        continue;
      }
      if (point === 'score' && ref.weight === undefined && unweightedDefaults.has(ref.name)) continue;
      if (point === 'preFilter') profile.preFilter.push(p as PreFilterPlugin);
      else if (point === 'filter') profile.filter.push(p as FilterPlugin);
      else if (point === 'preScore') profile.preScore.push(p as PreScorePlugin);
      else
        profile.score.push({
          plugin: p as ScorePlugin,
          weight: ref.weight && ref.weight > 0 ? ref.weight : 1,
        });
    }
  }
  return errors.length > 0 ? { errors } : { profile, errors };
}

/** every profile of a configuration, by schedulerName */
export function buildProfiles(config: SchedulerConfig): { profiles: Map<string, Profile>; errors: string[] } {
  const profiles = new Map<string, Profile>();
  const errors: string[] = [];
  for (const pc of config.profiles) {
    const r = buildProfile(pc, config);
    errors.push(...r.errors);
    if (r.profile) profiles.set(pc.schedulerName, r.profile);
  }
  return { profiles, errors };
}

/** whether the profile gates pods with spec.schedulingGates (SchedulingGates PreEnqueue) */
export function profileUsesSchedulingGates(cfg: ProfileConfig): boolean {
  return mergePluginSet(DEFAULT_MULTI_POINT, cfg.plugins?.multiPoint).some(
    (p) => p.name === 'SchedulingGates',
  );
}
