// One simulated cloud per cluster: the cloud the cluster's machines run in and its CCM talks to.
import type { ClusterRuntime } from '../cluster/types';
import { SimulatedCloud } from './cloud';

const clouds = new WeakMap<ClusterRuntime, SimulatedCloud>();

/** the cluster's cloud, created on first use */
export function cloudOf(rt: ClusterRuntime): SimulatedCloud {
  let c = clouds.get(rt);
  if (!c) clouds.set(rt, (c = new SimulatedCloud()));
  return c;
}
