// The kubelet's eviction manager for every node: each monitoring interval it OOM-kills containers above their
// memory limit, observes memory.available (capacity - working set), reports MemoryPressure and evicts at most
// one pod per interval in rankMemoryPressure order. mirrors pkg/kubelet/eviction/eviction_manager.go synchronize.
import { scheduleEvery } from '../../sim/periodic';
import type { Node, NodeCondition, Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime, Component } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { Informer } from '../../client/informer';
import { processInformers } from '../../client/informer';
import { value } from '../../quantity/index';
import { usageModelFor, type PodUsage } from '../../metrics/usageModel';
import { NODE_SYSTEM_MEMORY_BYTES } from '../../metrics/metricsServer';
import { evictPod, oomKill } from './oomKill';
import { memoryEvictionMessage, rankMemoryPressure, type PodMemoryStats } from './ranking';
import { parseMemoryThreshold, type MemoryThreshold } from './threshold';
import { recordNodeEvent, recordNodeStatusEvent } from '../nodeEvents';

export interface EvictionOptions {
  /** --eviction-hard for memory, e.g. 'memory.available<100Mi' or 'memory.available<5%' */
  evictionHard?: string;
  /** --housekeeping / eviction monitoring interval, default 10 s */
  monitoringIntervalMs?: number;
  /** --eviction-pressure-transition-period, default 5 m */
  pressureTransitionPeriodMs?: number;
}

/** kubelet's system-critical priority: such pods are never evicted (kubelettypes.IsCriticalPod) */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

interface NodeState {
  lastMetMs?: number;
}

export class EvictionManager implements Component {
  readonly name = 'kubelet-eviction-manager';
  private rt!: ClusterRuntime;
  private pods!: Informer;
  private nodes!: Informer;
  private readonly threshold: MemoryThreshold;
  private readonly intervalMs: number;
  private readonly transitionMs: number;
  private readonly state = new Map<string, NodeState>();

  constructor(opts: EvictionOptions = {}) {
    this.threshold = parseMemoryThreshold(opts.evictionHard ?? 'memory.available<100Mi');
    this.intervalMs = opts.monitoringIntervalMs ?? 10_000;
    this.transitionMs = opts.pressureTransitionPeriodMs ?? 5 * 60_000;
  }

  start(rt: ClusterRuntime): void {
    this.rt = rt;
    this.pods = processInformers(rt.api, 'kubelet').for('pods');
    this.nodes = processInformers(rt.api, 'kubelet').for('nodes');
    this.pods.start();
    this.nodes.start();
    scheduleEvery(
      rt.sim,
      { periodMs: this.intervalMs, actor: 'kubelet', label: 'kubelet eviction manager synchronize' },
      () => this.synchronize(),
    );
  }

  /** one pass over every node */
  synchronize(): void {
    const pods = this.pods.list() as unknown as Readonly<Pod>[];
    const usage = usageModelFor(this.rt).sample(pods, this.rt.sim.clock.nowMs());
    const byNode = new Map<string, PodUsage[]>();
    for (const u of usage) {
      let list = byNode.get(u.node);
      if (!list) byNode.set(u.node, (list = []));
      list.push(u);
    }
    for (const node of this.nodes.list() as unknown as Readonly<Node>[]) {
      const name = node.metadata?.name ?? '';
      if (this.rt.machines.get(name)?.up === false) continue;
      this.synchronizeNode(node, byNode.get(name) ?? []);
    }
  }

  private synchronizeNode(node: Readonly<Node>, usages: readonly PodUsage[]): void {
    const name = node.metadata?.name ?? '';
    const podOf = (u: PodUsage) =>
      this.pods.get(`${u.namespace}/${u.name}`) as unknown as Readonly<Pod> | undefined;
    // the kernel's OOM killer acts first: a container above its limit never counts against the node
    const live: PodUsage[] = [];
    for (const u of usages) {
      const over = u.containers.filter(
        (c) => c.memoryLimitBytes !== undefined && c.memoryBytes > c.memoryLimitBytes,
      );
      const pod = podOf(u);
      for (const c of over) if (pod) oomKill(this.rt, pod, c.name);
      live.push({ ...u, containers: u.containers.filter((c) => !over.includes(c)) });
    }
    const capacity = value(node.status?.capacity?.memory ?? '0');
    let workingSet = NODE_SYSTEM_MEMORY_BYTES;
    for (const u of live) for (const c of u.containers) workingSet += c.memoryBytes;
    const available = capacity - workingSet;
    const thresholdBytes = this.threshold.bytes(capacity);
    const now = this.rt.sim.clock.nowMs();
    const st = this.state.get(name) ?? {};
    this.state.set(name, st);
    const met = available < thresholdBytes;
    if (met) st.lastMetMs = now;
    const pressure = st.lastMetMs !== undefined && now - st.lastMetMs < this.transitionMs;
    // eviction_manager.go synchronize records it on the kubelet's node reference; the MemoryPressure setter reports
    // the condition after it, with the node status
    if (met)
      recordNodeEvent(this.rt, name, 'Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory');
    this.setMemoryPressure(node, pressure || met);
    if (!met) return;
    this.evictOne(live, podOf, available, this.threshold.quantity(capacity));
  }

  private evictOne(
    live: readonly PodUsage[],
    podOf: (u: PodUsage) => Readonly<Pod> | undefined,
    available: number,
    thresholdQuantity: string,
  ): void {
    const stats: PodMemoryStats[] = [];
    const pods = new Map<string, Readonly<Pod>>();
    for (const u of live) {
      const pod = podOf(u);
      if (!pod || pod.metadata?.deletionTimestamp || pod.status?.phase !== 'Running') continue;
      const priority = pod.spec?.priority ?? 0;
      if (priority >= SYSTEM_CRITICAL_PRIORITY) continue;
      const key = `${u.namespace}/${u.name}`;
      pods.set(key, pod);
      const requests = new Map(
        (pod.spec?.containers ?? []).map((c) => [c.name, c.resources?.requests?.memory]),
      );
      stats.push({
        key,
        priority,
        requestBytes: [...requests.values()].reduce((s, q) => s + value(q), 0),
        usageBytes: u.containers.reduce((s, c) => s + c.memoryBytes, 0),
        containers: u.containers.map((c) => ({
          name: c.name,
          usageBytes: c.memoryBytes,
          request: requests.get(c.name),
        })),
      });
    }
    // evict at most one pod per interval, the first in rank that the kubelet manages to kill
    for (const s of rankMemoryPressure(stats)) {
      const pod = pods.get(s.key);
      if (pod && evictPod(this.rt, pod, memoryEvictionMessage(s, thresholdQuantity, available))) return;
    }
  }

  /**
   * the MemoryPressure condition (nodestatus.MemoryPressureCondition) and its node Event when pressure starts or ends;
   * a missing or Unknown condition (the node controller's, while the kubelet was away) is the status post's to reset
   */
  private setMemoryPressure(node: Readonly<Node>, pressure: boolean): void {
    const name = node.metadata?.name ?? '';
    const status = pressure ? 'True' : 'False';
    let cur: Readonly<Node>;
    try {
      cur = this.rt.api.get('nodes', undefined, name) as unknown as Readonly<Node>;
    } catch {
      return;
    }
    const prev = cur.status?.conditions?.find((c) => c.type === 'MemoryPressure');
    if (prev?.status === status || (!pressure && prev?.status !== 'True')) return;
    const now = this.rt.sim.clock.nowRfc3339();
    const next: NodeCondition = pressure
      ? {
          type: 'MemoryPressure',
          status,
          reason: 'KubeletHasInsufficientMemory',
          message: 'kubelet has insufficient memory available',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        }
      : {
          type: 'MemoryPressure',
          status,
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        };
    const conditions = (cur.status?.conditions ?? []).map((c) => (c.type === 'MemoryPressure' ? next : c));
    if (!prev) conditions.unshift(next);
    this.rt.api.updateStatus(
      'nodes',
      undefined,
      { ...(cur as unknown as KubeObject), status: { ...cur.status, conditions } },
      {
        actor: `kubelet/${name}`,
        cause: `eviction manager: memory.available ${pressure ? 'below' : 'above'} threshold`,
      },
    );
    recordNodeStatusEvent(
      this.rt,
      name,
      'Normal',
      pressure ? 'NodeHasInsufficientMemory' : 'NodeHasSufficientMemory',
    );
  }
}

export function evictionManagerComponent(opts: EvictionOptions = {}): EvictionManager {
  return new EvictionManager(opts);
}
