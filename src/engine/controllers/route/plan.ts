// Pure planners of the route controller: which cloud routes to create and delete for the nodes' pod CIDRs, and the
// NetworkUnavailable condition each node ends up with. mirrors k8s.io/cloud-provider/controllers/route/
// route_controller.go reconcile / getRouteAction (keep | add | remove) and updateNetworkingCondition.
import type { NodeCondition } from 'kubernetes-types/core/v1';
import type { CloudRoute } from '../../cloud/types';

export interface RouteNodeInfo {
  name: string;
  /** the route's nameHint (reconcile passes string(node.UID)) */
  uid: string;
  podCIDRs: readonly string[];
}

export interface RouteToCreate {
  nameHint: string;
  targetNode: string;
  destinationCIDR: string;
}

export interface RoutePlan {
  remove: CloudRoute[];
  add: RouteToCreate[];
  /**
   * per node the controller has a say on (it has pod CIDRs or routes): true when all its routes exist after the
   * plan ran (NetworkUnavailable=False), false when it has routes but no pod CIDR (NetworkUnavailable=True)
   */
  routesCreated: Map<string, boolean>;
}

/** reconcile's bookkeeping: routes by target node, then per node and CIDR keep (a route exists) or add */
export function planRoutes(nodes: readonly RouteNodeInfo[], routes: readonly CloudRoute[]): RoutePlan {
  const cidrsByNode = new Map<string, Set<string>>();
  for (const r of routes) {
    if (!r.targetNode) continue;
    let s = cidrsByNode.get(r.targetNode);
    if (!s) cidrsByNode.set(r.targetNode, (s = new Set()));
    s.add(r.destinationCIDR);
  }
  /** node -> CIDRs it should have routes for (the "keep" and "add" actions) */
  const wanted = new Map<string, Set<string>>();
  const add: RouteToCreate[] = [];
  for (const n of nodes) {
    if (n.podCIDRs.length === 0) continue; // not assigned a CIDR yet
    const have = cidrsByNode.get(n.name);
    wanted.set(n.name, new Set(n.podCIDRs));
    for (const cidr of n.podCIDRs) {
      if (!have?.has(cidr)) add.push({ nameHint: n.uid, targetNode: n.name, destinationCIDR: cidr });
    }
  }
  const remove = routes.filter((r) => !wanted.get(r.targetNode)?.has(r.destinationCIDR));
  const routesCreated = new Map<string, boolean>();
  for (const n of nodes) {
    if (wanted.has(n.name)) routesCreated.set(n.name, true);
    else if (cidrsByNode.has(n.name)) routesCreated.set(n.name, false);
  }
  return { remove, add, routesCreated };
}

/**
 * updateNetworkingCondition + nodeutil.SetNodeCondition: the node's conditions with NetworkUnavailable set
 * (False/RouteCreated or True/NoRouteCreated, heartbeat and transition now), or undefined when it already says so.
 */
export function withNetworkCondition(
  conditions: readonly NodeCondition[],
  routesCreated: boolean,
  nowRfc3339: string,
): NodeCondition[] | undefined {
  const status = routesCreated ? 'False' : 'True';
  const current = conditions.find((c) => c.type === 'NetworkUnavailable');
  if (current?.status === status) return undefined;
  const condition: NodeCondition = routesCreated
    ? {
        type: 'NetworkUnavailable',
        status,
        reason: 'RouteCreated',
        message: 'RouteController created a route',
        lastHeartbeatTime: nowRfc3339,
        lastTransitionTime: nowRfc3339,
      }
    : {
        type: 'NetworkUnavailable',
        status,
        reason: 'NoRouteCreated',
        message: 'RouteController failed to create a route',
        lastHeartbeatTime: nowRfc3339,
        lastTransitionTime: nowRfc3339,
      };
  // a strategic-merge patch keyed by type: replaced in place, or appended
  return current
    ? conditions.map((c) => (c.type === 'NetworkUnavailable' ? condition : c))
    : [...conditions, condition];
}
