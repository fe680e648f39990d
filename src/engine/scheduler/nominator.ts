// Pods nominated to a node by preemption (status.nominatedNodeName): filters count them as already there for pods of
// lower or equal priority. mirrors pkg/scheduler/backend/queue nominator and framework RunFilterPluginsWithNominatedPods.
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo } from './framework/types';
import { addPodTo, cloneNodeInfo } from './nodeInfo';
import { podPriority } from './queue';

export class Nominator {
  private readonly byNode = new Map<string, Map<string, Pod>>();
  private readonly nodeOf = new Map<string, string>();

  add(key: string, pod: Pod, node: string): void {
    this.delete(key);
    let m = this.byNode.get(node);
    if (!m) this.byNode.set(node, (m = new Map()));
    m.set(key, pod);
    this.nodeOf.set(key, node);
  }

  delete(key: string): void {
    const node = this.nodeOf.get(key);
    if (node === undefined) return;
    this.nodeOf.delete(key);
    const m = this.byNode.get(node);
    m?.delete(key);
    if (m?.size === 0) this.byNode.delete(node);
  }

  /** a pending pod seen by the informer: follow its status.nominatedNodeName */
  syncFromStatus(key: string, pod: Pod): void {
    const nom = pod.status?.nominatedNodeName;
    if (nom) this.add(key, pod, nom);
    else this.delete(key);
  }

  nodeOfPod(key: string): string | undefined {
    return this.nodeOf.get(key);
  }

  podsOn(node: string): [string, Pod][] {
    return [...(this.byNode.get(node) ?? [])];
  }

  /** ni plus the pods nominated to it with priority >= pod's (other than pod itself) */
  withNominated(ni: NodeInfo, pod: Pod): NodeInfo {
    const m = this.byNode.get(ni.node.metadata?.name ?? '');
    if (!m) return ni;
    const prio = podPriority(pod);
    const self = pod.metadata?.uid;
    let out: ReturnType<typeof cloneNodeInfo> | undefined;
    for (const p of m.values()) {
      if (p.metadata?.uid === self || podPriority(p) < prio) continue;
      out ??= cloneNodeInfo(ni);
      addPodTo(out, p);
    }
    return out ?? ni;
  }
}
