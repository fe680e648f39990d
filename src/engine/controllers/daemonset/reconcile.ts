// syncDaemonSet: claim pods, construct history, manage (one pod per eligible node), roll out, write status.
// mirrors pkg/controller/daemon/daemon_controller.go syncDaemonSet / updateDaemonSet / getNodesToDaemonPods.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ReconcileContext, ReconcileResult } from '../../client/controller';
import { StatusError } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';
import { factsAvailable, podFacts } from '../shared/podFacts';
import { nodesToDaemonPods } from './daemonPods';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';
import { planManage } from './manage';
import { daemonNodeChecker, type ShouldRun } from './nodeShouldRun';
import { syncNodes, TEMPLATE_GENERATION_ANNOTATION } from './podControl';
import { cleanupHistory, constructHistory } from './revisions';
import { allowsSurge, planRollingUpdate, rollingParams } from './rolling';
import { stateFor, type DaemonSetState } from './state';
import { writeStatus } from './statusWrite';

export interface SyncView {
  ds: Readonly<DaemonSet>;
  nodes: string[];
  shouldRun: (node: string) => ShouldRun;
  nodeExists: (node: string) => boolean;
}

function manageAndRoll(
  ctx: ReconcileContext,
  state: DaemonSetState,
  key: string,
  view: SyncView,
  hash: string,
): ReconcileResult {
  const { ds } = view;
  const nowMs = ctx.nowMs();
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const plan = planManage({
    nodes: view.nodes,
    shouldRun: view.shouldRun,
    nodeExists: view.nodeExists,
    nodeToDaemonPods: nodesToDaemonPods(ctx, ds, false),
    hash,
    allowsSurge: allowsSurge(ds.spec?.updateStrategy),
    minReadySeconds,
    nowMs,
    failedPodBackoffMs(node) {
      const bkey = `${ds.metadata?.uid ?? ''}/${ds.status?.observedGeneration ?? 0}/${node}`;
      const delay = state.backoff.inBackoff(bkey, nowMs);
      if (delay === undefined) state.backoff.next(bkey, nowMs);
      return delay;
    },
  });
  for (const n of plan.notices)
    ctx.events.event(ds as unknown as KubeObject, n.type, n.reason, n.message, ctx.source);
  let error = syncNodes(ctx, state, key, ds, plan.podsToDelete, plan.nodesNeedingDaemonPods, hash);
  if (!error && state.expectations.satisfied(key) && ds.spec?.updateStrategy?.type === 'RollingUpdate') {
    const claimed = nodesToDaemonPods(ctx, ds, false);
    // the claimed map is shared: copy it only when a node that should run a pod has none yet
    let byNode: Map<string, readonly Readonly<Pod>[]> | undefined;
    let desired = 0;
    for (const node of view.nodes) {
      if (!view.shouldRun(node).shouldRun) continue;
      desired++;
      if (!(byNode ?? claimed).has(node)) (byNode ??= new Map(claimed)).set(node, []);
    }
    const { maxSurge, maxUnavailable } = rollingParams(ds.spec.updateStrategy, desired);
    const roll = planRollingUpdate({
      nodeToDaemonPods: byNode ?? claimed,
      hash,
      desiredNumberScheduled: desired,
      maxSurge,
      maxUnavailable,
      isAvailable: (p) =>
        factsAvailable(podFacts(p as unknown as Readonly<KubeObject>), minReadySeconds, nowMs),
      shouldRun: (node) => view.nodeExists(node) && view.shouldRun(node).shouldRun,
    });
    error = syncNodes(ctx, state, key, ds, roll.podsToDelete, roll.nodesToCreate, hash);
  }
  return {
    ...(error ? { error } : {}),
    ...(plan.requeueAfterMs !== undefined ? { requeueAfterMs: plan.requeueAfterMs } : {}),
  };
}

function syncView(ctx: ReconcileContext, ds: Readonly<DaemonSet>): SyncView {
  const nodeObjs = ctx.informers.for('nodes').list() as unknown as Readonly<Node>[];
  const checker = daemonNodeChecker(ds);
  // one answer per name (the last node object listed under it, as a map by name keeps)
  const byName = new Map<string, ShouldRun>();
  for (const n of nodeObjs) byName.set(n.metadata?.name ?? '', checker.check(n));
  return {
    ds,
    nodes: [...byName.keys()],
    nodeExists: (name) => byName.has(name),
    shouldRun: (name) => byName.get(name) ?? NOT_A_NODE,
  };
}

const NOT_A_NODE: ShouldRun = { shouldRun: false, shouldContinueRunning: false };

export function syncDaemonSet(key: string, ctx: ReconcileContext): ReconcileResult {
  const state = stateFor(ctx.informers);
  state.now.ms = ctx.nowMs();
  const ds = ctx.informers.for('daemonsets').get(key) as unknown as Readonly<DaemonSet> | undefined;
  if (!ds) {
    state.expectations.delete(key);
    return {};
  }
  const sel = ds.spec?.selector;
  if (
    !sel ||
    ((sel.matchLabels === undefined || Object.keys(sel.matchLabels).length === 0) &&
      (sel.matchExpressions ?? []).length === 0)
  ) {
    ctx.events.event(
      ds as unknown as KubeObject,
      'Warning',
      'SelectingAll',
      'This daemon set is selecting all pods. A non-empty selector is required.',
      ctx.source,
    );
    return {};
  }
  if (ds.metadata?.deletionTimestamp) return {};
  const view = syncView(ctx, ds);
  const { hash, old } = constructHistory(ctx, ds);
  const templateGeneration = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (!state.expectations.satisfied(key)) {
    return writeStatus(ctx, view, nodesToDaemonPods(ctx, ds, false), hash, templateGeneration, false);
  }
  const result = manageAndRoll(ctx, state, key, view, hash);
  const live = new Set<string>();
  for (const pods of nodesToDaemonPods(ctx, ds, true).values()) {
    for (const p of pods) {
      const h = p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL];
      if (h) live.add(h);
    }
  }
  if (!result.error) cleanupHistory(ctx, ds, old, live);
  let statusResult: ReconcileResult;
  try {
    statusResult = writeStatus(ctx, view, nodesToDaemonPods(ctx, ds, false), hash, templateGeneration, true);
  } catch (e) {
    if (result.error || !(e instanceof StatusError)) throw e;
    return { error: e.message };
  }
  const requeues = [result.requeueAfterMs, statusResult.requeueAfterMs].filter(
    (x): x is number => x !== undefined,
  );
  return {
    ...(result.error ? { error: result.error } : {}),
    ...(requeues.length > 0 ? { requeueAfterMs: Math.min(...requeues) } : {}),
  };
}
