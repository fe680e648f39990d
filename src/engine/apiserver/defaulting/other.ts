// Defaulting outside core and apps: HPA (autoscaling/v2, v1), NetworkPolicy, EndpointSlice, PriorityClass.
// mirrors pkg/apis/autoscaling/v2/defaults.go, pkg/apis/autoscaling/v1/defaults.go, pkg/apis/networking/v1/defaults.go,
// pkg/apis/discovery/v1/defaults.go and pkg/apis/scheduling/v1/defaults.go.
import type { HorizontalPodAutoscalerSpec, HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import type { NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { EndpointPort } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../types/object';

const scaleUpDefaults = (): HPAScalingRules => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});

/** scale-down keeps stabilizationWindowSeconds unset: the controller flag (5m) decides */
const scaleDownDefaults = (): HPAScalingRules => ({
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
});

/** copyHPAScalingRules: set fields of `from` win over the defaults */
function fillRules(from: HPAScalingRules | undefined, defaults: HPAScalingRules): HPAScalingRules {
  if (!from) return defaults;
  const out = { ...defaults };
  if (from.selectPolicy !== undefined) out.selectPolicy = from.selectPolicy;
  if (from.stabilizationWindowSeconds !== undefined)
    out.stabilizationWindowSeconds = from.stabilizationWindowSeconds;
  if (from.policies !== undefined) out.policies = from.policies;
  return out;
}

export function defaultHorizontalPodAutoscaler(obj: KubeObject, version: string): void {
  const spec = (obj.spec ??= {}) as HorizontalPodAutoscalerSpec;
  spec.minReplicas ??= 1;
  // autoscaling/v1 carries targetCPUUtilizationPercentage instead of metrics; the 80% default lives in the controller
  if (version === 'v1') return;
  if (!spec.metrics?.length) {
    spec.metrics = [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
      },
    ];
  }
  if (spec.behavior) {
    spec.behavior.scaleUp = fillRules(spec.behavior.scaleUp, scaleUpDefaults());
    spec.behavior.scaleDown = fillRules(spec.behavior.scaleDown, scaleDownDefaults());
  }
}

/** SetDefaults_NetworkPolicy: policyTypes Ingress (+ Egress when egress rules exist); ports TCP */
export function defaultNetworkPolicy(obj: KubeObject): void {
  const spec = (obj.spec ??= {}) as NetworkPolicySpec;
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])])
    for (const p of rule.ports ?? []) p.protocol ||= 'TCP';
  if (!spec.policyTypes?.length) {
    spec.policyTypes = (spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

/** SetDefaults_EndpointPort: name "" and protocol TCP */
export function defaultEndpointSlice(obj: KubeObject): void {
  for (const p of (obj.ports ?? []) as EndpointPort[]) {
    p.name ??= '';
    p.protocol ??= 'TCP';
  }
}

export function defaultPriorityClass(obj: KubeObject): void {
  if (!obj.preemptionPolicy) obj.preemptionPolicy = 'PreemptLowerPriority';
}
