// The node lifecycle controller: every nodeMonitorPeriod it checks each node's Lease and status; a node silent for
// the grace period gets Unknown conditions, its pods Ready=False, and the unreachable taints.
// mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go monitorNodeHealth + doNoScheduleTaintingPass.
import { scheduleEvery } from '../../sim/periodic';
import type { ClusterRuntime, Component } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { Informer } from '../../client/informer';
import { indexPodsByNode, POD_NODE_INDEX } from '../../client/informer';
import { sharedInformers } from '../manager';
import { WorkQueue } from '../../client/workqueue';
import { StatusError } from '../../apiserver/types';
import type { NodeConditionJson, NodeHealth } from './nodeHealth';
import {
  conditionsGoneUnknown,
  NODE_MONITOR_GRACE_PERIOD_MS,
  NODE_MONITOR_PERIOD_MS,
  observeHeartbeat,
} from './nodeHealth';
import type { NodeTaint } from './taints';
import { desiredNoExecuteKey, desiredNoScheduleKeys, reconcileTaints } from './taints';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
/** Events of this controller carry the source component node-controller, as in Kubernetes */
const SOURCE = { component: 'node-controller' };

export interface NodeLifecycleOptions {
  monitorPeriodMs?: number;
  gracePeriodMs?: number;
}

interface NodeStatusLite {
  conditions?: NodeConditionJson[];
}

function readyStatus(node: Readonly<KubeObject>): string | undefined {
  return ((node.status as NodeStatusLite | undefined)?.conditions ?? []).find((c) => c.type === 'Ready')
    ?.status;
}

class NodeLifecycleController implements Component {
  readonly name = NODE_LIFECYCLE_CONTROLLER;
  private rt!: ClusterRuntime;
  private nodes!: Informer;
  private leases!: Informer;
  private pods!: Informer;
  private queue!: WorkQueue;
  private readonly health = new Map<string, NodeHealth>();
  private readonly periodMs: number;
  private readonly graceMs: number;
  private readonly actor = `kube-controller-manager/${NODE_LIFECYCLE_CONTROLLER}`;

  constructor(opts: NodeLifecycleOptions) {
    this.periodMs = opts.monitorPeriodMs ?? NODE_MONITOR_PERIOD_MS;
    this.graceMs = opts.gracePeriodMs ?? NODE_MONITOR_GRACE_PERIOD_MS;
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
      process: (key, cause) => this.syncTaints(key, cause ?? `sync node ${key}`),
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
      onDelete: (n) => this.health.delete(n.metadata.name ?? ''),
    });
    scheduleEvery(
      rt.sim,
      { periodMs: this.periodMs, actor: this.actor, label: `${this.actor} monitorNodeHealth` },
      () => this.monitorNodeHealth(),
    );
  }

  /** one pass over every node: heartbeats seen, grace expired -> Unknown + MarkPodsNotReady */
  private monitorNodeHealth(): void {
    const now = this.rt.sim.clock.nowMs();
    for (const node of this.nodes.list()) {
      const name = node.metadata.name ?? '';
      let h = this.health.get(name);
      if (!h) this.health.set(name, (h = { probeMs: now }));
      const lease = this.leases.get(`kube-node-lease/${name}`);
      const renew = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
      const conds = (node.status as NodeStatusLite | undefined)?.conditions ?? [];
      observeHeartbeat(h, renew, conds.find((c) => c.type === 'Ready')?.lastHeartbeatTime, now);
      if (now - h.probeMs <= this.graceMs) continue;
      const observedReady = readyStatus(node);
      const next = conditionsGoneUnknown(conds, this.rt.sim.clock.toRfc3339(now));
      if (!next) continue;
      const silentS = Math.round((now - h.probeMs) / 1000);
      const cause = `node ${name}: no lease renewal or status for ${silentS}s (nodeMonitorGracePeriod ${this.graceMs / 1000}s)`;
      if (!this.writeConditions(node, next, cause)) continue;
      if (observedReady === 'True') {
        this.rt.events.event(
          node,
          'Normal',
          'NodeNotReady',
          `Node ${name} status is now: NodeNotReady`,
          SOURCE,
        );
        this.markPodsNotReady(name, cause);
      }
    }
  }

  private writeConditions(
    node: Readonly<KubeObject>,
    conditions: NodeConditionJson[],
    cause: string,
  ): boolean {
    try {
      const status = { ...(node.status as object), conditions };
      this.rt.api.updateStatus(
        'nodes',
        undefined,
        { ...node, status },
        { actor: NODE_LIFECYCLE_CONTROLLER, cause },
      );
      return true;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      this.rt.sim.trace.record({
        actor: this.actor,
        action: 'error',
        target: `nodes/${node.metadata.name ?? ''}`,
        message: e.message,
        cause,
      });
      return false;
    }
  }

  /** mirrors pkg/controller/util/node/controller_utils.go MarkPodsNotReady */
  private markPodsNotReady(nodeName: string, cause: string): void {
    const nowRfc = this.rt.sim.clock.nowRfc3339();
    for (const pod of this.pods.byIndex(POD_NODE_INDEX, nodeName)) {
      const status = (pod.status ?? {}) as { conditions?: NodeConditionJson[] };
      const conds = status.conditions ?? [];
      if (!conds.some((c) => c.type === 'Ready' && c.status !== 'False')) continue;
      const conditions = conds.map((c) =>
        c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: nowRfc } : c,
      );
      try {
        const cur = this.rt.api.get('pods', pod.metadata.namespace, pod.metadata.name ?? '');
        this.rt.api.updateStatus(
          'pods',
          pod.metadata.namespace,
          { ...cur, status: { ...(cur.status as object), conditions } },
          { actor: NODE_LIFECYCLE_CONTROLLER, cause: `MarkPodsNotReady: ${cause}` },
        );
        this.rt.events.event(cur, 'Warning', 'NodeNotReady', 'Node is not ready', SOURCE);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e; // the pod went away meanwhile
      }
    }
  }

  /** NoSchedule taints from conditions/unschedulable, NoExecute not-ready/unreachable from Ready */
  private syncTaints(name: string, cause: string): void {
    let node: KubeObject;
    try {
      node = this.rt.api.get('nodes', undefined, name);
    } catch {
      return;
    }
    const spec = (node.spec ?? {}) as { taints?: NodeTaint[]; unschedulable?: boolean };
    const conds = (node.status as NodeStatusLite | undefined)?.conditions ?? [];
    const taints = reconcileTaints(
      spec.taints ?? [],
      desiredNoScheduleKeys(conds, spec.unschedulable === true),
      desiredNoExecuteKey(readyStatus(node)),
      this.rt.sim.clock.nowRfc3339(),
    );
    if (!taints) return;
    const nextSpec: Record<string, unknown> = { ...spec };
    if (taints.length > 0) nextSpec.taints = taints;
    else delete nextSpec.taints;
    try {
      this.rt.api.update(
        'nodes',
        undefined,
        { ...node, spec: nextSpec },
        { actor: NODE_LIFECYCLE_CONTROLLER, cause: `taints follow node conditions: ${cause}` },
      );
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      this.queue.addRateLimited(name, `retry after error: ${e.message}`);
    }
  }
}

/** The node lifecycle controller as a kube-controller-manager component. */
export function nodeLifecycleController(opts: NodeLifecycleOptions = {}): Component {
  return new NodeLifecycleController(opts);
}
