// Policy and autoscaling columns: horizontalpodautoscalers, networkpolicies, poddisruptionbudgets.
// mirrors pkg/printers/internalversion/printers.go printHorizontalPodAutoscaler (formatHPAMetrics) /
// printNetworkPolicy / printPodDisruptionBudget.
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KindPrinter } from './types';
import { translateTimestampSince } from '../age';
import { formatLabelSelector } from '../format';

function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string | undefined {
  if (spec.type === 'Resource' && spec.resource) {
    const t = spec.resource.target;
    if (t.averageValue !== undefined) {
      const cur = status?.resource?.current.averageValue ?? '<unknown>';
      return `${spec.resource.name}: ${String(cur)}/${String(t.averageValue)}`;
    }
    const util = status?.resource?.current.averageUtilization;
    const cur = util !== undefined ? `${util}%` : '<unknown>';
    const target = t.averageUtilization !== undefined ? `${t.averageUtilization}%` : '<auto>';
    return `${spec.resource.name}: ${cur}/${target}`;
  }
  if (spec.type === 'ContainerResource' && spec.containerResource) {
    const t = spec.containerResource.target;
    const util = status?.containerResource?.current.averageUtilization;
    const cur = util !== undefined ? `${util}%` : '<unknown>';
    const target = t.averageUtilization !== undefined ? `${t.averageUtilization}%` : '<auto>';
    return `${spec.containerResource.name}: ${cur}/${target}`;
  }
  if (spec.type === 'Pods' && spec.pods) {
    const cur = status?.pods?.current.averageValue ?? '<unknown>';
    return `${String(cur)}/${String(spec.pods.target.averageValue ?? '')}`;
  }
  return undefined;
}

/** mirrors formatHPAMetrics: at most 2 metrics, then ` + N more...`; `<none>` without metrics */
export function formatHPAMetrics(
  specs: readonly MetricSpec[] | undefined,
  statuses: readonly MetricStatus[] | undefined,
): string {
  const list = specs ?? [];
  if (list.length === 0) return '<none>';
  const parts: string[] = [];
  list.forEach((s, i) => parts.push(formatMetric(s, statuses?.[i]) ?? '<unknown type>'));
  const max = 2;
  const ret = parts.slice(0, max).join(', ');
  return parts.length > max ? `${ret} + ${parts.length - max} more...` : ret;
}

export const hpaPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Reference' },
    { name: 'Targets' },
    { name: 'MinPods' },
    { name: 'MaxPods' },
    { name: 'Replicas' },
    { name: 'Age' },
  ],
  row(obj, { nowMs }) {
    const hpa = obj as unknown as HorizontalPodAutoscaler;
    const ref = hpa.spec?.scaleTargetRef;
    return [
      obj.metadata.name ?? '',
      ref ? `${ref.kind}/${ref.name}` : '',
      formatHPAMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
      hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
      String(hpa.spec?.maxReplicas ?? 0),
      String(hpa.status?.currentReplicas ?? 0),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};

export const networkPolicyPrinter: KindPrinter = {
  columns: [{ name: 'Name', format: 'name' }, { name: 'Pod-Selector' }, { name: 'Age' }],
  row(obj, { nowMs }) {
    const np = obj as unknown as NetworkPolicy;
    return [
      obj.metadata.name ?? '',
      formatLabelSelector(np.spec?.podSelector ?? {}),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};

export const pdbPrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Min Available' },
    { name: 'Max Unavailable' },
    { name: 'Allowed Disruptions' },
    { name: 'Age' },
  ],
  row(obj, { nowMs }) {
    const pdb = obj as unknown as PodDisruptionBudget;
    const str = (v: string | number | undefined) => (v === undefined ? 'N/A' : String(v));
    return [
      obj.metadata.name ?? '',
      str(pdb.spec?.minAvailable),
      str(pdb.spec?.maxUnavailable),
      String(pdb.status?.disruptionsAllowed ?? 0),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
