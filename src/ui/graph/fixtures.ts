// Small object builders for the graph and state tests (Nodes and Pods shaped like the API server returns them).
import type { KubeObject } from '../../engine/index';

export function makeNode(
  name: string,
  opts: { ready?: 'True' | 'False' | 'Unknown'; zone?: string; role?: string; unschedulable?: boolean } = {},
): KubeObject {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name };
  if (opts.zone) labels['topology.kubernetes.io/zone'] = opts.zone;
  if (opts.role) labels[`node-role.kubernetes.io/${opts.role}`] = '';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: opts.unschedulable ? { unschedulable: true } : {},
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      conditions: opts.ready ? [{ type: 'Ready', status: opts.ready }] : [],
    },
  };
}

export function makePod(
  name: string,
  opts: { nodeName?: string; namespace?: string; status?: Record<string, unknown>; deleting?: boolean } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: opts.namespace ?? 'default',
      ...(opts.deleting ? { deletionTimestamp: '2024-01-01T00:00:30Z' } : {}),
    },
    spec: {
      containers: [{ name: 'c', image: 'nginx' }],
      ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
    },
    status: opts.status ?? { phase: 'Pending' },
  };
}

export const running = (ready: boolean) => ({
  phase: 'Running',
  conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  containerStatuses: [
    { name: 'c', ready, restartCount: 0, image: 'nginx', imageID: '', state: { running: {} } },
  ],
});
