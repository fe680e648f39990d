// The cloud-controller-manager's route controller: every routeReconciliationPeriod it makes the cloud's routes
// table match the nodes' pod CIDRs and records the outcome in each node's NetworkUnavailable condition.
// mirrors k8s.io/cloud-provider/controllers/route/route_controller.go Run (wait.NonSlidingUntil reconcileNodeRoutes).
import { scheduleEvery } from '../../sim/periodic';
import type { Node } from 'kubernetes-types/core/v1';
import type { ClusterRuntime, Component } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { Informer } from '../../client/informer';
import { StatusError } from '../../apiserver/types';
import { cloudOf } from '../../cloud/registry';
import { sharedInformers } from '../manager';
import type { RouteNodeInfo } from './plan';
import { planRoutes, withNetworkCondition } from './plan';

export const ROUTE_CONTROLLER = 'route-controller';
/** cloud-controller-manager --route-reconciliation-period default */
export const ROUTE_RECONCILIATION_PERIOD_MS = 10_000;
const ACTOR = `cloud-controller-manager/${ROUTE_CONTROLLER}`;

type NodeObj = Node & KubeObject;

function routeNodeInfo(n: Readonly<NodeObj>): RouteNodeInfo {
  const cidrs = n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : []);
  return { name: n.metadata.name ?? '', uid: n.metadata.uid ?? '', podCIDRs: cidrs };
}

class RouteController implements Component {
  readonly name = ROUTE_CONTROLLER;
  private rt!: ClusterRuntime;
  private nodes!: Informer;

  start(rt: ClusterRuntime): void {
    this.rt = rt;
    this.nodes = sharedInformers(rt).for('nodes');
    this.nodes.start();
    scheduleEvery(
      rt.sim,
      { periodMs: ROUTE_RECONCILIATION_PERIOD_MS, actor: ACTOR, label: `${ACTOR} reconcileNodeRoutes` },
      () => this.reconcileNodeRoutes(),
    );
  }

  /** one pass: delete stale routes, create missing ones, then post NetworkUnavailable where it changed */
  reconcileNodeRoutes(): void {
    const cloud = cloudOf(this.rt);
    const nodes = this.nodes.list() as Readonly<NodeObj>[];
    const plan = planRoutes(nodes.map(routeNodeInfo), cloud.listRoutes());
    for (const r of plan.remove) {
      cloud.deleteRoute(r.name);
      this.rt.sim.trace.record({
        actor: ACTOR,
        action: 'delete-route',
        target: `routes/${r.name}`,
        message: `Deleted route ${r.name} ${r.destinationCIDR}`,
      });
    }
    for (const r of plan.add) {
      const route = cloud.createRoute(r.nameHint, r.targetNode, r.destinationCIDR);
      this.rt.sim.trace.record({
        actor: ACTOR,
        action: 'create-route',
        target: `routes/${route.name}`,
        message: `Created route for node ${r.targetNode} ${r.destinationCIDR} with hint ${r.nameHint}`,
      });
    }
    if (plan.routesCreated.size === 0) return;
    const now = this.rt.sim.clock.nowRfc3339();
    for (const node of nodes) {
      const created = plan.routesCreated.get(node.metadata.name ?? '');
      if (created === undefined) continue;
      if (!withNetworkCondition(node.status?.conditions ?? [], created, now)) continue;
      this.updateNetworkingCondition(node.metadata.name ?? '', created, now);
    }
  }

  private updateNetworkingCondition(name: string, routesCreated: boolean, now: string): void {
    try {
      const cur = this.rt.api.get('nodes', undefined, name) as NodeObj;
      const conditions = withNetworkCondition(cur.status?.conditions ?? [], routesCreated, now);
      if (!conditions) return;
      this.rt.api.updateStatus(
        'nodes',
        undefined,
        { ...cur, status: { ...cur.status, conditions } } as KubeObject,
        { actor: ROUTE_CONTROLLER, cause: `route reconciliation: routes for node ${name}` },
      );
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

/** The route controller as a cloud-controller-manager component. */
export function routeController(): Component & { reconcileNodeRoutes(): void } {
  return new RouteController();
}
