// The pods/binding subresource: assigns a pod to a node (mirrors pkg/registry/core/pod/storage BindingREST,
// assignPod and setPodNodeAndMetadata). Bypasses pod update validation, as the registry does.
import { cloneJson } from '../types/json';
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types/object';
import type { RequestContext } from './types';
import { resolveResource } from './registry';
import { newConflict, newNotFound } from './errors';
import type { ServerCore } from './core';
import { keyOf, record, storeUpdate } from './core';

const BINDING = { group: '', plural: 'pods/binding', kind: 'Binding' };

export function bindPod(
  core: ServerCore,
  namespace: string,
  podName: string,
  nodeName: string,
  ctx: RequestContext,
): KubeObject {
  const res = resolveResource('pods');
  const key = keyOf(res, namespace, podName);
  const cur = core.store.get(key);
  if (!cur) throw newNotFound(res, podName);
  // only top-level fields of the pod and its metadata are written below: the stored frozen subtrees are shared
  const stored = cur.value;
  const pod = { ...stored, metadata: { ...stored.metadata } } as unknown as {
    metadata: KubeObject['metadata'];
    spec?: Pod['spec'];
    status?: Pod['status'];
  } & KubeObject;
  if (pod.metadata.deletionTimestamp) {
    throw newConflict(BINDING, podName, `pod ${podName} is being deleted, cannot be assigned to a host`);
  }
  if (pod.spec?.nodeName) {
    throw newConflict(BINDING, podName, `pod ${podName} is already assigned to node "${pod.spec.nodeName}"`);
  }
  pod.spec = { ...(pod.spec ?? { containers: [] }), nodeName };
  const now = core.sim.clock.nowRfc3339();
  const scheduled: PodCondition = { type: 'PodScheduled', status: 'True', lastTransitionTime: now };
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  pod.status = { ...(pod.status ?? {}), conditions: [...conditions, scheduled] };
  if (ctx.dryRun) return cloneJson(pod);
  const kv = storeUpdate(core, res, key, pod, cur.modRevision);
  record(core, { ...ctx, cause: ctx.cause ?? `bind to ${nodeName}` }, 'bind', res, kv.value, kv.modRevision);
  return kv.value as KubeObject;
}
