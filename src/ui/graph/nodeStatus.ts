// A Node's summary as the canvas shows it: readiness (as `kubectl get nodes` STATUS), roles, zone, capacity.
import type { Node as K8sNode } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine/index';

export type NodeReadiness = 'Ready' | 'NotReady' | 'Unknown' | 'Missing';

export type NodeSummary = {
  name: string;
  readiness: NodeReadiness;
  schedulable: boolean;
  roles: string;
  zone: string | undefined;
  cpu: string | undefined;
  memory: string | undefined;
};

const ROLE_PREFIX = 'node-role.kubernetes.io/';

// mirrors kubectl pkg/printers/internalversion/printers.go printNode (STATUS and ROLES columns)
export function summarizeNode(obj: KubeObject): NodeSummary {
  const node = obj as unknown as K8sNode;
  const labels = node.metadata?.labels ?? {};
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const readiness: NodeReadiness = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith(ROLE_PREFIX))
    .map((k) => k.slice(ROLE_PREFIX.length))
    .filter((r) => r !== '')
    .sort();
  if (labels['kubernetes.io/role']) roles.push(labels['kubernetes.io/role']);
  return {
    name: node.metadata?.name ?? '',
    readiness,
    schedulable: !node.spec?.unschedulable,
    roles: roles.length ? roles.join(',') : '<none>',
    zone: labels['topology.kubernetes.io/zone'],
    cpu: node.status?.capacity?.cpu,
    memory: node.status?.capacity?.memory,
  };
}
