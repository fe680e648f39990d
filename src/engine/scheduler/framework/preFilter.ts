// The PreFilter extension point: runs the profile's PreFilter plugins, collects Skips and intersects their
// PreFilterResults. mirrors pkg/scheduler/framework/runtime/framework.go RunPreFilterPlugins and PreFilterResult.Merge.
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleState, PluginContext, PluginStatus, PreFilterPlugin } from './types';
import type { AttemptRecord } from '../explanations';

/** PreFilterResult.Merge: undefined means all nodes; two node sets intersect */
export function mergeNodeNames(
  a: ReadonlySet<string> | undefined,
  b: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<string>();
  for (const n of small) if (big.has(n)) out.add(n);
  return out;
}

/** the message when the merged PreFilterResults leave no node (plugins sorted, as sets.List) */
export function emptyMergeMessage(pluginsWithNodes: readonly string[]): string {
  const sorted = sortedPlugins(pluginsWithNodes);
  return sorted.length === 1
    ? `node(s) didn't satisfy plugin ${sorted[0]}`
    : `node(s) didn't satisfy plugin(s) [${sorted.join(' ')}] simultaneously`;
}

/** the status findNodesThatFitPod gives every node a PreFilterResult left out (SetAbsentNodesStatus) */
export function absentNodesStatus(pluginsWithNodes: readonly string[]): PluginStatus {
  return {
    code: 'UnschedulableAndUnresolvable',
    reasons: [`node(s) didn't satisfy plugin(s) [${sortedPlugins(pluginsWithNodes).join(' ')}]`],
  };
}

/** sets.List: unique and sorted byte-wise */
function sortedPlugins(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface PreFilterOutcome {
  /** set when the pod fails on every node: a plugin rejected it, or the merged node set is empty */
  rejection?: PluginStatus;
  /** the merged PreFilterResult (undefined = all nodes) */
  nodeNames?: ReadonlySet<string>;
  /** plugins whose result named nodes (Diagnosis.UnschedulablePlugins), in run order */
  pluginsWithNodes: string[];
  /** plugins that returned Skip: their Filter is not called this cycle */
  skip: Set<string>;
}

type PreFilterEntry = AttemptRecord['preFilter'][number];
/** plugin name -> its frozen record entry for a reason-less Success / Skip (every cycle records one per plugin) */
const plainEntries = new Map<string, { success: PreFilterEntry; skip: PreFilterEntry }>();

function preFilterEntry(plugin: string, st: PluginStatus): PreFilterEntry {
  if (st.reasons.length > 0 || (st.code !== 'Success' && st.code !== 'Skip'))
    return { plugin, code: st.code, reasons: st.reasons };
  let e = plainEntries.get(plugin);
  if (e === undefined) {
    const none = Object.freeze([]) as readonly string[];
    e = {
      success: Object.freeze({ plugin, code: 'Success', reasons: none }),
      skip: Object.freeze({ plugin, code: 'Skip', reasons: none }),
    };
    if (plainEntries.size > 1000) plainEntries.clear();
    plainEntries.set(plugin, e);
  }
  return st.code === 'Success' ? e.success : e.skip;
}

/** RunPreFilterPlugins; records each plugin's status on the attempt record */
export function runPreFilterPlugins(
  plugins: readonly PreFilterPlugin[],
  state: CycleState,
  pod: Pod,
  ctx: PluginContext,
  rec: AttemptRecord,
): PreFilterOutcome {
  const out: PreFilterOutcome = { pluginsWithNodes: [], skip: new Set() };
  for (const p of plugins) {
    const st = p.preFilter(state, pod, ctx);
    rec.preFilter.push(preFilterEntry(p.name, st));
    if (st.code === 'Skip') {
      out.skip.add(p.name);
      continue;
    }
    if (st.code !== 'Success') {
      out.rejection = { code: st.code, reasons: st.reasons, plugin: st.plugin ?? p.name };
      return out;
    }
    if (st.nodeNames === undefined) continue;
    out.pluginsWithNodes.push(p.name);
    out.nodeNames = mergeNodeNames(out.nodeNames, st.nodeNames);
    if (out.nodeNames !== undefined && out.nodeNames.size === 0) {
      // nodes a PreFilterResult filters out count as UnschedulableAndUnresolvable
      out.rejection = {
        code: 'UnschedulableAndUnresolvable',
        reasons: [emptyMergeMessage(out.pluginsWithNodes)],
      };
      return out;
    }
  }
  return out;
}
