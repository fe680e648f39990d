// Which pods and containers `kubectl logs` reads, after k8s.io/kubectl/pkg/polymorphichelpers logsforobject.go:
// a pod's default container ("Defaulted container", the default-container annotation), --all-containers, the pods a
// workload or Service selects (SelectorsForObject, GetFirstPod sorted by podutils.ByLogging, "Found N pods"), and
// the pods of -l.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { Selector } from '../../labels/types';
import { StatusError } from '../../apiserver/types';
import { isPodReady, podReadyTimeMs } from '../../controllers/shared/podUtil';
import { selectorOf } from './attachablePod';
import { qualified } from './resourceArgs';
import { allContainerNames, DEFAULT_CONTAINER_ANNOTATION, firstContainer, hasContainer } from './podcmd';

/** one log request: a pod's container */
export interface LogRequest {
  pod: Readonly<Pod>;
  container: string;
}

/** an error in kubectl's words, raised while choosing what to read */
export class LogsError extends Error {}

/** logsForObjectWithClient's Pod case: the requests, and what it prints on stderr on the way */
function podRequests(
  pod: Readonly<Pod>,
  container: string,
  allContainers: boolean,
  err: string[],
  quiet: boolean,
): LogRequest[] {
  const spec = pod.spec;
  if (allContainers) {
    const names = [
      ...(spec?.initContainers ?? []),
      ...(spec?.containers ?? []),
      ...(spec?.ephemeralContainers ?? []),
    ];
    return names.map((c) => ({ pod, container: c.name }));
  }
  let name = container;
  const wanted = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!name && wanted) {
    if (hasContainer(pod, wanted)) name = wanted;
    else err.push(`Default container name "${wanted}" not found in pod ${pod.metadata?.name ?? ''}`);
  }
  if (!name) {
    const first = firstContainer(pod, quiet);
    name = first.name;
    if (first.warning) err.push(first.warning);
  }
  if (!hasContainer(pod, name)) {
    throw new LogsError(
      `container ${name} is not valid for pod ${pod.metadata?.name ?? ''} out of: ${allContainerNames(pod)}`,
    );
  }
  return [{ pod, container: name }];
}

const PHASE_ORDER: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

function maxRestarts(p: Readonly<Pod>): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** podutils.ByLogging: the pod `kubectl logs deploy/web` reads (assigned, Running, ready longest, most restarts, oldest) */
export function byLogging(a: Readonly<Pod>, b: Readonly<Pod>): number {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (an === '' || bn === '')) return an ? -1 : 1;
  const pa = PHASE_ORDER[a.status?.phase ?? ''] ?? 3;
  const pb = PHASE_ORDER[b.status?.phase ?? ''] ?? 3;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a as unknown as KubeObject);
  const rb = isPodReady(b as unknown as KubeObject);
  if (ra !== rb) return ra ? -1 : 1;
  if (ra && rb) {
    const ta = podReadyTimeMs(a as unknown as KubeObject) ?? 0;
    const tb = podReadyTimeMs(b as unknown as KubeObject) ?? 0;
    if (ta !== tb) return ta - tb;
  }
  const rs = maxRestarts(b) - maxRestarts(a);
  if (rs !== 0) return rs;
  const ca = a.metadata?.creationTimestamp ?? '';
  const cb = b.metadata?.creationTimestamp ?? '';
  if (ca !== cb) return ca < cb ? -1 : 1;
  return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}

const SELECTOR_KINDS = new Set([
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
  'DaemonSet',
  'Deployment',
  'Job',
  'Service',
]);

/** SelectorsForObject: the pod selector of a workload or Service */
function selectorFor(obj: Readonly<KubeObject>): Selector {
  const sel = SELECTOR_KINDS.has(obj.kind ?? '') ? selectorOf(obj) : undefined;
  if (!sel) {
    throw new LogsError(
      `cannot get the logs from *v1.${obj.kind ?? ''}: selector for *v1.${obj.kind ?? ''} not implemented`,
    );
  }
  return sel;
}

/** GetFirstPod: the pods the selector picks, sorted ByLogging; with none yet, wait --pod-running-timeout for one */
function podsFor(rt: ClusterRuntime, ns: string, selector: Selector, timeoutMs: number): Readonly<Pod>[] {
  const list = (): Readonly<Pod>[] =>
    rt.api
      .list('pods', ns)
      .items.filter((p) => selector.matches(p.metadata.labels))
      .map((p) => p as unknown as Pod);
  let pods = list();
  if (pods.length === 0 && rt.sim.runUntil(() => list().length > 0, timeoutMs)) pods = list();
  if (pods.length === 0) throw new LogsError('timed out waiting for the condition');
  return pods.sort(byLogging);
}

/** what `kubectl logs` was asked to read */
export interface LogTarget {
  ns: string;
  /** -l; empty when a resource is named */
  selector: string;
  /** POD or TYPE/NAME */
  resource: string | undefined;
  /** -c or the inline container; empty: the default container */
  container: string;
  allContainers: boolean;
  allPods: boolean;
  /** --pod-running-timeout */
  podTimeoutMs: number;
}

/** the builder's object (a pod, a workload, or the selected pods) turned into log requests; stderr lines go to err */
export function requestsFor(rt: ClusterRuntime, p: LogTarget, err: string[]): LogRequest[] {
  const { allContainers, allPods } = p;
  if (p.selector) {
    const pods = rt.api.list('pods', p.ns, { labelSelector: p.selector }).items as unknown as Pod[];
    if (pods.length === 0) err.push(`No resources found in ${p.ns} namespace.`);
    return pods.flatMap((pod) => podRequests(pod, p.container, allContainers, err, false));
  }
  const arg = p.resource ?? '';
  const slash = arg.indexOf('/');
  const type = slash < 0 ? 'pods' : arg.slice(0, slash);
  let info;
  try {
    info = rt.api.resolve(type);
  } catch {
    throw new LogsError(`the server doesn't have a resource type "${type}"`);
  }
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  let obj: Readonly<KubeObject>;
  try {
    obj = rt.api.get(qualified(info), p.ns, name);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404)
      throw new LogsError(`error from server (NotFound): ${e.status.message} in namespace "${p.ns}"`);
    throw e;
  }
  if (info.kind === 'Pod')
    return podRequests(obj as unknown as Pod, p.container, allContainers, err, allPods);
  const pods = podsFor(rt, p.ns, selectorFor(obj), p.podTimeoutMs);
  const first = pods[0] as Readonly<Pod>;
  if (pods.length > 1 && !allPods)
    err.push(`Found ${pods.length} pods, using pod/${first.metadata?.name ?? ''}`);
  const targets = allPods ? pods : [first];
  return targets.flatMap((pod) => podRequests(pod, p.container, allContainers, err, allPods));
}
