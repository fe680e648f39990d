// In-flight creates and deletes a controller is still waiting to observe (mirrors pkg/controller ControllerExpectations).
// A controller does not act on a key again until its informer has seen what it asked for, or the TTL passed.

/** ExpectationsTimeout in pkg/controller/controller_utils.go */
export const EXPECTATIONS_TTL_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  setAtMs: number;
}

export class Expectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(private readonly nowMs: () => number) {}

  /** SatisfiedExpectations: true when nothing is pending, everything was observed, or the record expired */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.nowMs() - e.setAtMs > EXPECTATIONS_TTL_MS;
  }

  expectCreations(key: string, n: number): void {
    this.byKey.set(key, { add: n, del: 0, setAtMs: this.nowMs() });
  }

  expectDeletions(key: string, n: number): void {
    this.byKey.set(key, { add: 0, del: n, setAtMs: this.nowMs() });
  }

  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.add--;
  }

  deletionObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.del--;
  }

  /** lower the expected count for creates that were never attempted (slow-start batch stopped early) */
  lowerExpectations(key: string, add: number, del: number): void {
    const e = this.byKey.get(key);
    if (!e) return;
    e.add -= add;
    e.del -= del;
  }

  delete(key: string): void {
    this.byKey.delete(key);
  }
}
