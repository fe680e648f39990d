// HPA status helpers: conditions that keep lastTransitionTime while their status holds, and the spec defaults
// the controller reads (pkg/apis/autoscaling/v2/defaults.go SetDefaults_HorizontalPodAutoscaler).
import type {
  HorizontalPodAutoscalerCondition,
  HorizontalPodAutoscalerSpec,
  MetricSpec,
} from 'kubernetes-types/autoscaling/v2';
import type { Cond } from './computeMetrics';

/** the default metric when spec.metrics is empty: cpu at 80% utilization */
export const DEFAULT_CPU_UTILIZATION = 80;

export function metricsOf(spec: HorizontalPodAutoscalerSpec): MetricSpec[] {
  if (spec.metrics && spec.metrics.length > 0) return spec.metrics;
  return [
    {
      type: 'Resource',
      resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } },
    },
  ];
}

/** setCondition: replace the condition of that type, moving lastTransitionTime only on a status change */
export function setCondition(
  conditions: HorizontalPodAutoscalerCondition[],
  c: Cond,
  nowRfc3339: string,
): HorizontalPodAutoscalerCondition[] {
  const i = conditions.findIndex((x) => x.type === c.type);
  const prev = i >= 0 ? conditions[i] : undefined;
  const next: HorizontalPodAutoscalerCondition = {
    type: c.type,
    status: c.status,
    lastTransitionTime:
      prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : nowRfc3339,
    reason: c.reason,
    message: c.message,
  };
  const out = [...conditions];
  if (i >= 0) out[i] = next;
  else out.push(next);
  return out;
}
