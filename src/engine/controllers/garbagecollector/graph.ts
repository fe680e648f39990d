// The garbage collector's dependency graph: uid -> object and owners, owner uid -> dependents, fed by informer
// events; each change notes which items need attention (mirrors garbagecollector/graph_builder.go processGraphChanges).
import type { KubeObject, OwnerReference } from '../../types/object';
import { NO_KEYS } from '../../client/controller';

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

export interface GraphNode {
  uid: string;
  /** plural resource the object came from */
  resource: string;
  obj: Readonly<KubeObject>;
}

/** work item keys: attemptToDelete and attemptToOrphan queues share one workqueue */
export const deleteKey = (uid: string): string => `delete/${uid}`;
export const orphanKey = (uid: string): string => `orphan/${uid}`;

export function isDeletingDependents(obj: Readonly<KubeObject>): boolean {
  return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).includes(FINALIZER_FOREGROUND);
}

export function isOrphaning(obj: Readonly<KubeObject>): boolean {
  return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).includes(FINALIZER_ORPHAN);
}

const ownersOf = (obj: Readonly<KubeObject> | undefined): readonly OwnerReference[] =>
  obj?.metadata.ownerReferences ?? [];

function sameOwnerUids(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]?.uid !== b[i]?.uid) return false;
  return true;
}

export class DependencyGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly dependentsByOwner = new Map<string, Set<string>>();
  private dirty: string[] = [];

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  dependents(ownerUid: string): GraphNode[] {
    const out: GraphNode[] = [];
    for (const d of this.dependentsByOwner.get(ownerUid) ?? []) {
      const n = this.nodes.get(d);
      if (n) out.push(n);
    }
    return out;
  }

  /** dependents whose ownerReference to owner has blockOwnerDeletion=true (node.blockingDependents) */
  blockingDependents(ownerUid: string): GraphNode[] {
    return this.dependents(ownerUid).filter((d) =>
      ownersOf(d.obj).some((r) => r.uid === ownerUid && r.blockOwnerDeletion === true),
    );
  }

  /** keys noted since the last call */
  takeDirty(): readonly string[] {
    const d = this.dirty;
    if (d.length === 0) return NO_KEYS; // most events leave nothing for the GC: no array per event
    this.dirty = [];
    return d;
  }

  upsert(resource: string, obj: Readonly<KubeObject>): void {
    const uid = obj.metadata.uid;
    if (!uid) return;
    const old = this.nodes.get(uid);
    this.nodes.set(uid, { uid, resource, obj });
    // owners unchanged (graph_builder.go processGraphChanges: no referencesDiffs): the dependents sets already hold
    // uid and no owner was added, so only the deletion-state transitions are left to look at
    if (old && sameOwnerUids(ownersOf(old.obj), ownersOf(obj))) {
      this.transitions(old.obj, obj, uid);
      return;
    }
    if (!old) {
      this.addOwners(obj, uid);
      this.transitions(undefined, obj, uid);
      return;
    }
    const oldOwners = new Set(ownersOf(old.obj).map((r) => r.uid));
    const newOwners = new Set(ownersOf(obj).map((r) => r.uid));
    for (const o of oldOwners) {
      if (newOwners.has(o)) continue;
      this.dependentsByOwner.get(o)?.delete(uid);
      // an owner waiting for its dependents may now be free to go
      const owner = this.nodes.get(o);
      if (owner && isDeletingDependents(owner.obj)) this.dirty.push(deleteKey(o));
    }
    let check = false;
    for (const o of newOwners) {
      let set = this.dependentsByOwner.get(o);
      if (!set) this.dependentsByOwner.set(o, (set = new Set()));
      set.add(uid);
      const owner = this.nodes.get(o);
      // an owner not (yet) in the graph, or one being deleted, needs a look (virtual node / foreground)
      if (!owner || owner.obj.metadata.deletionTimestamp) check = true;
    }
    const added = [...newOwners].some((o) => !oldOwners.has(o));
    if (check && added) this.dirty.push(deleteKey(uid));
    this.transitions(old.obj, obj, uid);
  }

  /**
   * a new object's owner links: what upsert's general path does when there are no old owners (every owner is new),
   * without building the owner sets
   */
  private addOwners(obj: Readonly<KubeObject>, uid: string): void {
    const refs = ownersOf(obj);
    let check = false;
    for (let i = 0; i < refs.length; i++) {
      const o = (refs[i] as OwnerReference).uid;
      let set = this.dependentsByOwner.get(o);
      if (!set) this.dependentsByOwner.set(o, (set = new Set()));
      set.add(uid);
      const owner = this.nodes.get(o);
      if (!owner || owner.obj.metadata.deletionTimestamp) check = true;
    }
    if (check) this.dirty.push(deleteKey(uid));
  }

  private transitions(old: Readonly<KubeObject> | undefined, obj: Readonly<KubeObject>, uid: string): void {
    if (isOrphaning(obj) && !(old && isOrphaning(old))) this.dirty.push(orphanKey(uid));
    if (isDeletingDependents(obj) && !(old && isDeletingDependents(old))) {
      this.dirty.push(deleteKey(uid));
      for (const d of this.dependentsByOwner.get(uid) ?? []) this.dirty.push(deleteKey(d));
    }
  }

  remove(obj: Readonly<KubeObject>): void {
    const uid = obj.metadata.uid;
    if (!uid || !this.nodes.has(uid)) return;
    const node = this.nodes.get(uid) as GraphNode;
    this.nodes.delete(uid);
    for (const d of this.dependentsByOwner.get(uid) ?? []) this.dirty.push(deleteKey(d));
    for (const r of ownersOf(node.obj)) {
      const set = this.dependentsByOwner.get(r.uid);
      set?.delete(uid);
      if (set && set.size === 0 && !this.nodes.has(r.uid)) this.dependentsByOwner.delete(r.uid);
      const owner = this.nodes.get(r.uid);
      if (owner && isDeletingDependents(owner.obj)) this.dirty.push(deleteKey(r.uid));
    }
    if ((this.dependentsByOwner.get(uid)?.size ?? 0) === 0) this.dependentsByOwner.delete(uid);
  }

  size(): number {
    return this.nodes.size;
  }
}
