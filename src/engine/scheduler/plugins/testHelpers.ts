// Fixtures for the plugin table tests: pods, nodes, snapshots and plugin contexts.
// Mirrors the spirit of pkg/scheduler/testing/wrappers.go (MakePod/MakeNode) without the builder chains.
import type { Container, Node, Pod, PodSpec } from 'kubernetes-types/core/v1';
import type {
  CycleState,
  FilterPlugin,
  NodeInfo,
  NodeScore,
  PluginContext,
  PreFilterPlugin,
  PreScorePlugin,
  ScorePlugin,
  SnapshotLister,
} from '../framework/types';
import { buildNodeInfo } from './nodeInfoBuilder';
import type { VolumeLister } from './volumeTypes';

export interface PodOpts {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  nodeName?: string;
  /** one container per entry: [cpu, memory] requests ('' = not set) */
  requests?: [string, string][];
  spec?: Partial<PodSpec>;
  ownerKind?: string;
  deleting?: boolean;
}

export function makePod(o: PodOpts = {}): Pod {
  const containers: Container[] = (o.requests ?? [['', '']]).map(([cpu, mem], i) => {
    const requests: Record<string, string> = {};
    if (cpu !== '') requests.cpu = cpu;
    if (mem !== '') requests.memory = mem;
    return { name: `c${i}`, image: 'pause', resources: { requests } };
  });
  return {
    metadata: {
      name: o.name ?? 'p',
      namespace: o.namespace ?? 'default',
      uid: o.name ?? 'p',
      labels: o.labels,
      ...(o.ownerKind !== undefined
        ? {
            ownerReferences: [
              { apiVersion: 'apps/v1', kind: o.ownerKind, name: 'owner', uid: 'owner', controller: true },
            ],
          }
        : {}),
      ...(o.deleting === true ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}),
    },
    spec: { containers, ...(o.nodeName !== undefined ? { nodeName: o.nodeName } : {}), ...o.spec },
  };
}

export interface NodeOpts {
  labels?: Record<string, string>;
  allocatable?: Record<string, string>;
  spec?: Node['spec'];
  images?: { names: string[]; sizeBytes: number }[];
}

export function makeNode(name: string, o: NodeOpts = {}): Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: o.spec ?? {},
    status: { allocatable: o.allocatable ?? { cpu: '4', memory: '8Gi', pods: '110' }, images: o.images },
  };
}

/** NodeInfos for nodes, with pods placed by spec.nodeName */
export function nodeInfos(nodes: Node[], pods: Pod[] = []): NodeInfo[] {
  return nodes.map((n) =>
    buildNodeInfo(
      n,
      pods.filter((p) => p.spec?.nodeName === n.metadata?.name),
    ),
  );
}

export function snapshotOf(infos: NodeInfo[]): SnapshotLister {
  const byName = new Map(infos.map((i) => [i.node.metadata?.name ?? '', i]));
  return {
    list: () => infos,
    get: (n) => byName.get(n),
    havePodsWithAffinity: () => infos.filter((i) => i.podsWithAffinity.length > 0),
    havePodsWithRequiredAntiAffinity: () => infos.filter((i) => i.podsWithRequiredAntiAffinity.length > 0),
  };
}

export function contextOf(
  infos: NodeInfo[],
  opts: { namespaces?: Record<string, Record<string, string>>; volumes?: VolumeLister } = {},
): PluginContext & { volumes?: VolumeLister } {
  return {
    snapshot: snapshotOf(infos),
    args: {},
    namespaceLabels: (ns) => opts.namespaces?.[ns] ?? (ns === 'default' ? {} : undefined),
    ...(opts.volumes !== undefined ? { volumes: opts.volumes } : {}),
  };
}

type AnyPlugin = Partial<PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin>;

/** runs PreFilter then Filter on every node like the framework: node name -> 'Success' or `${code}: ${reasons}` */
export function runFilter(
  plugin: AnyPlugin,
  pod: Pod,
  infos: NodeInfo[],
  ctx: PluginContext = contextOf(infos),
): Record<string, string> {
  const state: CycleState = new Map();
  const pre = plugin.preFilter?.(state, pod, ctx);
  const out: Record<string, string> = {};
  for (const ni of infos) {
    const name = ni.node.metadata?.name ?? '';
    if (pre !== undefined && pre.code === 'Skip') out[name] = 'Success';
    else if (pre !== undefined && pre.code !== 'Success')
      out[name] = `${pre.code}: ${pre.reasons.join(', ')}`;
    else {
      const st = plugin.filter?.(state, pod, ni, ctx);
      out[name] =
        st === undefined || st.code === 'Success' ? 'Success' : `${st.code}: ${st.reasons.join(', ')}`;
    }
  }
  return out;
}

/** runs PreScore, Score and NormalizeScore on the given (feasible) nodes: node name -> final score */
export function runScore(
  plugin: AnyPlugin,
  pod: Pod,
  infos: NodeInfo[],
  ctx: PluginContext = contextOf(infos),
): Record<string, number> {
  const state: CycleState = new Map();
  const pre = plugin.preScore?.(state, pod, infos, ctx);
  const scores: NodeScore[] = infos.map((ni) => ({
    name: ni.node.metadata?.name ?? '',
    score: pre?.code === 'Skip' ? 0 : (plugin.score?.(state, pod, ni, ctx) ?? 0),
  }));
  if (pre?.code !== 'Skip') plugin.normalizeScore?.(state, pod, scores, ctx);
  return Object.fromEntries(scores.map((s) => [s.name, s.score]));
}
