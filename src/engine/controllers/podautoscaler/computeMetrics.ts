// One HPA's metric specs turned into a replica proposal plus status.currentMetrics, with Kubernetes' errors.
// mirrors pkg/controller/podautoscaler/horizontal.go computeReplicasForMetrics / computeReplicasForMetric and
// metrics/client.go (resource metrics from metrics-server; Pods and Object metrics from the simulated adapter:
// a Pods metric of any name is the pod's share of `sim load --rps`; an Object metric is read from the described
// object's annotation `metrics.kubesim.io/<metric name>`; External metrics are not served).
import type { MetricSpec, MetricStatus, MetricTarget } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/types';
import { milliValue, Quantity } from '../../quantity/index';
import type { MetricsServer } from '../../metrics/metricsServer';
import { METRIC_RESOLUTION_MS } from '../../metrics/metricsServer';
import type { CalcContext, PodMetricsInfo } from './replicaCalculator';
import {
  objectValueReplicas,
  perPodTotalReplicas,
  plainMetricReplicas,
  resourceReplicas,
} from './replicaCalculator';

export const OBJECT_METRIC_ANNOTATION_PREFIX = 'metrics.kubesim.io/';

export interface Cond {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export interface MetricsInput {
  api: ApiServer;
  metrics: MetricsServer | undefined;
  namespace: string;
  pods: readonly Readonly<Pod>[];
  specReplicas: number;
  calc: CalcContext;
  /** Warning Event on the HPA */
  warn(reason: string, message: string): void;
}

export interface MetricsOutcome {
  /** -1: no valid proposal (error set) */
  replicas: number;
  metricName: string;
  statuses: MetricStatus[];
  /** condition to set: ScalingActive True ValidMetricFound, or the first invalid metric's */
  condition: Cond;
  error?: string;
}

class MetricError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

const milliQuantity = (milli: number) => Quantity.fromMilli(Math.trunc(milli)).toString();

function resourcePodMetrics(input: MetricsInput, resource: string, container?: string): PodMetricsInfo {
  const out: PodMetricsInfo = new Map();
  if (!input.metrics)
    throw new Error('the server could not find the requested resource (get pods.metrics.k8s.io)');
  for (const pod of input.pods) {
    const name = pod.metadata?.name ?? '';
    const m = input.metrics.getPodMetrics(input.namespace, name);
    if (!m) continue;
    let v = 0;
    for (const c of m.containers) {
      if (container && c.name !== container) continue;
      const q = resource === 'cpu' ? c.usage.cpu : resource === 'memory' ? c.usage.memory : '0';
      v += milliValue(q);
    }
    out.set(name, { value: v, timestampMs: input.calc.nowMs, windowMs: METRIC_RESOLUTION_MS });
  }
  if (out.size === 0) throw new Error('no metrics returned from resource metrics API');
  return out;
}

function resourceProposal(
  input: MetricsInput,
  name: string,
  target: MetricTarget,
  container: string | undefined,
  status: MetricStatus,
): [number, string] {
  const get = () => {
    try {
      return resourcePodMetrics(input, name, container);
    } catch (e) {
      throw new Error(`unable to get metrics for resource ${name}: ${(e as Error).message}`, { cause: e });
    }
  };
  const current: { averageUtilization?: number; averageValue?: string } = {};
  const key = container ? 'containerResource' : 'resource';
  const reason = container ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric';
  if (target.averageValue !== undefined) {
    try {
      const r = plainMetricReplicas(
        input.specReplicas,
        milliValue(target.averageValue),
        name,
        input.pods,
        get(),
        input.calc,
      );
      current.averageValue = milliQuantity(r.rawAverage);
      Object.assign(status, {
        type: container ? 'ContainerResource' : 'Resource',
        [key]: { name, ...(container ? { container } : {}), current },
      });
      return [r.replicas, `${name} resource`];
    } catch (e) {
      throw new MetricError(`failed to get ${name} usage: ${(e as Error).message}`, reason);
    }
  }
  if (target.averageUtilization === undefined)
    throw new MetricError(
      'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set',
      reason,
    );
  try {
    const r = resourceReplicas(
      input.specReplicas,
      target.averageUtilization,
      name,
      input.pods,
      get(),
      input.calc,
      container,
    );
    current.averageUtilization = r.utilization as number;
    current.averageValue = milliQuantity(r.rawAverage);
    Object.assign(status, {
      type: container ? 'ContainerResource' : 'Resource',
      [key]: { name, ...(container ? { container } : {}), current },
    });
    const what = container ? `${name} container resource utilization` : `${name} resource utilization`;
    return [r.replicas, `${what} (percentage of request)`];
  } catch (e) {
    throw new MetricError(`failed to get ${name} utilization: ${(e as Error).message}`, reason);
  }
}

function podsProposal(
  input: MetricsInput,
  spec: NonNullable<MetricSpec['pods']>,
  status: MetricStatus,
): [number, string] {
  const metricName = spec.metric.name;
  try {
    const m: PodMetricsInfo = new Map();
    for (const pod of input.pods) {
      const name = pod.metadata?.name ?? '';
      const rps = input.metrics?.getPodRps(input.namespace, name);
      if (rps !== undefined)
        m.set(name, { value: rps * 1000, timestampMs: input.calc.nowMs, windowMs: METRIC_RESOLUTION_MS });
    }
    if (m.size === 0)
      throw new Error(`unable to get metric ${metricName}: no metrics returned from custom metrics API`);
    const r = plainMetricReplicas(
      input.specReplicas,
      milliValue(spec.target.averageValue ?? '0'),
      '',
      input.pods,
      m,
      input.calc,
    );
    Object.assign(status, {
      type: 'Pods',
      pods: { metric: spec.metric, current: { averageValue: milliQuantity(r.rawAverage) } },
    });
    return [r.replicas, `pods metric ${metricName}`];
  } catch (e) {
    throw new MetricError(`failed to get pods metric value: ${(e as Error).message}`, 'FailedGetPodsMetric');
  }
}

function objectProposal(
  input: MetricsInput,
  spec: NonNullable<MetricSpec['object']>,
  status: MetricStatus,
): [number, string] {
  const ref = spec.describedObject;
  const metricName = spec.metric.name;
  try {
    let raw: string | undefined;
    try {
      const info = input.api.resolveKind(ref.apiVersion ?? 'v1', ref.kind);
      raw = input.api.get(info.plural, input.namespace, ref.name).metadata.annotations?.[
        OBJECT_METRIC_ANNOTATION_PREFIX + metricName
      ];
    } catch (e) {
      throw new Error(
        `unable to get metric ${metricName}: ${ref.kind} on ${input.namespace} ${ref.name}/${(e as Error).message}`,
        { cause: e },
      );
    }
    if (raw === undefined)
      throw new Error(
        `unable to get metric ${metricName}: ${ref.kind} on ${input.namespace} ${ref.name}/no metric value (annotation ${OBJECT_METRIC_ANNOTATION_PREFIX}${metricName} unset)`,
      );
    const usage = milliValue(raw);
    let replicas: number;
    const current: { value?: string; averageValue?: string } = {};
    if (spec.target.type === 'AverageValue' && spec.target.averageValue !== undefined) {
      replicas = perPodTotalReplicas(
        input.specReplicas,
        usage,
        milliValue(spec.target.averageValue),
        input.calc.tolerance,
      );
      current.averageValue = milliQuantity(usage / Math.max(1, input.specReplicas));
    } else {
      replicas = objectValueReplicas(
        input.specReplicas,
        usage,
        milliValue(spec.target.value ?? '0'),
        input.pods,
        input.calc.tolerance,
      );
      current.value = milliQuantity(usage);
    }
    Object.assign(status, { type: 'Object', object: { metric: spec.metric, describedObject: ref, current } });
    return [replicas, `${ref.kind} metric ${metricName}`];
  } catch (e) {
    throw new MetricError(
      `failed to get object metric value: ${(e as Error).message}`,
      'FailedGetObjectMetric',
    );
  }
}

function proposal(input: MetricsInput, spec: MetricSpec, status: MetricStatus): [number, string] {
  switch (spec.type) {
    case 'Resource':
      if (!spec.resource) break;
      try {
        return resourceProposal(input, spec.resource.name, spec.resource.target, undefined, status);
      } catch (e) {
        const me = e as MetricError;
        throw new MetricError(
          `failed to get ${spec.resource.name} resource metric value: ${me.message}`,
          me.reason,
        );
      }
    case 'ContainerResource':
      if (!spec.containerResource) break;
      try {
        const cr = spec.containerResource;
        return resourceProposal(input, cr.name, cr.target, cr.container, status);
      } catch (e) {
        const me = e as MetricError;
        throw new MetricError(
          `failed to get ${spec.containerResource.name} container metric value: ${me.message}`,
          me.reason,
        );
      }
    case 'Pods':
      if (spec.pods) return podsProposal(input, spec.pods, status);
      break;
    case 'Object':
      if (spec.object) return objectProposal(input, spec.object, status);
      break;
    case 'External':
      throw new MetricError(
        `failed to get external metric value: unable to get external metric ${input.namespace}/${spec.external?.metric.name ?? ''}: no external metrics API in kubesim`,
        'FailedGetExternalMetric',
      );
  }
  throw new MetricError(`unknown metric source type "${spec.type}"`, 'InvalidMetricSourceType');
}

/** the error as getUnableComputeReplicaCountCondition sees it: before computeReplicasForMetric wraps it */
function innerMessage(e: Error): string {
  return e.message.replace(
    /^failed to get (\S+ (resource|container) |pods |object |external )metric value: /,
    '',
  );
}

/** computeReplicasForMetrics: the largest proposal; any invalid metric blocks a scale-down */
export function computeReplicasForMetrics(input: MetricsInput, specs: readonly MetricSpec[]): MetricsOutcome {
  let replicas = 0;
  let metricName = '';
  let invalid = 0;
  let firstError: MetricError | undefined;
  const statuses: MetricStatus[] = specs.map(() => ({ type: '' }));
  specs.forEach((spec, i) => {
    try {
      const [n, name] = proposal(input, spec, statuses[i] as MetricStatus);
      if (replicas === 0 || n > replicas) {
        replicas = n;
        metricName = name;
      }
    } catch (e) {
      const me =
        e instanceof MetricError ? e : new MetricError((e as Error).message, 'FailedGetResourceMetric');
      // getUnableComputeReplicaCountCondition records an Event per failing metric
      input.warn(me.reason, innerMessage(me));
      if (!firstError) firstError = me;
      invalid++;
    }
  });
  const error = firstError
    ? `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError.message}`
    : undefined;
  if (firstError && (invalid >= specs.length || replicas < input.specReplicas)) {
    return {
      replicas: -1,
      metricName: '',
      statuses,
      condition: {
        type: 'ScalingActive',
        status: 'False',
        reason: firstError.reason,
        message: `the HPA was unable to compute the replica count: ${innerMessage(firstError)}`,
      },
      error,
    };
  }
  const out: MetricsOutcome = {
    replicas,
    metricName,
    statuses,
    condition: {
      type: 'ScalingActive',
      status: 'True',
      reason: 'ValidMetricFound',
      message: `the HPA was able to successfully calculate a replica count from ${metricName}`,
    },
  };
  if (error) out.error = error;
  return out;
}
