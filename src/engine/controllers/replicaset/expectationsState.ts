// Per-cluster expectations of one replica controller: counts (ControllerExpectations) plus the keys of pods it
// asked to delete (UIDTrackingControllerExpectations), so a pod seen terminating and then gone counts once.
import { Expectations } from '../../client/expectations';

export class ReplicaExpectations {
  readonly counts: Expectations;
  private readonly pendingDeletes = new Map<string, Set<string>>();
  private now: () => number = () => 0;

  constructor() {
    this.counts = new Expectations(() => this.now());
  }

  /** the virtual clock, known from the first reconcile on */
  setClock(nowMs: () => number): void {
    this.now = nowMs;
  }

  expectDeletions(key: string, podKeys: readonly string[]): void {
    this.pendingDeletes.set(key, new Set(podKeys));
    this.counts.expectDeletions(key, podKeys.length);
  }

  /** a pod we asked to delete was seen terminating or gone */
  deletionObserved(key: string, podKey: string): void {
    const set = this.pendingDeletes.get(key);
    if (!set?.delete(podKey)) return;
    this.counts.deletionObserved(key);
  }

  delete(key: string): void {
    this.pendingDeletes.delete(key);
    this.counts.delete(key);
  }
}
