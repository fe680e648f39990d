// Public surface of the cloud-controller-manager's route controller.
export { routeController, ROUTE_CONTROLLER, ROUTE_RECONCILIATION_PERIOD_MS } from './controller';
export { planRoutes, withNetworkCondition } from './plan';
export type { RouteNodeInfo, RoutePlan, RouteToCreate } from './plan';
