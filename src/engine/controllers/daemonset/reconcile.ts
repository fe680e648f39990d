// syncDaemonSet: claim pods, construct history, manage (one pod per eligible node), roll out, write status.
// mirrors pkg/controller/daemon/daemon_controller.go syncDaemonSet / updateDaemonSet / getNodesToDaemonPods.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ReconcileContext, ReconcileResult } from '../../client/controller';
import { StatusError } from '../../apiserver/types';
import { selectorFromLabelSelector } from '../../labels/selector';
import type { KubeObject } from '../../types/object';
import { claimObjects, recheckDeletionTimestamp } from '../shared/claimPods';
import { isPodAvailable } from '../shared/podUtil';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';
import { planManage } from './manage';
import { DaemonNodeChecker, getTargetNodeName, type ShouldRun } from './nodeShouldRun';
import { syncNodes, TEMPLATE_GENERATION_ANNOTATION } from './podControl';
import { cleanupHistory, constructHistory } from './revisions';
import { allowsSurge, planRollingUpdate, rollingParams } from './rolling';
import { OWNER_INDEX, stateFor, type DaemonSetState } from './state';
import { writeStatus } from './statusWrite';

export interface SyncView {
  ds: Readonly<DaemonSet>;
  nodes: string[];
  shouldRun: (node: string) => ShouldRun;
  nodeExists: (node: string) => boolean;
}

/** getDaemonPods + getNodesToDaemonPods: claimed pods by target node (terminal pods being deleted left out) */
export function nodesToDaemonPods(
  ctx: ReconcileContext,
  ds: Readonly<DaemonSet>,
  includeDeletedTerminal: boolean,
): Map<string, Readonly<Pod>[]> {
  const owner = ds as unknown as KubeObject;
  const inf = ctx.informers.for('pods');
  const ns = ds.metadata?.namespace ?? '';
  const candidates = [
    ...inf.byIndex(OWNER_INDEX, ds.metadata?.uid ?? ''),
    ...inf.byIndex(OWNER_INDEX, `orphan/${ns}`),
  ];
  const res = claimObjects(owner, selectorFromLabelSelector(ds.spec?.selector), candidates, {
    api: ctx.api,
    request: ctx.request,
    resource: 'pods',
    canAdopt: recheckDeletionTimestamp(ctx.api, 'daemonsets', owner),
  });
  if (res.error) throw new Error(res.error);
  const out = new Map<string, Readonly<Pod>[]>();
  for (const obj of res.claimed) {
    const pod = obj as unknown as Readonly<Pod>;
    const phase = pod.status?.phase;
    if (
      !includeDeletedTerminal &&
      (phase === 'Succeeded' || phase === 'Failed') &&
      pod.metadata?.deletionTimestamp
    )
      continue;
    const node = getTargetNodeName(pod);
    if (node === undefined) continue;
    const list = out.get(node);
    if (list) list.push(pod);
    else out.set(node, [pod]);
  }
  return out;
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
    const byNode = nodesToDaemonPods(ctx, ds, false);
    let desired = 0;
    for (const node of view.nodes) {
      if (!view.shouldRun(node).shouldRun) continue;
      desired++;
      if (!byNode.has(node)) byNode.set(node, []);
    }
    const { maxSurge, maxUnavailable } = rollingParams(ds.spec.updateStrategy, desired);
    const roll = planRollingUpdate({
      nodeToDaemonPods: byNode,
      hash,
      desiredNumberScheduled: desired,
      maxSurge,
      maxUnavailable,
      isAvailable: (p) => isPodAvailable(p, minReadySeconds, nowMs),
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
  const byName = new Map<string, Readonly<Node>>();
  for (const n of nodeObjs) byName.set(n.metadata?.name ?? '', n);
  const checker = new DaemonNodeChecker(ds);
  const memo = new Map<string, ShouldRun>();
  return {
    ds,
    nodes: [...byName.keys()],
    nodeExists: (name) => byName.has(name),
    shouldRun(name) {
      let r = memo.get(name);
      if (!r) {
        const node = byName.get(name);
        r = node ? checker.check(node) : { shouldRun: false, shouldContinueRunning: false };
        memo.set(name, r);
      }
      return r;
    },
  };
}

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
