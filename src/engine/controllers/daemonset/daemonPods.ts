// A DaemonSet's claimed pods by target node (getDaemonPods + getNodesToDaemonPods), reused while the pod cache is unchanged.
// mirrors pkg/controller/daemon/daemon_controller.go getDaemonPods / getNodesToDaemonPods.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReconcileContext } from '../../client/controller';
import { selectorFromLabelSelector } from '../../labels/selector';
import type { Selector } from '../../labels/types';
import type { KubeObject } from '../../types/object';
import { claimDecision, claimObjects, recheckDeletionTimestamp } from '../shared/claimPods';
import { getTargetNodeName } from './nodeShouldRun';
import { OWNER_INDEX, stateFor } from './state';

export type DaemonPodsByNode = ReadonlyMap<string, readonly Readonly<Pod>[]>;

/** claimed pods of one DaemonSet object at one pod-cache state (podEvents), and the maps built from them */
interface Claimed {
  podEvents: number;
  pods: readonly Readonly<KubeObject>[];
  /** [without terminal pods being deleted, with them] */
  byNode: [DaemonPodsByNode | undefined, DaemonPodsByNode | undefined];
}

/** per DaemonSet object (frozen, so its selector never changes): its selector, and its last side-effect-free claim */
const selectors = new WeakMap<Readonly<DaemonSet>, Selector>();
const claims = new WeakMap<Readonly<DaemonSet>, Claimed>();

function selectorOf(ds: Readonly<DaemonSet>): Selector {
  let s = selectors.get(ds);
  if (!s) {
    s = selectorFromLabelSelector(ds.spec?.selector);
    selectors.set(ds, s);
  }
  return s;
}

/**
 * ClaimPods over the pods indexed under the DaemonSet's UID, then the namespace's orphans. Owned pods the selector
 * matches are kept without side effects, so only the rest (to release or adopt) go through claimObjects, in the same
 * order; when there is none, the claim has no side effect and is cached until the pod cache changes.
 */
function claim(ctx: ReconcileContext, ds: Readonly<DaemonSet>): Claimed {
  const state = stateFor(ctx.informers);
  const cached = claims.get(ds);
  if (cached && cached.podEvents === state.podEvents) return cached;
  const owner = ds as unknown as KubeObject;
  const inf = ctx.informers.for('pods');
  const ns = ds.metadata?.namespace ?? '';
  const selector = selectorOf(ds);
  const kept: Readonly<KubeObject>[] = [];
  const rest: Readonly<KubeObject>[] = [];
  // the index holds pods whose controllerRef is this UID: ClaimObject keeps them iff the selector matches
  for (const pod of inf.byIndex(OWNER_INDEX, ds.metadata?.uid ?? '')) {
    if (selector.matches(pod.metadata.labels)) kept.push(pod);
    else rest.push(pod);
  }
  const orphans = inf.byIndex(OWNER_INDEX, `orphan/${ns}`);
  let sideEffects = rest.length > 0;
  for (const o of orphans)
    if (!sideEffects && claimDecision(owner, selector, o) !== 'ignore') sideEffects = true;
  if (!sideEffects) {
    const out: Claimed = { podEvents: state.podEvents, pods: kept, byNode: [undefined, undefined] };
    claims.set(ds, out);
    return out;
  }
  const res = claimObjects(owner, selector, [...rest, ...orphans], {
    api: ctx.api,
    request: ctx.request,
    resource: 'pods',
    canAdopt: recheckDeletionTimestamp(ctx.api, 'daemonsets', owner),
  });
  if (res.error) throw new Error(res.error);
  return { podEvents: -1, pods: [...kept, ...res.claimed], byNode: [undefined, undefined] };
}

/** the pods by target node; skipped tells whether a terminal pod being deleted was left out */
function groupByNode(
  pods: readonly Readonly<KubeObject>[],
  includeDeletedTerminal: boolean,
): { byNode: DaemonPodsByNode; skipped: boolean } {
  const out = new Map<string, Readonly<Pod>[]>();
  let skipped = false;
  for (const obj of pods) {
    const pod = obj as unknown as Readonly<Pod>;
    if (!includeDeletedTerminal && pod.metadata?.deletionTimestamp) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') {
        skipped = true;
        continue;
      }
    }
    const node = getTargetNodeName(pod);
    if (node === undefined) continue;
    const list = out.get(node);
    if (list) list.push(pod);
    else out.set(node, [pod]);
  }
  return { byNode: out, skipped };
}

/**
 * getDaemonPods + getNodesToDaemonPods: claimed pods by target node (terminal pods being deleted left out unless
 * includeDeletedTerminal). The map may be shared with later calls: callers must not change it.
 */
export function nodesToDaemonPods(
  ctx: ReconcileContext,
  ds: Readonly<DaemonSet>,
  includeDeletedTerminal: boolean,
): DaemonPodsByNode {
  const c = claim(ctx, ds);
  const i = includeDeletedTerminal ? 1 : 0;
  let m = c.byNode[i];
  if (!m) {
    const g = groupByNode(c.pods, includeDeletedTerminal);
    m = g.byNode;
    c.byNode[i] = m;
    // nothing left out: the map with terminal pods being deleted is the same map
    if (!includeDeletedTerminal && !g.skipped) c.byNode[1] = m;
  }
  return m;
}
