// The two built-in PriorityClasses the API server bootstraps (pkg/apis/scheduling SystemPriorityClasses,
// pkg/registry/scheduling/rest/storage_scheduling.go AddSystemPriorityClasses).
import type { KubeObject } from '../../types/object';
import { SYSTEM_PRIORITY_CLASSES } from '../../apiserver/admission/priority';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'system-node-critical': 'Used for system critical pods that must not be moved from their current node.',
  'system-cluster-critical':
    'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
};

export function systemPriorityClasses(): KubeObject[] {
  return Object.entries(SYSTEM_PRIORITY_CLASSES).map(([name, value]) => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name },
    value,
    description: DESCRIPTIONS[name] ?? '',
    preemptionPolicy: 'PreemptLowerPriority',
  }));
}
