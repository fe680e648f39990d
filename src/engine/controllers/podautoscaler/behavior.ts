// Stabilization windows and scaling-rate limits of the HPA, with or without spec.behavior.
// mirrors pkg/controller/podautoscaler/horizontal.go normalizeDesiredReplicas(WithBehaviors),
// stabilizeRecommendation(WithBehaviors), convertDesiredReplicasWithRules / WithBehaviorRate, storeScaleEvent.
import type { HPAScalingRules, HorizontalPodAutoscalerBehavior } from 'kubernetes-types/autoscaling/v2';

/** --horizontal-pod-autoscaler-downscale-stabilization */
export const DOWNSCALE_STABILIZATION_WINDOW_MS = 300_000;

interface Recommendation {
  replicas: number;
  atMs: number;
}
interface ScaleEvent {
  change: number;
  atMs: number;
  outdated: boolean;
}

export interface Limited {
  replicas: number;
  reason: string;
  message: string;
}

export interface Normalized {
  desired: number;
  /** AbleToScale condition (True) */
  ableReason: string;
  ableMessage: string;
  /** ScalingLimited condition: status True when desired differs from the stabilized recommendation */
  limitedStatus: 'True' | 'False';
  limitedReason: string;
  limitedMessage: string;
}

const READY = ['ReadyForNewScale', 'recommended size matches current size'] as const;
const DOWN_STABILIZED = [
  'ScaleDownStabilized',
  'recent recommendations were higher than current one, applying the highest recent recommendation',
] as const;
const UP_STABILIZED = [
  'ScaleUpStabilized',
  'recent recommendations were lower than current one, applying the lowest recent recommendation',
] as const;
const WITHIN = ['DesiredWithinRange', 'the desired count is within the acceptable range'] as const;
const UP_LIMIT = [
  'ScaleUpLimit',
  'the desired replica count is increasing faster than the maximum scale rate',
] as const;
const DOWN_LIMIT = [
  'ScaleDownLimit',
  'the desired replica count is decreasing faster than the maximum scale rate',
] as const;
const TOO_MANY = [
  'TooManyReplicas',
  'the desired replica count is more than the maximum replica count',
] as const;
const TOO_FEW = [
  'TooFewReplicas',
  'the desired replica count is less than the minimum replica count',
] as const;

const lim = (replicas: number, [reason, message]: readonly [string, string]): Limited => ({
  replicas,
  reason,
  message,
});

/** convertDesiredReplicasWithRules: no behavior, scale up at most to max(2*current, 4) */
export function convertDesiredReplicasWithRules(
  current: number,
  desired: number,
  min: number,
  max: number,
): Limited {
  const scaleUpLimit = Math.max(2 * current, 4);
  const [maxAllowed, maxWhy] = max > scaleUpLimit ? [scaleUpLimit, UP_LIMIT] : [max, TOO_MANY];
  if (desired < min) return lim(min, TOO_FEW);
  if (desired > maxAllowed) return lim(maxAllowed, maxWhy);
  return lim(desired, WITHIN);
}

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules (pkg/apis/autoscaling/v2/defaults.go) */
export function defaultedBehavior(b: HorizontalPodAutoscalerBehavior): {
  scaleUp: Required<HPAScalingRules>;
  scaleDown: Required<HPAScalingRules>;
} {
  const up = b.scaleUp ?? {};
  const down = b.scaleDown ?? {};
  return {
    scaleUp: {
      stabilizationWindowSeconds: up.stabilizationWindowSeconds ?? 0,
      selectPolicy: up.selectPolicy ?? 'Max',
      policies: up.policies ?? [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    },
    scaleDown: {
      // maybeInitScaleDownStabilizationWindow: the controller's default window when unset
      stabilizationWindowSeconds: down.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_WINDOW_MS / 1000,
      selectPolicy: down.selectPolicy ?? 'Max',
      policies: down.policies ?? [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    },
  };
}

/** per-HPA memory of recommendations and scale events, as the controller keeps them in memory */
export class ScaleHistory {
  private readonly recommendations = new Map<string, Recommendation[]>();
  private readonly upEvents = new Map<string, ScaleEvent[]>();
  private readonly downEvents = new Map<string, ScaleEvent[]>();

  forget(key: string): void {
    this.recommendations.delete(key);
    this.upEvents.delete(key);
    this.downEvents.delete(key);
  }

  private record(key: string, replicas: number, nowMs: number, oldIndex: number | undefined): void {
    const recs = this.recommendations.get(key) ?? [];
    if (oldIndex !== undefined) recs[oldIndex] = { replicas, atMs: nowMs };
    else recs.push({ replicas, atMs: nowMs });
    this.recommendations.set(key, recs);
  }

  /** normalizeDesiredReplicas (spec.behavior unset) */
  normalize(
    key: string,
    current: number,
    desired: number,
    min: number,
    max: number,
    nowMs: number,
  ): Normalized {
    const cutoff = nowMs - DOWNSCALE_STABILIZATION_WINDOW_MS;
    let stabilized = desired;
    let oldIndex: number | undefined;
    (this.recommendations.get(key) ?? []).forEach((r, i) => {
      if (r.atMs < cutoff) oldIndex = i;
      else if (r.replicas > stabilized) stabilized = r.replicas;
    });
    this.record(key, desired, nowMs, oldIndex);
    const [ableReason, ableMessage] = stabilized !== desired ? DOWN_STABILIZED : READY;
    const l = convertDesiredReplicasWithRules(current, stabilized, min, max);
    return this.result(l, stabilized, ableReason, ableMessage);
  }

  /** normalizeDesiredReplicasWithBehaviors */
  normalizeWithBehavior(
    key: string,
    behavior: HorizontalPodAutoscalerBehavior,
    current: number,
    desired: number,
    min: number,
    max: number,
    nowMs: number,
  ): Normalized {
    const b = defaultedBehavior(behavior);
    const upCutoff = nowMs - b.scaleUp.stabilizationWindowSeconds * 1000;
    const downCutoff = nowMs - b.scaleDown.stabilizationWindowSeconds * 1000;
    let up = desired;
    let down = desired;
    let oldIndex: number | undefined;
    (this.recommendations.get(key) ?? []).forEach((r, i) => {
      if (r.atMs > upCutoff) up = Math.min(r.replicas, up);
      if (r.atMs > downCutoff) down = Math.max(r.replicas, down);
      if (r.atMs < upCutoff && r.atMs < downCutoff) oldIndex = i;
    });
    const stabilized = Math.min(Math.max(current, up), down);
    this.record(key, desired, nowMs, oldIndex);
    const [ableReason, ableMessage] =
      stabilized === desired ? READY : desired >= current ? UP_STABILIZED : DOWN_STABILIZED;
    const l = this.behaviorRate(key, b, current, stabilized, min, max, nowMs);
    return this.result(l, stabilized, ableReason, ableMessage);
  }

  private result(l: Limited, stabilized: number, ableReason: string, ableMessage: string): Normalized {
    return {
      desired: l.replicas,
      ableReason,
      ableMessage,
      limitedStatus: l.replicas === stabilized ? 'False' : 'True',
      limitedReason: l.reason,
      limitedMessage: l.message,
    };
  }

  /** convertDesiredReplicasWithBehaviorRate */
  private behaviorRate(
    key: string,
    b: ReturnType<typeof defaultedBehavior>,
    current: number,
    desired: number,
    min: number,
    max: number,
    nowMs: number,
  ): Limited {
    const ups = this.upEvents.get(key) ?? [];
    const downs = this.downEvents.get(key) ?? [];
    if (desired > current) {
      const limit = Math.max(current, scaleLimit('up', current, ups, downs, b.scaleUp, nowMs));
      const [maxAllowed, why] = max > limit ? [limit, UP_LIMIT] : [max, TOO_MANY];
      if (desired > maxAllowed) return lim(maxAllowed, why);
    } else if (desired < current) {
      const limit = Math.min(current, scaleLimit('down', current, ups, downs, b.scaleDown, nowMs));
      const [minAllowed, why] = min < limit ? [limit, DOWN_LIMIT] : [min, TOO_FEW];
      if (desired < minAllowed) return lim(minAllowed, why);
    }
    return lim(desired, WITHIN);
  }

  /** storeScaleEvent: remember a rescale for the rate limits of spec.behavior */
  storeScaleEvent(
    key: string,
    behavior: HorizontalPodAutoscalerBehavior | undefined,
    prev: number,
    next: number,
    nowMs: number,
  ): void {
    if (!behavior) return;
    const b = defaultedBehavior(behavior);
    const up = next > prev;
    const rules = up ? b.scaleUp : b.scaleDown;
    const map = up ? this.upEvents : this.downEvents;
    const longestMs = Math.max(0, ...rules.policies.map((p) => p.periodSeconds)) * 1000;
    const events = map.get(key) ?? [];
    for (const e of events) if (e.atMs <= nowMs - longestMs) e.outdated = true;
    const change = Math.abs(next - prev);
    const i = events.findIndex((e) => e.outdated);
    if (i >= 0) events[i] = { change, atMs: nowMs, outdated: false };
    else events.push({ change, atMs: nowMs, outdated: false });
    map.set(key, events);
  }
}

/** getReplicasChangePerPeriod */
function changeInPeriod(periodSeconds: number, events: readonly ScaleEvent[], nowMs: number): number {
  const cutoff = nowMs - periodSeconds * 1000;
  let n = 0;
  for (const e of events) if (e.atMs > cutoff) n += e.change;
  return n;
}

/** calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors */
export function scaleLimit(
  direction: 'up' | 'down',
  current: number,
  ups: readonly ScaleEvent[],
  downs: readonly ScaleEvent[],
  rules: Required<HPAScalingRules>,
  nowMs: number,
): number {
  if (rules.selectPolicy === 'Disabled') return current;
  // scale up: Max picks the most permissive (largest); scale down: Max picks the smallest floor
  const pickMax = (rules.selectPolicy === 'Min') === (direction === 'down');
  let result = pickMax ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const added = changeInPeriod(p.periodSeconds, ups, nowMs);
    const deleted = changeInPeriod(p.periodSeconds, downs, nowMs);
    let proposed: number;
    if (direction === 'up') {
      const start = current - added + deleted;
      proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    } else {
      const start = current + deleted - added;
      proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    }
    result = pickMax ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}
