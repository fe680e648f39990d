// Per-cluster state of the DaemonSet controller: expectations, failed-pod backoff, and the informer indexes it reads.
// One InformerFactory exists per cluster, so the state hangs off it (the controller definition itself is shared).
import type { Node } from 'kubernetes-types/core/v1';
import type { InformerFactory } from '../../client/informer';
import { Expectations } from '../../client/expectations';
import type { KubeObject } from '../../types/object';
import { getControllerOf } from '../shared/controllerRef';

/** pods / ControllerRevisions by the UID of their DaemonSet controller, or `orphan/<ns>` without a controller */
export const OWNER_INDEX = 'daemonset-controller/owner';

export function ownerIndexValues(obj: Readonly<KubeObject>): string[] {
  const ref = getControllerOf(obj);
  if (!ref) return [`orphan/${obj.metadata.namespace ?? ''}`];
  return ref.kind === 'DaemonSet' ? [ref.uid] : [];
}

/** flowcontrol.NewBackOff(1s, 15m) as the controller's failedPodsBackoff uses it */
export class FailedPodBackoff {
  private readonly entries = new Map<string, { backoffMs: number; lastUpdateMs: number }>();
  constructor(
    readonly initialMs = 1000,
    readonly maxMs = 15 * 60_000,
  ) {}

  /** IsInBackOffSinceUpdate: the current delay, when still inside it */
  inBackoff(key: string, nowMs: number): number | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    return nowMs - e.lastUpdateMs < e.backoffMs ? e.backoffMs : undefined;
  }

  /** Next: start at initialMs, double up to maxMs; an entry idle for 2*maxMs starts over */
  next(key: string, nowMs: number): void {
    const e = this.entries.get(key);
    if (!e || nowMs - e.lastUpdateMs > 2 * this.maxMs)
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdateMs: nowMs });
    else this.entries.set(key, { backoffMs: Math.min(e.backoffMs * 2, this.maxMs), lastUpdateMs: nowMs });
  }
}

export interface DaemonSetState {
  expectations: Expectations;
  backoff: FailedPodBackoff;
  /** the virtual clock, refreshed at each reconcile (expectation TTLs read it) */
  now: { ms: number };
  /** what about each node matters to daemon scheduling; unchanged nodes do not wake every DaemonSet */
  nodeFingerprints: Map<string, { rv: number; fp: string }>;
  /**
   * bumped on every pod add/update/delete the pod informer delivers: an unchanged count means the pod cache holds
   * exactly the same (frozen) objects as before, so a DaemonSet's claimed pods can be reused (see daemonPods.ts)
   */
  podEvents: number;
}

const states = new WeakMap<InformerFactory, DaemonSetState>();

export function stateFor(informers: InformerFactory): DaemonSetState {
  let s = states.get(informers);
  if (!s) {
    const now = { ms: 0 };
    s = {
      expectations: new Expectations(() => now.ms),
      backoff: new FailedPodBackoff(),
      now,
      nodeFingerprints: new Map(),
      podEvents: 0,
    };
    states.set(informers, s);
  }
  return s;
}

/**
 * shouldIgnoreNodeUpdate's view of a node: everything but resourceVersion and status, plus the set of True
 * conditions (nodeInSameCondition).
 */
export function nodeFingerprint(node: Readonly<Node>): string {
  const trueConditions = (node.status?.conditions ?? [])
    .filter((c) => c.status === 'True')
    .map((c) => c.type)
    .sort();
  return JSON.stringify([node.metadata?.labels ?? {}, node.spec ?? {}, trueConditions]);
}
