// The scheduler cache: NodeInfos kept incrementally from pod and node watch events, plus assumed pods.
// mirrors pkg/scheduler/backend/cache/cache.go (AddPod, UpdatePod, RemovePod, AssumePod, ForgetPod, AddNode, ...).
// Updates that leave a pod's footprint unchanged (status writes, the binding of an assumed pod) are queued per node and
// applied when NodeInfos are next read, like the snapshot UpdateSnapshot refreshes at the start of a cycle.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { NodeInfo, SnapshotLister } from './framework/types';
import type { MutableNodeInfo, PodResources } from './nodeInfo';
import { addPodTo, applyMoves, newNodeInfo, podResources, removePodFrom, setNode } from './nodeInfo';
import { hasHostPorts, sameFootprint } from './footprint';

interface PodState {
  pod: Pod;
  /** the version the node's NodeInfo lists (older than `pod` while a move is queued) */
  listed: Pod;
  readonly nodeName: string;
  assumed: boolean;
  readonly res: PodResources;
  /** whether the pod has host ports (fixed while its footprint is: the containers are part of it) */
  readonly hostPorts: boolean;
}

export const podKeyOf = (pod: Pod): string => `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;

export class SchedulerCache implements SnapshotLister {
  /** node name -> info; an entry without a Node object holds pods whose node is not (yet) known */
  private readonly infos = new Map<string, MutableNodeInfo>();
  private readonly hasNode = new Set<string>();
  private readonly pods = new Map<string, PodState>();
  /** node names in the order nodes were added (the order filters walk them) */
  private nodeOrder: string[] = [];
  private listCache: NodeInfo[] | undefined;
  private affinityCache: NodeInfo[] | undefined;
  private antiAffinityCache: NodeInfo[] | undefined;
  /** image name -> listed nodes that have it */
  private readonly imageNodes = new Map<string, number>();
  /** node name -> (pod in the NodeInfo -> its state, holding a newer same-footprint version), in update order */
  private readonly moves = new Map<string, Map<Pod, PodState>>();

  // ---- nodes ----

  addNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    let ni = this.infos.get(name);
    if (ni && this.hasNode.has(name)) this.countImages(ni, -1);
    if (ni) setNode(ni, node);
    else this.infos.set(name, (ni = newNodeInfo(node)));
    this.countImages(ni, 1);
    if (!this.hasNode.has(name)) {
      this.hasNode.add(name);
      this.nodeOrder = [...this.nodeOrder, name];
      this.invalidate();
    }
  }

  updateNode(node: Node): void {
    this.addNode(node);
  }

  removeNode(name: string): void {
    if (!this.hasNode.delete(name)) return;
    this.nodeOrder = this.nodeOrder.filter((n) => n !== name);
    const ni = this.infos.get(name);
    if (ni) this.countImages(ni, -1);
    // as cache.RemoveNode: keep the entry while pods still point at it
    if (ni && ni.pods.length === 0) this.infos.delete(name);
    this.invalidate();
  }

  // ---- pods ----

  /** a bound pod seen by the informer (confirms an assumed pod) */
  addPod(pod: Pod): void {
    const key = podKeyOf(pod);
    const cur = this.pods.get(key);
    // same footprint (a status update, or the binding of the assumed pod): RemovePod + AddPod only move the pod to
    // the end of its node's lists, so that is queued and applied when the NodeInfo is next read
    if (cur && this.infos.has(cur.nodeName) && sameFootprint(cur.pod, pod, cur.hostPorts)) {
      this.queueMove(cur, pod);
      return;
    }
    if (cur) this.removeState(key, cur);
    this.addState(key, pod, false);
  }

  updatePod(pod: Pod): void {
    this.addPod(pod);
  }

  removePod(key: string): void {
    const cur = this.pods.get(key);
    if (cur) this.removeState(key, cur);
  }

  /** the scheduler's decision, counted before the binding is written (AssumePod) */
  assumePod(pod: Pod, nodeName: string): void {
    const key = podKeyOf(pod);
    const cur = this.pods.get(key);
    if (cur) this.removeState(key, cur);
    const assumed: Pod = { ...pod, spec: { ...(pod.spec ?? { containers: [] }), nodeName } };
    this.addState(key, assumed, true);
  }

  /** the binding failed: drop the assumed pod (ForgetPod) */
  forgetPod(key: string): void {
    const cur = this.pods.get(key);
    if (cur?.assumed) this.removeState(key, cur);
  }

  isAssumed(key: string): boolean {
    return this.pods.get(key)?.assumed === true;
  }

  /** node a pod is counted on (bound or assumed) */
  nodeOfPod(key: string): string | undefined {
    return this.pods.get(key)?.nodeName;
  }

  podCount(): number {
    return this.pods.size;
  }

  private queueMove(cur: PodState, pod: Pod): void {
    let m = this.moves.get(cur.nodeName);
    if (m === undefined) this.moves.set(cur.nodeName, (m = new Map()));
    // a later update of the same pod moves it behind the others again
    m.delete(cur.listed);
    m.set(cur.listed, cur);
    cur.pod = pod;
    cur.assumed = false;
  }

  /** applies the queued moves of one node (before any other change to it, and before it is read) */
  private flushNode(nodeName: string): void {
    const m = this.moves.get(nodeName);
    if (m === undefined) return;
    this.moves.delete(nodeName);
    const ni = this.infos.get(nodeName);
    if (ni) applyMoves(ni, m);
    for (const st of m.values()) st.listed = st.pod;
  }

  private flush(): void {
    if (this.moves.size === 0) return;
    for (const name of [...this.moves.keys()]) this.flushNode(name);
  }

  private addState(key: string, pod: Pod, assumed: boolean): void {
    const nodeName = pod.spec?.nodeName ?? '';
    this.flushNode(nodeName);
    const res = podResources(pod);
    this.pods.set(key, { pod, listed: pod, nodeName, assumed, res, hostPorts: hasHostPorts(pod) });
    let ni = this.infos.get(nodeName);
    if (!ni) {
      // a pod on a node the cache has not seen yet: a placeholder NodeInfo (not listed)
      ni = newNodeInfo({ metadata: { name: nodeName } });
      this.infos.set(nodeName, ni);
    }
    const hadAff = ni.podsWithAffinity.length > 0;
    const hadAnti = ni.podsWithRequiredAntiAffinity.length > 0;
    addPodTo(ni, pod, res);
    this.noteAffinityChange(ni, hadAff, hadAnti);
  }

  private removeState(key: string, st: PodState): void {
    this.flushNode(st.nodeName);
    this.pods.delete(key);
    const ni = this.infos.get(st.nodeName);
    if (!ni) return;
    const hadAff = ni.podsWithAffinity.length > 0;
    const hadAnti = ni.podsWithRequiredAntiAffinity.length > 0;
    removePodFrom(ni, st.pod, st.res);
    this.noteAffinityChange(ni, hadAff, hadAnti);
    if (!this.hasNode.has(st.nodeName) && ni.pods.length === 0) this.infos.delete(st.nodeName);
  }

  private noteAffinityChange(ni: NodeInfo, hadAff: boolean, hadAnti: boolean): void {
    if (hadAff !== ni.podsWithAffinity.length > 0) this.affinityCache = undefined;
    if (hadAnti !== ni.podsWithRequiredAntiAffinity.length > 0) this.antiAffinityCache = undefined;
  }

  /** keep image -> number of listed nodes having it (the snapshot's ImageStates) */
  private countImages(ni: NodeInfo, delta: 1 | -1): void {
    for (const img of ni.imageSizes.keys()) {
      const n = (this.imageNodes.get(img) ?? 0) + delta;
      if (n === 0) this.imageNodes.delete(img);
      else this.imageNodes.set(img, n);
    }
  }

  private invalidate(): void {
    this.listCache = undefined;
    this.affinityCache = undefined;
    this.antiAffinityCache = undefined;
  }

  // ---- SnapshotLister: read-only views for plugins ----

  list(): readonly NodeInfo[] {
    this.flush();
    this.listCache ??= this.nodeOrder.map((n) => this.infos.get(n) as NodeInfo);
    return this.listCache;
  }

  /** node names in filter order (a new array whenever the node set changes) */
  nodeNames(): readonly string[] {
    return this.nodeOrder;
  }

  get(nodeName: string): NodeInfo | undefined {
    this.flushNode(nodeName);
    return this.hasNode.has(nodeName) ? this.infos.get(nodeName) : undefined;
  }

  imageNumNodes(image: string): number {
    return this.imageNodes.get(image) ?? 0;
  }

  havePodsWithAffinity(): readonly NodeInfo[] {
    this.flush();
    this.affinityCache ??= this.list().filter((i) => i.podsWithAffinity.length > 0);
    return this.affinityCache;
  }

  havePodsWithRequiredAntiAffinity(): readonly NodeInfo[] {
    this.flush();
    this.antiAffinityCache ??= this.list().filter((i) => i.podsWithRequiredAntiAffinity.length > 0);
    return this.antiAffinityCache;
  }
}
