// Messages between the UI thread and the engine worker (the only channel into the simulated cluster).
import type { CommandResult, KubeObject } from '../../engine/index';

/** kinds the UI mirrors; everything else (Events, Leases, ...) stays in the worker */
export const SHOWN_KINDS: ReadonlySet<string> = new Set([
  'Node',
  'Pod',
  'Namespace',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'Service',
  'EndpointSlice',
  'ConfigMap',
  'PersistentVolumeClaim',
  'HorizontalPodAutoscaler',
]);

export type ToWorker =
  | { type: 'hello'; seed?: number }
  | { type: 'run'; id: number; line: string; stdin?: string }
  | { type: 'reset'; seed: number };

export interface ObjectRef {
  kind: string;
  /** namespace/name, or name for cluster-scoped objects */
  key: string;
}

/** changes since the last snapshot message; `full` replaces everything the UI holds */
export interface SnapshotMessage {
  type: 'snapshot';
  full: boolean;
  revision: number;
  nowMs: number;
  upserts: KubeObject[];
  deletes: ObjectRef[];
}

export type ResultMessage = { type: 'result'; id: number } & CommandResult;

export type FromWorker = SnapshotMessage | ResultMessage | { type: 'error'; message: string };

/** namespace/name as Kubernetes' cache.MetaNamespaceKeyFunc builds it */
export function keyOf(obj: Pick<KubeObject, 'metadata'>): string {
  const ns = obj.metadata.namespace;
  const name = obj.metadata.name ?? '';
  return ns ? `${ns}/${name}` : name;
}
