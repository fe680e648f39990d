// The node lifecycle controller: every nodeMonitorPeriod it checks each node's Lease and status; a node silent for
// the grace period gets Unknown conditions and its pods Ready=False; unhealthy nodes are queued per zone and tainted
// NoExecute at a rate that depends on the zone's disruption; NoSchedule taints follow conditions and cordon.
// mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go Run, monitorNodeHealth, processTaintBaseEviction,
// markNodeForTainting, markNodeAsReachable, classifyNodes, doNoScheduleTaintingPass, doNoExecuteTaintingPass.
import { scheduleEvery } from '../../sim/periodic';
import type { ClusterRuntime, Component } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { Informer } from '../../client/informer';
import { indexPodsByNode, POD_NODE_INDEX } from '../../client/informer';
import { sharedInformers } from '../manager';
import { WorkQueue } from '../../client/workqueue';
import type { NodeConditionJson, NodeHealth, NodeObservation } from './nodeHealth';
import {
  NODE_HEALTH_UPDATE_RETRY,
  NODE_MONITOR_GRACE_PERIOD_MS,
  NODE_MONITOR_PERIOD_MS,
  NODE_STARTUP_GRACE_PERIOD_MS,
  tryUpdateNodeHealth,
} from './nodeHealth';
import type { NodeTaint } from './taints';
import {
  controllerNoScheduleTaints,
  NOT_READY_TAINT,
  noScheduleTaintsFor,
  taintExists,
  taintSetDiff,
  UNREACHABLE_TAINT,
} from './taints';
import type { DisruptionConfig, ZoneState } from './zones';
import {
  DEFAULT_DISRUPTION_CONFIG,
  getZoneKey,
  handleDisruption,
  isNodeExcludedFromDisruptionChecks,
} from './zones';
import { ZoneTainters } from './zoneTainters';
import {
  markPodsNotReady,
  NODE_LIFECYCLE_ACTOR,
  NODE_LIFECYCLE_CONTROLLER,
  recordNodeEvent,
  recordNodeStatusChange,
  removeTaintOffNode,
  swapNodeControllerTaint,
  traceError,
} from './nodeWrites';

export { NODE_LIFECYCLE_CONTROLLER } from './nodeWrites';

export interface NodeLifecycleOptions {
  monitorPeriodMs?: number;
  gracePeriodMs?: number;
  startupGracePeriodMs?: number;
  /** eviction rates, large-cluster and unhealthy-zone thresholds (kube-controller-manager defaults) */
  disruption?: Partial<DisruptionConfig>;
}

interface NodeStatusLite {
  conditions?: NodeConditionJson[];
}

function conditionsOf(node: Readonly<KubeObject>): NodeConditionJson[] {
  return (node.status as NodeStatusLite | undefined)?.conditions ?? [];
}

function taintsOf(node: Readonly<KubeObject>): NodeTaint[] {
  return (node.spec as { taints?: NodeTaint[] } | undefined)?.taints ?? [];
}

function zoneOf(node: Readonly<KubeObject>): string {
  return getZoneKey(node.metadata.labels);
}

class NodeLifecycleController implements Component {
  readonly name = NODE_LIFECYCLE_CONTROLLER;
  private rt!: ClusterRuntime;
  private nodes!: Informer;
  private leases!: Informer;
  private pods!: Informer;
  private queue!: WorkQueue;
  private tainters!: ZoneTainters;
  private readonly health = new Map<string, NodeHealth>();
  /** knownNodeSet: nodes the controller has registered */
  private readonly known = new Map<string, Readonly<KubeObject>>();
  private readonly zoneStates = new Map<string, ZoneState>();
  private readonly periodMs: number;
  private readonly graceMs: number;
  private readonly startupGraceMs: number;
  private readonly disruption: DisruptionConfig;
  private readonly actor = NODE_LIFECYCLE_ACTOR;

  constructor(opts: NodeLifecycleOptions) {
    this.periodMs = opts.monitorPeriodMs ?? NODE_MONITOR_PERIOD_MS;
    this.graceMs = opts.gracePeriodMs ?? NODE_MONITOR_GRACE_PERIOD_MS;
    this.startupGraceMs = opts.startupGracePeriodMs ?? NODE_STARTUP_GRACE_PERIOD_MS;
    this.disruption = { ...DEFAULT_DISRUPTION_CONFIG, ...opts.disruption };
  }

  start(rt: ClusterRuntime): void {
    this.rt = rt;
    // kube-controller-manager's shared informers, as every controller of the process uses them
    const informers = sharedInformers(rt);
    this.nodes = informers.for('nodes');
    this.leases = informers.for('leases');
    this.pods = informers.for('pods');
    indexPodsByNode(this.pods);
    this.queue = new WorkQueue(rt.sim, {
      actor: this.actor,
      latencyMs: 5,
      process: (key, cause) => this.doNoScheduleTaintingPass(key, cause ?? `sync node ${key}`),
    });
    for (const inf of [this.nodes, this.leases, this.pods]) inf.start();
    // doNoScheduleTaintingPass runs on every node add/update
    this.nodes.addHandlers({
      onAdd: (n) => this.queue.add(n.metadata.name ?? '', `watch ADDED nodes/${n.metadata.name ?? ''}`),
      onUpdate: (_o, n) =>
        this.queue.add(
          n.metadata.name ?? '',
          `watch MODIFIED nodes/${n.metadata.name ?? ''}@${n.metadata.resourceVersion ?? ''}`,
        ),
    });
    const now = rt.sim.clock.nowMs();
    this.tainters = new ZoneTainters(rt.sim, this.actor, now, this.disruption.evictionLimiterQPS, (v) =>
      this.taintFromQueue(v.value),
    );
    // wait.UntilWithContext runs monitorNodeHealth at once, then every nodeMonitorPeriod
    rt.sim.schedule({
      delayMs: 0,
      actor: this.actor,
      label: `${this.actor} monitorNodeHealth`,
      background: true,
      run: () => {
        this.monitorNodeHealth();
        scheduleEvery(
          rt.sim,
          { periodMs: this.periodMs, actor: this.actor, label: `${this.actor} monitorNodeHealth` },
          () => this.monitorNodeHealth(),
        );
      },
    });
  }

  /** one pass over every node: register new ones, update health, taint or untaint, then zone disruption */
  private monitorNodeHealth(): void {
    const nodes = this.nodes.list();
    const { added, deleted, newZoneRepresentatives } = this.classifyNodes(nodes);
    for (const n of newZoneRepresentatives) this.addPodEvictorForNewZone(n);
    for (const n of added) {
      const name = n.metadata.name ?? '';
      recordNodeEvent(this.rt, n, 'RegisteredNode', `Registered Node ${name} in Controller`);
      this.known.set(name, n);
      this.addPodEvictorForNewZone(n);
      this.markNodeAsReachable(n);
    }
    for (const n of deleted) {
      const name = n.metadata.name ?? '';
      recordNodeEvent(this.rt, n, 'RemovingNode', `Removing Node ${name} from Controller`);
      this.known.delete(name);
    }
    const zoneToReady = new Map<string, (string | undefined)[]>();
    for (const node of nodes) {
      const r = this.updateNodeHealth(node);
      if (!r) continue;
      if (!isNodeExcludedFromDisruptionChecks(node.metadata.labels)) {
        const zone = zoneOf(node);
        const list = zoneToReady.get(zone) ?? [];
        list.push(r.currentReady?.status);
        zoneToReady.set(zone, list);
      }
      if (!r.currentReady) continue;
      this.processTaintBaseEviction(node, r.observedReady);
      if (r.currentReady.status !== 'True' && r.observedReady.status === 'True') {
        // report the node event only once, when the status changed
        recordNodeStatusChange(this.rt, node, 'NodeNotReady');
        markPodsNotReady(
          this.rt,
          this.pods.byIndex(POD_NODE_INDEX, node.metadata.name ?? ''),
          node.metadata.name ?? '',
          r.cause,
        );
      }
    }
    this.applyDisruption(zoneToReady, nodes);
  }

  /** classifyNodes: added (not known yet), deleted (known, gone), and known nodes of a zone with no state */
  private classifyNodes(nodes: readonly Readonly<KubeObject>[]): {
    added: Readonly<KubeObject>[];
    deleted: Readonly<KubeObject>[];
    newZoneRepresentatives: Readonly<KubeObject>[];
  } {
    const added: Readonly<KubeObject>[] = [];
    const newZoneRepresentatives: Readonly<KubeObject>[] = [];
    for (const n of nodes) {
      if (!this.known.has(n.metadata.name ?? '')) added.push(n);
      else if (!this.zoneStates.has(zoneOf(n))) newZoneRepresentatives.push(n);
    }
    const present = new Set(nodes.map((n) => n.metadata.name ?? ''));
    const deleted = [...this.known].filter(([name]) => !present.has(name)).map(([, n]) => n);
    return { added, deleted, newZoneRepresentatives };
  }

  /** addPodEvictorForNewZone: a new zone starts Initial with its own tainter */
  private addPodEvictorForNewZone(node: Readonly<KubeObject>): void {
    const zone = zoneOf(node);
    if (this.zoneStates.has(zone)) return;
    this.zoneStates.set(zone, 'Initial');
    this.tainters.addZone(zone);
  }

  /** tryUpdateNodeHealth with its retries (the write re-reads the node); undefined: gave up on this node */
  private updateNodeHealth(
    listed: Readonly<KubeObject>,
  ): { observedReady: NodeConditionJson; currentReady?: NodeConditionJson; cause: string } | undefined {
    const name = listed.metadata.name ?? '';
    const clock = this.rt.sim.clock;
    let node = listed;
    for (let attempt = 1; ; attempt++) {
      const now = clock.nowMs();
      const r = tryUpdateNodeHealth(this.health.get(name), this.observe(node), {
        nowMs: now,
        nowRfc3339: clock.toRfc3339(now),
        monitorGraceMs: this.graceMs,
        startupGraceMs: this.startupGraceMs,
      });
      this.health.set(name, r.health);
      const silentS = Math.round((now - r.health.probeMs) / 1000);
      const cause = `node ${name}: no lease renewal or status for ${silentS}s (grace period ${r.gracePeriodMs / 1000}s)`;
      if (!r.write) return { observedReady: r.observedReady, currentReady: r.currentReady, cause };
      try {
        const status = { ...(node.status as object), conditions: r.write.conditions };
        this.rt.api.updateStatus(
          'nodes',
          undefined,
          { ...node, status },
          { actor: NODE_LIFECYCLE_CONTROLLER, cause },
        );
        this.health.set(name, r.write.health);
        return { observedReady: r.observedReady, currentReady: r.currentReady, cause };
      } catch (e) {
        traceError(this.rt, `nodes/${name}`, e, cause);
        if (attempt >= NODE_HEALTH_UPDATE_RETRY) return undefined;
        try {
          node = this.rt.api.get('nodes', undefined, name);
        } catch {
          return undefined; // probably deleted
        }
      }
    }
  }

  private observe(node: Readonly<KubeObject>): NodeObservation {
    const clock = this.rt.sim.clock;
    const created = node.metadata.creationTimestamp ?? clock.nowRfc3339();
    const lease = this.leases.get(`kube-node-lease/${node.metadata.name ?? ''}`);
    const renew = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
    return {
      conditions: conditionsOf(node),
      creationMs: clock.fromRfc3339(created),
      creationRfc3339: created,
      ...(lease ? { lease: renew ? { renewMs: clock.fromRfc3339(renew) } : {} } : {}),
    };
  }

  /**
   * processTaintBaseEviction on the Ready condition observed before this pass: swap not-ready/unreachable at once
   * if the other one is there, else queue the node for its NoExecute taint; Ready -> take both off.
   */
  private processTaintBaseEviction(node: Readonly<KubeObject>, observed: NodeConditionJson): void {
    const cause = `node ${node.metadata.name ?? ''} Ready=${observed.status}`;
    switch (observed.status) {
      case 'False':
        if (taintExists(taintsOf(node), UNREACHABLE_TAINT))
          swapNodeControllerTaint(this.rt, node, [NOT_READY_TAINT], [UNREACHABLE_TAINT], cause);
        else this.markNodeForTainting(node, 'False');
        break;
      case 'Unknown':
        if (taintExists(taintsOf(node), NOT_READY_TAINT))
          swapNodeControllerTaint(this.rt, node, [UNREACHABLE_TAINT], [NOT_READY_TAINT], cause);
        else this.markNodeForTainting(node, 'Unknown');
        break;
      case 'True':
        this.markNodeAsReachable(node);
        break;
    }
  }

  /** markNodeForTainting: (re)queue the node in its zone's tainter unless it already has the taint */
  private markNodeForTainting(node: Readonly<KubeObject>, status: 'False' | 'Unknown'): boolean {
    const name = node.metadata.name ?? '';
    const zone = zoneOf(node);
    const template = status === 'False' ? NOT_READY_TAINT : UNREACHABLE_TAINT;
    if (!taintExists(taintsOf(node), template)) this.tainters.remove(zone, name);
    return this.tainters.add(zone, name, node.metadata.uid ?? '');
  }

  /** markNodeAsReachable: both NoExecute taints off, and out of the tainter */
  private markNodeAsReachable(node: Readonly<KubeObject>): boolean {
    const name = node.metadata.name ?? '';
    const cause = `node ${name} is reachable`;
    for (const t of [UNREACHABLE_TAINT, NOT_READY_TAINT]) {
      try {
        removeTaintOffNode(this.rt, name, node, [t], cause);
      } catch (e) {
        traceError(this.rt, `nodes/${name}`, e, cause);
        return false;
      }
    }
    return this.tainters.remove(zoneOf(node), name);
  }

  /** handleDisruption's decisions applied: master disruption mode, probe resets, tainting rates */
  private applyDisruption(
    zoneToReady: ReadonlyMap<string, (string | undefined)[]>,
    nodes: readonly Readonly<KubeObject>[],
  ): void {
    const d = handleDisruption(this.zoneStates, zoneToReady, this.disruption);
    for (const message of d.logs)
      this.rt.sim.trace.record({ actor: this.actor, action: 'zone-state', target: 'nodes', message });
    if (d.markAllReachable) for (const n of nodes) this.markNodeAsReachable(n);
    if (d.resetProbes) {
      const now = this.rt.sim.clock.nowMs();
      for (const n of nodes) {
        const h = this.health.get(n.metadata.name ?? '');
        if (h) this.health.set(n.metadata.name ?? '', { ...h, probeMs: now, readyTransitionMs: now });
      }
    }
    for (const [zone, qps] of d.limiters) this.tainters.swapLimiter(zone, qps);
  }

  /** doNoExecuteTaintingPass's action for a queued node: [done, retry after ms] */
  private taintFromQueue(name: string): readonly [boolean, number] {
    const node = this.nodes.get(name);
    if (!node) return [true, 0]; // no longer present
    const ready = conditionsOf(node).find((c) => c.type === 'Ready');
    if (!ready) return [false, 50];
    // "unreachable" and "not ready" are mutually exclusive, as Ready's Unknown and False
    const cause = `node ${name} Ready=${ready.status}: taint-based eviction`;
    if (ready.status === 'False')
      return [swapNodeControllerTaint(this.rt, node, [NOT_READY_TAINT], [UNREACHABLE_TAINT], cause), 0];
    if (ready.status === 'Unknown')
      return [swapNodeControllerTaint(this.rt, node, [UNREACHABLE_TAINT], [NOT_READY_TAINT], cause), 0];
    return [true, 0]; // ready again: nothing to taint
  }

  /** doNoScheduleTaintingPass: the condition and unschedulable NoSchedule taints follow the node */
  private doNoScheduleTaintingPass(name: string, cause: string): void {
    const node = this.nodes.get(name);
    if (!node) return;
    const spec = (node.spec ?? {}) as { unschedulable?: boolean };
    const want = noScheduleTaintsFor(conditionsOf(node), spec.unschedulable === true);
    const { add, remove } = taintSetDiff(want, controllerNoScheduleTaints(taintsOf(node)));
    if (add.length === 0 && remove.length === 0) return;
    swapNodeControllerTaint(this.rt, node, add, remove, `taints follow node conditions: ${cause}`);
  }
}

/** The node lifecycle controller as a kube-controller-manager component. */
export function nodeLifecycleController(opts: NodeLifecycleOptions = {}): Component {
  return new NodeLifecycleController(opts);
}
