// Powering a node's simulated machine off and on (`sim node fail|recover`). Every power-on is a new boot: the node's
// kubelet starts again, with a new bootID, and nothing the previous boot ran is still running. The boot count lets the
// kubelet tell a power cycle from a machine that simply kept running, however quickly the cycle happened.
import type { ClusterRuntime } from '../cluster/types';

const bootCounts = new WeakMap<ClusterRuntime, Map<string, number>>();

/** power-ons of the node's machine since it was registered (0: still its first boot) */
export function bootsOf(rt: ClusterRuntime, node: string): number {
  return bootCounts.get(rt)?.get(node) ?? 0;
}

/** set the machine's power; a power-on starts a new boot. false when the node has no machine */
export function setMachinePower(rt: ClusterRuntime, node: string, up: boolean): boolean {
  const machine = rt.machines.get(node);
  if (!machine) return false;
  if (up && !machine.up) {
    let counts = bootCounts.get(rt);
    if (!counts) bootCounts.set(rt, (counts = new Map()));
    counts.set(node, bootsOf(rt, node) + 1);
  }
  machine.up = up;
  return true;
}
