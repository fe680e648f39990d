// The scheduling framework's contracts (mirrors pkg/scheduler/framework/interface.go and types.go):
// NodeInfo snapshots, plugin Status codes, and the PreFilter/Filter/PreScore/Score/NormalizeScore extension points.
import type { Node, Pod } from 'kubernetes-types/core/v1';

/** resource amounts as the scheduler counts them: cpu in millicores, memory and storage in bytes */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** pods count (allowedPodNumber for allocatable) */
  pods: number;
  /** extended/scalar resources by name (e.g. nvidia.com/gpu) */
  scalar: Record<string, number>;
}

/** per-node aggregate kept incrementally by the scheduler cache (framework.NodeInfo) */
export interface NodeInfo {
  readonly node: Node;
  /** pods assigned (bound or assumed) to this node */
  readonly pods: readonly Pod[];
  /** pods with required anti-affinity terms, for InterPodAffinity's existing-pods check */
  readonly podsWithRequiredAntiAffinity: readonly Pod[];
  /** pods with any (anti-)affinity, for InterPodAffinity scoring */
  readonly podsWithAffinity: readonly Pod[];
  /** sum of pods' effective requests */
  readonly requested: Resource;
  /** same, with the non-zero defaults (100m cpu, 200Mi memory) for containers without requests */
  readonly nonZeroRequested: Resource;
  readonly allocatable: Resource;
  /** host ports in use: `${protocol}/${hostIP}/${port}` */
  readonly usedPorts: ReadonlySet<string>;
  /** image name -> size bytes present on the node (status.images) */
  readonly imageSizes: ReadonlyMap<string, number>;
}

export type StatusCode =
  'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip';

/** framework.Status: a code plus the reasons printed in FitError (e.g. 'Insufficient cpu') */
export interface PluginStatus {
  code: StatusCode;
  reasons: string[];
  /** the plugin that produced a failure */
  plugin?: string;
}

/** one shared, frozen Success: plugins return it for every node of every cycle, so it must not allocate */
const SUCCESS: PluginStatus = Object.freeze({
  code: 'Success',
  reasons: Object.freeze([]) as unknown as string[],
});
export const success = (): PluginStatus => SUCCESS;
export const unschedulable = (plugin: string, ...reasons: string[]): PluginStatus => ({
  code: 'Unschedulable',
  reasons,
  plugin,
});
export const unresolvable = (plugin: string, ...reasons: string[]): PluginStatus => ({
  code: 'UnschedulableAndUnresolvable',
  reasons,
  plugin,
});
/** one shared, frozen Skip (PreFilter/PreScore return it for most pods) */
const SKIP: PluginStatus = Object.freeze({
  code: 'Skip',
  reasons: Object.freeze([]) as unknown as string[],
});
export const skip = (): PluginStatus => SKIP;

/** per-cycle scratch space plugins share between their PreFilter/Filter/PreScore/Score calls */
export type CycleState = Map<string, unknown>;

/** read access to every node of the snapshot (for topology spread and inter-pod affinity) */
export interface SnapshotLister {
  list(): readonly NodeInfo[];
  get(nodeName: string): NodeInfo | undefined;
  /** nodes that host at least one pod with affinity / required anti-affinity */
  havePodsWithAffinity(): readonly NodeInfo[];
  havePodsWithRequiredAntiAffinity(): readonly NodeInfo[];
  /** how many listed nodes have this image (ImageStateSummary.NumNodes), when the snapshot counts them */
  imageNumNodes?(image: string): number;
}

export interface PluginContext {
  readonly snapshot: SnapshotLister;
  /** plugin args from the KubeSchedulerConfiguration profile, by plugin name */
  readonly args: Readonly<Record<string, unknown>>;
  /** namespaces' labels, for namespaceSelector in affinity terms */
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
}

export interface Plugin {
  readonly name: string;
}

/** a PreFilter's status plus framework.PreFilterResult: the only nodes worth filtering (undefined = all nodes) */
export interface PreFilterStatus extends PluginStatus {
  nodeNames?: ReadonlySet<string>;
}

/** Success with a PreFilterResult naming the only eligible nodes */
export const successWithNodes = (nodeNames: ReadonlySet<string>): PreFilterStatus => ({
  code: 'Success',
  reasons: [],
  nodeNames,
});

export interface PreFilterPlugin extends Plugin {
  /** Skip means Filter is not called for this plugin in this cycle; nodeNames narrows the nodes Filter sees */
  preFilter(state: CycleState, pod: Pod, ctx: PluginContext): PreFilterStatus;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo, ctx: PluginContext): PluginStatus;
}

export interface PreScorePlugin extends Plugin {
  /** Skip means Score is not called for this plugin in this cycle */
  preScore(state: CycleState, pod: Pod, nodes: readonly NodeInfo[], ctx: PluginContext): PluginStatus;
}

export interface NodeScore {
  name: string;
  score: number;
}

export interface ScorePlugin extends Plugin {
  /** raw score of one feasible node */
  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo, ctx: PluginContext): number;
  /** scale raw scores in place to [0, MAX_NODE_SCORE] when the plugin has a ScoreExtensions */
  normalizeScore?(state: CycleState, pod: Pod, scores: NodeScore[], ctx: PluginContext): void;
}

export const MAX_NODE_SCORE = 100;
export const MIN_NODE_SCORE = 0;
