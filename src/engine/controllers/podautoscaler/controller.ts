// The HorizontalPodAutoscaler controller (autoscaling/v2): every 15 s it reads the target's scale, computes the
// desired replicas from metrics, stabilizes and rate-limits them, rescales through the API and posts status.
// mirrors pkg/controller/podautoscaler/horizontal.go reconcileAutoscaler.
import type { HorizontalPodAutoscaler, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/types';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import { NAMESPACE_INDEX } from '../../client/informer';
import { selectorFromLabelSelector, type LabelSelectorLike } from '../../labels/selector';
import { metricsServerForApi } from '../../metrics/metricsServer';
import type { KubeObject, ObjectKey } from '../../types/object';
import { splitObjectKey } from '../../types/object';
import { ScaleHistory } from './behavior';
import { computeReplicasForMetrics, type Cond } from './computeMetrics';
import { metricsOf, setCondition } from './status';

export const HPA_CONTROLLER_NAME = 'horizontal-pod-autoscaler';
/** --horizontal-pod-autoscaler-sync-period */
export const HPA_SYNC_PERIOD_MS = 15_000;

interface ClusterState {
  history: ScaleHistory;
  lastSyncMs: Map<string, { atMs: number; generation: number }>;
}
const states = new WeakMap<ApiServer, ClusterState>();
function stateOf(api: ApiServer): ClusterState {
  let s = states.get(api);
  if (!s) states.set(api, (s = { history: new ScaleHistory(), lastSyncMs: new Map() }));
  return s;
}

interface Scale {
  info: { plural: string };
  obj: KubeObject;
  specReplicas: number;
  selector?: LabelSelectorLike;
}

function getScale(ctx: ReconcileContext, hpa: HorizontalPodAutoscaler, ns: string): Scale {
  const ref = hpa.spec?.scaleTargetRef;
  const info = ctx.api.resolveKind(ref?.apiVersion ?? 'apps/v1', ref?.kind ?? '');
  const obj = ctx.api.get(info.plural, ns, ref?.name ?? '');
  const spec = obj.spec as { replicas?: number; selector?: LabelSelectorLike } | undefined;
  const s: Scale = { info, obj, specReplicas: spec?.replicas ?? 1 };
  if (spec?.selector) s.selector = spec.selector;
  return s;
}

interface Sync {
  ctx: ReconcileContext;
  hpa: HorizontalPodAutoscaler;
  key: string;
  ns: string;
  conditions: NonNullable<NonNullable<HorizontalPodAutoscaler['status']>['conditions']>;
}

function cond(s: Sync, c: Cond): void {
  s.conditions = setCondition(s.conditions, c, s.ctx.sim.clock.nowRfc3339());
}

function event(s: Sync, type: 'Normal' | 'Warning', reason: string, message: string): void {
  s.ctx.events.event(s.hpa as unknown as KubeObject, type, reason, message, s.ctx.source);
}

function writeStatus(s: Sync, status: NonNullable<HorizontalPodAutoscaler['status']>): void {
  const next = { ...status, conditions: s.conditions };
  if (JSON.stringify(next) === JSON.stringify(s.hpa.status ?? {})) return;
  s.ctx.api.updateStatus(
    'horizontalpodautoscalers',
    s.ns,
    { ...(s.hpa as unknown as KubeObject), status: next },
    s.ctx.request,
  );
}

function podsFor(ctx: ReconcileContext, ns: string, selector: LabelSelectorLike): Readonly<Pod>[] {
  const sel = selectorFromLabelSelector(selector);
  return ctx.informers
    .for('pods')
    .byIndex(NAMESPACE_INDEX, ns)
    .filter((p) => sel.matches(p.metadata.labels)) as unknown as Readonly<Pod>[];
}

/** computeReplicasForMetrics and the min/max rules; returns undefined when metrics failed (status written) */
function desiredFor(
  s: Sync,
  scale: Scale,
  min: number,
  max: number,
): { desired: number; reason: string; statuses: MetricStatus[] } | undefined {
  const current = scale.specReplicas;
  if (!scale.selector) {
    event(s, 'Warning', 'SelectorRequired', 'selector is required');
    cond(s, {
      type: 'ScalingActive',
      status: 'False',
      reason: 'InvalidSelector',
      message: "the HPA target's scale is missing a selector",
    });
    writeStatus(s, {
      ...s.hpa.status,
      currentReplicas: current,
      desiredReplicas: s.hpa.status?.desiredReplicas ?? 0,
    });
    return undefined;
  }
  const now = s.ctx.nowMs();
  const out = computeReplicasForMetrics(
    {
      api: s.ctx.api,
      metrics: metricsServerForApi(s.ctx.api),
      namespace: s.ns,
      pods: podsFor(s.ctx, s.ns, scale.selector),
      specReplicas: current,
      calc: { nowMs: now },
      warn: (reason, message) => event(s, 'Warning', reason, message),
    },
    metricsOf(s.hpa.spec ?? { maxReplicas: 0, scaleTargetRef: { kind: '', name: '' } }),
  );
  cond(s, out.condition);
  if (out.replicas === -1) {
    writeStatus(s, {
      ...s.hpa.status,
      currentReplicas: current,
      desiredReplicas: s.hpa.status?.desiredReplicas ?? 0,
      currentMetrics: out.statuses,
    });
    event(s, 'Warning', 'FailedComputeMetricsReplicas', out.error ?? '');
    return undefined;
  }
  const desired = out.replicas;
  const reason =
    desired > current
      ? `${out.metricName} above target`
      : desired < current
        ? 'All metrics below target'
        : '';
  const behavior = s.hpa.spec?.behavior;
  const n = behavior
    ? stateOf(s.ctx.api).history.normalizeWithBehavior(s.key, behavior, current, desired, min, max, now)
    : stateOf(s.ctx.api).history.normalize(s.key, current, desired, min, max, now);
  cond(s, { type: 'AbleToScale', status: 'True', reason: n.ableReason, message: n.ableMessage });
  cond(s, {
    type: 'ScalingLimited',
    status: n.limitedStatus,
    reason: n.limitedReason,
    message: n.limitedMessage,
  });
  return { desired: n.desired, reason, statuses: out.statuses };
}

function rescale(s: Sync, scale: Scale, desired: number, reason: string): boolean {
  const obj = structuredClone(scale.obj);
  (obj.spec as { replicas?: number }).replicas = desired;
  try {
    s.ctx.api.update(scale.info.plural, s.ns, obj, s.ctx.request);
  } catch (e) {
    const msg = (e as Error).message;
    event(s, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${msg}`);
    cond(s, {
      type: 'AbleToScale',
      status: 'False',
      reason: 'FailedUpdateScale',
      message: `the HPA controller was unable to update the target scale: ${msg}`,
    });
    return false;
  }
  cond(s, {
    type: 'AbleToScale',
    status: 'True',
    reason: 'SucceededRescale',
    message: `the HPA controller was able to update the target scale to ${desired}`,
  });
  event(s, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
  stateOf(s.ctx.api).history.storeScaleEvent(
    s.key,
    s.hpa.spec?.behavior,
    scale.specReplicas,
    desired,
    s.ctx.nowMs(),
  );
  return true;
}

/** reconcileAutoscaler */
export function reconcileAutoscaler(s: Sync): ReconcileResult {
  let scale: Scale;
  try {
    scale = getScale(s.ctx, s.hpa, s.ns);
  } catch (e) {
    const msg = (e as Error).message;
    event(s, 'Warning', 'FailedGetScale', msg);
    cond(s, {
      type: 'AbleToScale',
      status: 'False',
      reason: 'FailedGetScale',
      message: `the HPA controller was unable to get the target's current scale: ${msg}`,
    });
    writeStatus(s, {
      ...s.hpa.status,
      currentReplicas: s.hpa.status?.currentReplicas ?? 0,
      desiredReplicas: s.hpa.status?.desiredReplicas ?? 0,
    });
    return {};
  }
  cond(s, {
    type: 'AbleToScale',
    status: 'True',
    reason: 'SucceededGetScale',
    message: "the HPA controller was able to get the target's current scale",
  });
  const current = scale.specReplicas;
  const min = s.hpa.spec?.minReplicas ?? 1;
  const max = s.hpa.spec?.maxReplicas ?? 1;
  let desired = 0;
  let reason = '';
  let statuses: MetricStatus[] | undefined = s.hpa.status?.currentMetrics;
  let doRescale = true;
  if (current === 0 && min !== 0) {
    doRescale = false;
    cond(s, {
      type: 'ScalingActive',
      status: 'False',
      reason: 'ScalingDisabled',
      message: 'scaling is disabled since the replica count of the target is zero',
    });
  } else if (current > max) {
    reason = 'Current number of replicas above Spec.MaxReplicas';
    desired = max;
  } else if (current < min) {
    reason = 'Current number of replicas below Spec.MinReplicas';
    desired = min;
  } else {
    const d = desiredFor(s, scale, min, max);
    if (!d) return {};
    ({ desired, reason, statuses } = d);
    doRescale = desired !== current;
  }
  const scaled = doRescale && rescale(s, scale, desired, reason);
  if (!scaled) desired = current;
  const status: NonNullable<HorizontalPodAutoscaler['status']> = {
    ...s.hpa.status,
    currentReplicas: current,
    desiredReplicas: desired,
  };
  if (statuses) status.currentMetrics = statuses;
  else delete status.currentMetrics;
  if (scaled) status.lastScaleTime = s.ctx.sim.clock.nowRfc3339();
  writeStatus(s, status);
  return {};
}

function reconcile(key: ObjectKey, ctx: ReconcileContext): ReconcileResult {
  const state = stateOf(ctx.api);
  const obj = ctx.informers.for('horizontalpodautoscalers').get(key);
  if (!obj) {
    state.history.forget(key);
    state.lastSyncMs.delete(key);
    return {};
  }
  // the HPA queue's fixed-interval rate limiter: one sync per period, however often the object changes
  const now = ctx.nowMs();
  const last = state.lastSyncMs.get(key);
  const generation = obj.metadata.generation ?? 0;
  if (last && last.generation === generation && now - last.atMs < HPA_SYNC_PERIOD_MS)
    return { requeueAfterMs: last.atMs + HPA_SYNC_PERIOD_MS - now };
  state.lastSyncMs.set(key, { atMs: now, generation });
  const hpa = structuredClone(obj) as unknown as HorizontalPodAutoscaler;
  const ns = splitObjectKey(key).namespace ?? 'default';
  const result = reconcileAutoscaler({ ctx, hpa, key, ns, conditions: [...(hpa.status?.conditions ?? [])] });
  return { ...result, requeueAfterMs: HPA_SYNC_PERIOD_MS };
}

export const horizontalPodAutoscalerController: ControllerDefinition = {
  name: HPA_CONTROLLER_NAME,
  watches: [{ resource: 'horizontalpodautoscalers' }],
  reconcile,
};
