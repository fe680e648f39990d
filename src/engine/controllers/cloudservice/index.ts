// cloud-controller-manager's service controller over a simulated cloud (LoadBalancer addresses).
export { serviceController, SERVICE_CONTROLLER_NAME, LB_PROVISION_LATENCY_MS } from './controller';
export { LoadBalancerPool, LB_POOL_START, LB_POOL_SIZE } from './pool';
