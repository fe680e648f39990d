// Cluster-level columns: nodes and namespaces.
// mirrors pkg/printers/internalversion/printers.go printNode (findNodeRoles, getNodeInternalIP) / printNamespace.
import type { Namespace, Node } from 'kubernetes-types/core/v1';
import type { KindPrinter } from './types';
import { translateTimestampSince } from '../age';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** mirrors findNodeRoles: sorted, unique */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

/** `Ready`, `NotReady`, `Unknown`, with `,SchedulingDisabled` when cordoned */
export function nodeStatusString(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const address = (node: Node, type: string): string =>
  (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';

export const nodePrinter: KindPrinter = {
  columns: [
    { name: 'Name', format: 'name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', priority: 1 },
    { name: 'External-IP', priority: 1 },
    { name: 'OS-Image', priority: 1 },
    { name: 'Kernel-Version', priority: 1 },
    { name: 'Container-Runtime', priority: 1 },
  ],
  row(obj, { nowMs }) {
    const node = obj as unknown as Node;
    const info = node.status?.nodeInfo;
    const roles = findNodeRoles(node).join(',');
    return [
      obj.metadata.name ?? '',
      nodeStatusString(node),
      roles.length === 0 ? '<none>' : roles,
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

export const namespacePrinter: KindPrinter = {
  columns: [{ name: 'Name', format: 'name' }, { name: 'Status' }, { name: 'Age' }],
  row(obj, { nowMs }) {
    const ns = obj as unknown as Namespace;
    return [
      obj.metadata.name ?? '',
      ns.status?.phase ?? '',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
    ];
  },
};
