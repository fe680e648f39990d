// `kubectl exec deploy/web ...`: the pod a workload or Service name stands for. mirrors
// k8s.io/kubectl/pkg/polymorphichelpers/attachablepodforobject.go + GetFirstPod, which sorts the selected pods
// with sort.Reverse(podutils.ActivePods) and takes the first: assigned, Running, Ready, ready longest.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { selectorFromLabelSelector, selectorFromSet } from '../../labels/selector';
import type { Selector } from '../../labels/types';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function ready(p: Readonly<Pod>): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** the more active of two pods first (the reverse of ActivePods' "less active first") */
export function moreActiveFirst(a: Readonly<Pod>, b: Readonly<Pod>): number {
  const assigned = Number(!!b.spec?.nodeName) - Number(!!a.spec?.nodeName);
  if (assigned) return assigned;
  const phase = (PHASE_RANK[b.status?.phase ?? ''] ?? 0) - (PHASE_RANK[a.status?.phase ?? ''] ?? 0);
  if (phase) return phase;
  const rd = Number(ready(b)) - Number(ready(a));
  if (rd) return rd;
  // older pods are more active
  return (
    (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '') ||
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')
  );
}

/** the pods a workload or Service selects (spec.selector as a set or a LabelSelector) */
export function selectorOf(obj: Readonly<KubeObject>): Selector | undefined {
  const sel = (obj.spec as { selector?: unknown } | undefined)?.selector;
  if (!sel || typeof sel !== 'object') return undefined;
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController')
    return selectorFromSet(sel as Record<string, string>);
  return selectorFromLabelSelector(sel as Parameters<typeof selectorFromLabelSelector>[0]);
}

/** the pod name `type/name` resolves to, or the error kubectl prints */
export function attachablePodName(
  rt: ClusterRuntime,
  ns: string,
  target: string,
): { name: string } | { error: string } {
  const slash = target.indexOf('/');
  if (slash < 0) return { name: target };
  const type = target.slice(0, slash);
  const name = target.slice(slash + 1);
  const info = rt.api.resolve(type);
  if (info.kind === 'Pod') return { name };
  const obj = rt.api.get(info.plural, ns, name);
  const selector = selectorOf(obj);
  if (!selector) return { error: `cannot attach to ${info.kind}: selector for ${info.kind} not implemented` };
  const pods = rt.api
    .list('pods', ns)
    .items.filter((p) => !p.metadata.deletionTimestamp && selector.matches(p.metadata.labels))
    .map((p) => p as unknown as Pod);
  pods.sort(moreActiveFirst);
  const first = pods[0]?.metadata?.name;
  return first ? { name: first } : { error: 'timed out waiting for the condition' };
}
