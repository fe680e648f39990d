// Cluster invariants checked after every step in tests: pods name real nodes, one controller owner, unique live
// StatefulSet ordinals, resourceVersions only grow; and, once settled, workload status counts match their pods.
import type { ClusterRuntime } from '../cluster/types';
import type { KubeObject } from '../types/object';
import type { StoreEvent } from '../store/types';

type Obj = Readonly<KubeObject>;

/** Follows every store write and remembers the last revision seen per key. */
export class RevisionTracker {
  private readonly last = new Map<string, number>();
  private lastGlobal = 0;
  readonly violations: string[] = [];

  observe(events: readonly StoreEvent[]): void {
    for (const e of events) {
      if (e.revision < this.lastGlobal) {
        this.violations.push(
          `store revision went backwards: ${e.key} written at ${e.revision} after ${this.lastGlobal}`,
        );
      }
      this.lastGlobal = Math.max(this.lastGlobal, e.revision);
      const prev = this.last.get(e.key);
      if (prev !== undefined && e.kv.modRevision <= prev && e.type !== 'DELETED') {
        this.violations.push(`resourceVersion of ${e.key} did not grow: ${prev} -> ${e.kv.modRevision}`);
      }
      this.last.set(e.key, Math.max(prev ?? 0, e.kv.modRevision));
    }
  }

  /** a stored value older than one already seen for its key */
  checkCurrent(key: string, modRevision: number): string | undefined {
    const prev = this.last.get(key);
    if (prev !== undefined && modRevision < prev)
      return `resourceVersion of ${key} went back from ${prev} to ${modRevision}`;
    this.last.set(key, Math.max(prev ?? 0, modRevision));
    return undefined;
  }
}

const trackers = new WeakMap<ClusterRuntime, RevisionTracker>();

function trackerOf(rt: ClusterRuntime): RevisionTracker {
  let t = trackers.get(rt);
  if (!t) {
    const tracker = new RevisionTracker();
    rt.store.watch('/registry/', (events) => tracker.observe(events));
    trackers.set(rt, (t = tracker));
  }
  return t;
}

function label(o: Obj): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

function controllerRefs(o: Obj) {
  return (o.metadata.ownerReferences ?? []).filter((r) => r.controller === true);
}

function isLive(pod: Obj): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** mirrors pkg/controller/statefulset/stateful_set_utils.go getParentNameAndOrdinal */
function ordinalOf(name: string): number | undefined {
  const m = /^(.*)-([0-9]+)$/.exec(name);
  return m ? Number(m[2]) : undefined;
}

function checkPods(pods: readonly Obj[], nodes: ReadonlySet<string>, out: string[]): void {
  const ordinals = new Map<string, string>();
  for (const pod of pods) {
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (nodeName && !nodes.has(nodeName))
      out.push(`pod ${label(pod)}: spec.nodeName "${nodeName}" names no node`);
    const refs = controllerRefs(pod);
    if (refs.length > 1) out.push(`pod ${label(pod)}: ${refs.length} controller ownerReferences`);
    const ss = refs.find((r) => r.kind === 'StatefulSet');
    if (!ss || !isLive(pod)) continue;
    const ord = ordinalOf(pod.metadata.name ?? '');
    if (ord === undefined) continue;
    const key = `${pod.metadata.namespace ?? ''}/${ss.uid}/${ord}`;
    const other = ordinals.get(key);
    if (other)
      out.push(
        `StatefulSet ${pod.metadata.namespace ?? ''}/${ss.name}: live pods ${other} and ${pod.metadata.name ?? ''} share ordinal ${ord}`,
      );
    else ordinals.set(key, pod.metadata.name ?? '');
  }
}

/** Violations of the always-true invariants (empty when all hold). Cost: one pass over the store. */
export function checkInvariants(rt: ClusterRuntime): string[] {
  const tracker = trackerOf(rt);
  const out: string[] = [...tracker.violations];
  tracker.violations.length = 0;
  const all = rt.store.list('/registry/').items;
  const nodes = new Set<string>();
  const pods: Obj[] = [];
  for (const kv of all) {
    const v = tracker.checkCurrent(kv.key, kv.modRevision);
    if (v) out.push(v);
    const rv = kv.value.metadata.resourceVersion;
    if (rv !== undefined && rv !== String(kv.modRevision)) {
      out.push(`${kv.key}: metadata.resourceVersion ${rv} is not its revision ${kv.modRevision}`);
    }
    if (kv.key.startsWith('/registry/nodes/')) nodes.add(kv.value.metadata.name ?? '');
    else if (kv.key.startsWith('/registry/pods/')) pods.push(kv.value);
  }
  checkPods(pods, nodes, out);
  for (const kv of all) {
    if (kv.key.startsWith('/registry/pods/')) continue;
    const refs = controllerRefs(kv.value);
    if (refs.length > 1) out.push(`${kv.key}: ${refs.length} controller ownerReferences`);
  }
  return out;
}

interface WorkloadStatus {
  replicas?: number;
  readyReplicas?: number;
  observedGeneration?: number;
}

function isReady(pod: Obj): boolean {
  const conds =
    (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

function byControllerUid(objs: readonly Obj[]): Map<string, Obj[]> {
  const m = new Map<string, Obj[]>();
  for (const o of objs) {
    const uid = controllerRefs(o)[0]?.uid;
    if (!uid) continue;
    let list = m.get(uid);
    if (!list) m.set(uid, (list = []));
    list.push(o);
  }
  return m;
}

function values(rt: ClusterRuntime, plural: string): Obj[] {
  return rt.store.list(`/registry/${plural}/`).items.map((kv) => kv.value);
}

function checkCounts(kind: string, o: Obj, replicas: number, ready: number, out: string[]): void {
  const s = (o.status ?? {}) as WorkloadStatus;
  const spec = (o.spec ?? {}) as { replicas?: number };
  if ((s.replicas ?? 0) !== replicas)
    out.push(`${kind} ${label(o)}: status.replicas ${s.replicas ?? 0}, pods say ${replicas}`);
  if ((s.readyReplicas ?? 0) !== ready)
    out.push(`${kind} ${label(o)}: status.readyReplicas ${s.readyReplicas ?? 0}, pods say ${ready}`);
  if (spec.replicas !== undefined && spec.replicas !== replicas)
    out.push(`${kind} ${label(o)}: spec.replicas ${spec.replicas} but ${replicas} replicas`);
  if ((o.metadata.generation ?? 0) !== (s.observedGeneration ?? 0)) {
    out.push(
      `${kind} ${label(o)}: observedGeneration ${s.observedGeneration ?? 0} behind generation ${o.metadata.generation ?? 0}`,
    );
  }
}

/** Invariants that hold once the cluster settled: ReplicaSet/Deployment status counts equal what their pods say. */
export function checkSettledInvariants(rt: ClusterRuntime): string[] {
  const out: string[] = [];
  const podsByOwner = byControllerUid(values(rt, 'pods').filter(isLive));
  const replicaSets = values(rt, 'replicasets');
  for (const rs of replicaSets) {
    const pods = podsByOwner.get(rs.metadata.uid ?? '') ?? [];
    checkCounts('ReplicaSet', rs, pods.length, pods.filter(isReady).length, out);
  }
  const rsByOwner = byControllerUid(replicaSets);
  for (const d of values(rt, 'deployments')) {
    const owned = rsByOwner.get(d.metadata.uid ?? '') ?? [];
    const sum = (f: keyof WorkloadStatus) =>
      owned.reduce((n, rs) => n + (((rs.status ?? {}) as WorkloadStatus)[f] ?? 0), 0);
    checkCounts('Deployment', d, sum('replicas'), sum('readyReplicas'), out);
  }
  return out;
}
