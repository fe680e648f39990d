// The cloud-controller-manager's node lifecycle controller: every nodeMonitorPeriod, a node that is not Ready is
// checked against the cloud; gone instances have their Node deleted, shut-down ones get the shutdown taint.
// mirrors k8s.io/cloud-provider/controllers/nodelifecycle/node_lifecycle_controller.go Run / MonitorNodes.
import { scheduleEvery } from '../../sim/periodic';
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { ClusterRuntime, Component } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { Informer } from '../../client/informer';
import { StatusError } from '../../apiserver/types';
import { cloudOf } from '../../cloud/registry';
import { sharedInformers } from '../manager';
import { lifecycleAction, withShutdownTaint } from './plan';

export const CLOUD_NODE_LIFECYCLE_CONTROLLER = 'cloud-node-lifecycle-controller';
/** cloud-controller-manager --node-monitor-period default */
export const CLOUD_NODE_MONITOR_PERIOD_MS = 5_000;
const ACTOR = `cloud-controller-manager/${CLOUD_NODE_LIFECYCLE_CONTROLLER}`;
const SOURCE = { component: CLOUD_NODE_LIFECYCLE_CONTROLLER };
const REQUEST = { actor: CLOUD_NODE_LIFECYCLE_CONTROLLER };

type NodeObj = Node & KubeObject;

class CloudNodeLifecycleController implements Component {
  readonly name = CLOUD_NODE_LIFECYCLE_CONTROLLER;
  private rt!: ClusterRuntime;
  private nodes!: Informer;

  start(rt: ClusterRuntime): void {
    this.rt = rt;
    this.nodes = sharedInformers(rt).for('nodes');
    this.nodes.start();
    scheduleEvery(
      rt.sim,
      { periodMs: CLOUD_NODE_MONITOR_PERIOD_MS, actor: ACTOR, label: `${ACTOR} MonitorNodes` },
      () => this.monitorNodes(),
    );
  }

  private monitorNodes(): void {
    const cloud = cloudOf(this.rt);
    const now = this.rt.sim.clock.nowMs();
    for (const node of this.nodes.list() as Readonly<NodeObj>[]) {
      const name = node.metadata.name ?? '';
      const created = node.metadata.creationTimestamp;
      const ageMs = created ? now - this.rt.sim.clock.fromRfc3339(created) : Infinity;
      const providerID = node.spec?.providerID;
      const action = lifecycleAction(node, ageMs, {
        exists: cloud.instanceExists(providerID, name),
        shutdown: cloud.instanceShutdown(providerID, name),
      });
      if (action === 'delete') this.deleteNode(node);
      else if (action === 'add-shutdown-taint') this.setShutdownTaint(name, true);
      else if (action === 'remove-shutdown-taint') this.setShutdownTaint(name, false);
    }
  }

  private deleteNode(node: Readonly<NodeObj>): void {
    const name = node.metadata.name ?? '';
    this.rt.events.event(
      node,
      'Normal',
      'DeletingNode',
      `Deleting node ${name} because it does not exist in the cloud provider`,
      SOURCE,
    );
    try {
      this.rt.api.delete(
        'nodes',
        undefined,
        name,
        {},
        { ...REQUEST, cause: `instance of node ${name} no longer exists in the cloud` },
      );
      // the machine went with its instance; its name is free for a new one (`sim node add`)
      if (!cloudOf(this.rt).instance(name)) this.rt.machines.delete(name);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      this.rt.events.event(
        node,
        'Warning',
        'DeletingNodeFailed',
        `Failed deleting node ${name}: ${e.message}`,
        SOURCE,
      );
    }
  }

  /** cloudnodeutil.AddOrUpdateTaintOnNode / RemoveTaintOffNode */
  private setShutdownTaint(name: string, wanted: boolean): void {
    try {
      const cur = this.rt.api.get('nodes', undefined, name) as NodeObj;
      const taints = withShutdownTaint(cur.spec?.taints ?? [], wanted);
      if (!taints) return;
      const spec: Record<string, unknown> = { ...cur.spec };
      if (taints.length > 0) spec.taints = taints satisfies Taint[];
      else delete spec.taints;
      const cause = wanted ? `instance of node ${name} is shut down` : `node ${name} is Ready again`;
      this.rt.api.update('nodes', undefined, { ...cur, spec } as KubeObject, { ...REQUEST, cause });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      this.rt.sim.trace.record({
        actor: ACTOR,
        action: 'error',
        target: `nodes/${name}`,
        message: e.message,
      });
    }
  }
}

/** The cloud node lifecycle controller as a cloud-controller-manager component. */
export function cloudNodeLifecycleController(): Component {
  return new CloudNodeLifecycleController();
}
