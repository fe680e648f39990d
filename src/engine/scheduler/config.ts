// KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) as read from ConfigMap kube-system/kube-scheduler-config.
// mirrors pkg/scheduler/apis/config/v1 (types, default_plugins.go getDefaultPlugins, mergePlugins defaulting).
import { parse } from 'yaml';
import type { ExtenderConfig } from './extenders';
import { validateExtenders } from './extenders';

export const CONFIG_MAP_NAMESPACE = 'kube-system';
export const CONFIG_MAP_NAME = 'kube-scheduler-config';
export const CONFIG_KEY = 'config.yaml';

export interface PluginRef {
  name: string;
  weight?: number;
}
export interface PluginSet {
  enabled?: PluginRef[];
  disabled?: PluginRef[];
}
export const EXTENSION_POINTS = [
  'multiPoint',
  'preFilter',
  'filter',
  'postFilter',
  'preScore',
  'score',
] as const;
export type ExtensionPoint = (typeof EXTENSION_POINTS)[number];
export type Plugins = Partial<Record<ExtensionPoint, PluginSet>>;

export interface ProfileConfig {
  schedulerName: string;
  percentageOfNodesToScore?: number;
  plugins?: Plugins;
  pluginConfig?: { name: string; args?: unknown }[];
}

export interface SchedulerConfig {
  profiles: ProfileConfig[];
  percentageOfNodesToScore?: number;
  podInitialBackoffSeconds: number;
  podMaxBackoffSeconds: number;
  extenders: ExtenderConfig[];
}

/** getDefaultPlugins (v1): the MultiPoint set with score weights, in filter order */
export const DEFAULT_MULTI_POINT: readonly PluginRef[] = [
  { name: 'SchedulingGates' },
  { name: 'PrioritySort' },
  { name: 'NodeUnschedulable' },
  { name: 'NodeName' },
  { name: 'TaintToleration', weight: 3 },
  { name: 'NodeAffinity', weight: 2 },
  { name: 'NodePorts' },
  { name: 'NodeResourcesFit', weight: 1 },
  { name: 'VolumeRestrictions' },
  { name: 'NodeVolumeLimits' },
  { name: 'VolumeBinding' },
  { name: 'VolumeZone' },
  { name: 'PodTopologySpread', weight: 2 },
  { name: 'InterPodAffinity', weight: 2 },
  { name: 'DynamicResources' },
  { name: 'DefaultPreemption' },
  { name: 'NodeResourcesBalancedAllocation', weight: 1 },
  { name: 'ImageLocality', weight: 1 },
  { name: 'DefaultBinder' },
];

export const DEFAULT_CONFIG_YAML = `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
# kubesim's scheduler re-reads this ConfigMap whenever it changes.
percentageOfNodesToScore: 0   # 0 = adaptive: max(5, 50 - nodes/125) percent
podInitialBackoffSeconds: 1
podMaxBackoffSeconds: 10
profiles:
- schedulerName: default-scheduler
# A second profile packs pods onto the fullest nodes; pods opt in with spec.schedulerName: bin-packing-scheduler
# - schedulerName: bin-packing-scheduler
#   pluginConfig:
#   - name: NodeResourcesFit
#     args:
#       scoringStrategy:
#         type: MostAllocated
#         resources:
#         - {name: cpu, weight: 1}
#         - {name: memory, weight: 1}
# Declarative extenders (kubesim's stand-in for HTTP extenders): score 0-10 x weight x 10
# extenders:
# - urlPrefix: sim://prefer-ssd
#   weight: 5
#   preferLabel: {key: disktype, value: ssd, score: 10}
`;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function validatePercentage(v: unknown, path: string, errs: string[]): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) {
    errs.push(`${path}: Invalid value: ${JSON.stringify(v)}: not in valid range [0-100]`);
    return undefined;
  }
  return v;
}

function parseProfile(p: unknown, i: number, errs: string[]): ProfileConfig | undefined {
  if (!isRecord(p)) return void errs.push(`profiles[${i}]: must be an object`);
  const name = p.schedulerName ?? 'default-scheduler';
  if (typeof name !== 'string' || name === '')
    return void errs.push(`profiles[${i}].schedulerName: Required value`);
  const prof: ProfileConfig = { schedulerName: name };
  const pct = validatePercentage(p.percentageOfNodesToScore, `profiles[${i}].percentageOfNodesToScore`, errs);
  if (pct !== undefined) prof.percentageOfNodesToScore = pct;
  if (p.plugins !== undefined) {
    if (!isRecord(p.plugins)) errs.push(`profiles[${i}].plugins: must be an object`);
    else prof.plugins = p.plugins as Plugins;
  }
  if (p.pluginConfig !== undefined) {
    if (!Array.isArray(p.pluginConfig)) errs.push(`profiles[${i}].pluginConfig: must be a list`);
    else prof.pluginConfig = p.pluginConfig as ProfileConfig['pluginConfig'];
  }
  return prof;
}

/** parse and validate config.yaml; errors are listed, not thrown */
export function parseSchedulerConfig(text: string): { config?: SchedulerConfig; errors: string[] } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { errors: [`config.yaml: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (!isRecord(doc)) return { errors: ['config.yaml: must be a KubeSchedulerConfiguration object'] };
  const errs: string[] = [];
  if (doc.apiVersion !== 'kubescheduler.config.k8s.io/v1') {
    errs.push(
      `apiVersion: Unsupported value: ${JSON.stringify(doc.apiVersion)}: supported values: "kubescheduler.config.k8s.io/v1"`,
    );
  }
  if (doc.kind !== 'KubeSchedulerConfiguration')
    errs.push(`kind: Unsupported value: ${JSON.stringify(doc.kind)}`);
  const rawProfiles = doc.profiles ?? [{ schedulerName: 'default-scheduler' }];
  const profiles: ProfileConfig[] = [];
  if (!Array.isArray(rawProfiles)) errs.push('profiles: must be a list');
  else
    rawProfiles.forEach((p, i) => {
      const prof = parseProfile(p, i, errs);
      if (prof) profiles.push(prof);
    });
  if (profiles.length === 0 && errs.length === 0) profiles.push({ schedulerName: 'default-scheduler' });
  const seen = new Set<string>();
  profiles.forEach((p, i) => {
    if (seen.has(p.schedulerName))
      errs.push(`profiles[${i}].schedulerName: Duplicate value: "${p.schedulerName}"`);
    seen.add(p.schedulerName);
  });
  errs.push(...validateExtenders(doc.extenders));
  const pct = validatePercentage(doc.percentageOfNodesToScore, 'percentageOfNodesToScore', errs);
  const backoff = (v: unknown, def: number, path: string): number => {
    if (v === undefined || v === null) return def;
    if (typeof v !== 'number' || v <= 0)
      errs.push(`${path}: Invalid value: ${JSON.stringify(v)}: must be greater than 0`);
    return typeof v === 'number' && v > 0 ? v : def;
  };
  const initial = backoff(doc.podInitialBackoffSeconds, 1, 'podInitialBackoffSeconds');
  const max = backoff(doc.podMaxBackoffSeconds, 10, 'podMaxBackoffSeconds');
  if (max < initial)
    errs.push(
      'podMaxBackoffSeconds: Invalid value: must be greater than or equal to podInitialBackoffSeconds',
    );
  if (errs.length > 0) return { errors: errs };
  const config: SchedulerConfig = {
    profiles,
    podInitialBackoffSeconds: initial,
    podMaxBackoffSeconds: max,
    extenders: (Array.isArray(doc.extenders) ? doc.extenders : []) as ExtenderConfig[],
  };
  if (pct !== undefined) config.percentageOfNodesToScore = pct;
  return { config, errors: [] };
}

/** mirrors v1 mergePluginSet: custom entries replace same-named defaults in place, others are appended */
export function mergePluginSet(defaults: readonly PluginRef[], custom: PluginSet | undefined): PluginRef[] {
  const disabled = new Set((custom?.disabled ?? []).map((d) => d.name));
  const enabled = custom?.enabled ?? [];
  const byName = new Map(enabled.map((e) => [e.name, e]));
  const out: PluginRef[] = [];
  const used = new Set<string>();
  for (const d of defaults) {
    if (disabled.has('*') || disabled.has(d.name)) continue;
    const replacement = byName.get(d.name);
    out.push(replacement ?? d);
    if (replacement) used.add(d.name);
  }
  for (const e of enabled) if (!used.has(e.name)) out.push(e);
  return out;
}
