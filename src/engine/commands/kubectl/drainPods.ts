// Which pods `kubectl drain` may remove from a node, and why others block it.
// mirrors k8s.io/kubectl/pkg/drain/filters.go (daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter).
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { StatusError } from '../../apiserver/types';

export interface DrainOptions {
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  force: boolean;
  podSelector?: string;
}

type Verdict = { delete: boolean; warning?: string; error?: string };

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => pod.metadata?.ownerReferences?.find((r) => r.controller === true);

function daemonSetFilter(rt: ClusterRuntime, pod: Pod, o: DrainOptions): Verdict {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || ref.apiVersion !== 'apps/v1' || finished(pod))
    return { delete: true };
  try {
    rt.api.get('daemonsets', pod.metadata?.namespace, ref.name);
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    if (e.status.code === 404 && o.force) return { delete: true, warning: e.message };
    return { delete: false, error: e.message };
  }
  if (!o.ignoreDaemonSets) return { delete: false, error: DAEMONSET_FATAL };
  return { delete: false, warning: DAEMONSET_WARNING };
}

function localStorageFilter(pod: Pod, o: DrainOptions): Verdict {
  if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(pod)) return { delete: true };
  if (!o.deleteEmptyDirData) return { delete: false, error: LOCAL_STORAGE_FATAL };
  return { delete: true, warning: LOCAL_STORAGE_WARNING };
}

function unreplicatedFilter(pod: Pod, o: DrainOptions): Verdict {
  if (finished(pod) || controllerOf(pod)) return { delete: true };
  if (o.force) return { delete: true, warning: UNMANAGED_WARNING };
  return { delete: false, error: UNMANAGED_FATAL };
}

export interface PodDeleteList {
  /** pods to evict or delete */
  pods: KubeObject[];
  /** message -> ns/name of pods, in the order found */
  warnings: Map<string, string[]>;
  errors: Map<string, string[]>;
}

/** mirrors drain.Helper.GetPodsForDeletion: filters run in order; a pod stops at the first that refuses to delete it */
export function podsForDeletion(rt: ClusterRuntime, nodeName: string, o: DrainOptions): PodDeleteList {
  const listed = rt.api.list('pods', undefined, {
    fieldSelector: `spec.nodeName=${nodeName}`,
    ...(o.podSelector ? { labelSelector: o.podSelector } : {}),
  }).items;
  const out: PodDeleteList = { pods: [], warnings: new Map(), errors: new Map() };
  for (const obj of listed) {
    const pod = obj as Pod & KubeObject;
    if (pod.spec?.nodeName !== nodeName) continue;
    const filters: Array<() => Verdict> = [
      () => daemonSetFilter(rt, pod, o),
      () => ({ delete: !(MIRROR_POD_ANNOTATION in (pod.metadata.annotations ?? {})) }),
      () => localStorageFilter(pod, o),
      () => unreplicatedFilter(pod, o),
    ];
    // as drain.filterPods: the verdict is the last filter run; the first refusal short-circuits (so a warning
    // from an earlier filter is overwritten by a later filter's plain "okay")
    let verdict: Verdict = { delete: true };
    for (const f of filters) {
      verdict = f();
      if (!verdict.delete) break;
    }
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (verdict.error) out.errors.set(verdict.error, [...(out.errors.get(verdict.error) ?? []), id]);
    else if (verdict.warning)
      out.warnings.set(verdict.warning, [...(out.warnings.get(verdict.warning) ?? []), id]);
    if (verdict.delete) out.pods.push(obj);
  }
  return out;
}

/** PodDeleteList.errors(): one `cannot delete <msg>: ns/a, ns/b` per message */
export function deletionErrors(list: PodDeleteList): string[] {
  return [...list.errors].map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`);
}

/** PodDeleteList.Warnings(): `<msg>: ns/a, ns/b; <msg2>: ...` */
export function deletionWarnings(list: PodDeleteList): string {
  return [...list.warnings].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ');
}
