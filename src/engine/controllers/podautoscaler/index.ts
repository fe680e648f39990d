// Public surface of the HorizontalPodAutoscaler controller and its pure planners.
export { horizontalPodAutoscalerController, HPA_CONTROLLER_NAME, HPA_SYNC_PERIOD_MS } from './controller';
export {
  resourceReplicas,
  plainMetricReplicas,
  objectValueReplicas,
  perPodTotalReplicas,
} from './replicaCalculator';
export { ScaleHistory, DOWNSCALE_STABILIZATION_WINDOW_MS } from './behavior';
export { OBJECT_METRIC_ANNOTATION_PREFIX } from './computeMetrics';
