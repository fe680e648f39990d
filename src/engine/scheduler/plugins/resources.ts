// Pod resource requests as the scheduler counts them (effective requests and the non-zero defaults).
// mirrors k8s.io/component-helpers/resource/helpers.go PodRequests and pkg/scheduler/util/pod_resources.go.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Resource } from '../framework/types';
import { milliValue, value } from '../../quantity';

/** mirrors schedutil.DefaultMilliCPURequest (0.1 core) */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** mirrors schedutil.DefaultMemoryRequest (200 MiB) */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type ResourceList = Readonly<Record<string, string | number>> | undefined;
/** resource name -> amount (cpu in millicores, everything else in units) */
export type Amounts = Map<string, number>;

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: {} };
}

/**
 * Extended resources (a domain-prefixed name such as nvidia.com/gpu), hugepages and attachable volumes.
 * mirrors schedutil.IsScalarResourceName (simplified: any name containing '/' counts as extended)
 */
export function isScalarResourceName(name: string): boolean {
  return name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}

/** amount of one quantity: cpu as MilliValue, everything else as Value */
export function amountOf(name: string, q: string | number): number {
  return name === 'cpu' ? milliValue(q) : value(q);
}

function toAmounts(list: ResourceList, nonMissing: Amounts | undefined): Amounts {
  const m: Amounts = new Map();
  if (list !== undefined)
    for (const k of Object.keys(list)) m.set(k, amountOf(k, list[k] as string | number));
  if (nonMissing !== undefined) for (const [k, v] of nonMissing) if (!m.has(k)) m.set(k, v);
  return m;
}
function addTo(dst: Amounts, src: Amounts): void {
  for (const [k, v] of src) dst.set(k, (dst.get(k) ?? 0) + v);
}
function maxInto(dst: Amounts, src: Amounts): void {
  for (const [k, v] of src) {
    const cur = dst.get(k);
    if (cur === undefined || v > cur) dst.set(k, v);
  }
}
function requestsOf(c: Container): ResourceList {
  return c.resources?.requests;
}

/**
 * mirrors resourcehelper.PodRequests: Σcontainers, then max with each init container (sidecars with
 * restartPolicy Always add to the sum and to every later init container), plus spec.overhead.
 * `nonMissing` fills resources a container does not list (the scheduler's non-zero defaults).
 */
export function podRequests(pod: Pod, nonMissing?: Amounts): Amounts {
  const reqs: Amounts = new Map();
  for (const c of pod.spec?.containers ?? []) addTo(reqs, toAmounts(requestsOf(c), nonMissing));
  const restartable: Amounts = new Map();
  const initMax: Amounts = new Map();
  for (const ic of pod.spec?.initContainers ?? []) {
    let r = toAmounts(requestsOf(ic), nonMissing);
    if (ic.restartPolicy === 'Always') {
      addTo(reqs, r);
      addTo(restartable, r);
      r = restartable;
    } else {
      addTo(r, restartable);
    }
    maxInto(initMax, r);
  }
  maxInto(reqs, initMax);
  if (pod.spec?.overhead !== undefined) addTo(reqs, toAmounts(pod.spec.overhead, undefined));
  return reqs;
}

/** mirrors framework.Resource.Add over a ResourceList: cpu/memory/ephemeral-storage/pods + scalar resources */
export function resourceFromAmounts(a: Amounts): Resource {
  const r = emptyResource();
  for (const [k, v] of a) {
    if (k === 'cpu') r.milliCPU += v;
    else if (k === 'memory') r.memory += v;
    else if (k === 'ephemeral-storage') r.ephemeralStorage += v;
    else if (k === 'pods') r.pods += v;
    else if (isScalarResourceName(k)) r.scalar[k] = (r.scalar[k] ?? 0) + v;
  }
  return r;
}

/**
 * The usual pod's requests without the Maps: no init containers, no overhead, and only cpu / memory /
 * ephemeral-storage named. Σ over containers in the same order as podRequests, so the same numbers; undefined
 * for any other pod. With `nonZero`, cpu and memory a container does not name count as the non-zero defaults.
 */
function simpleRequest(pod: Pod, nonZero: boolean): Resource | undefined {
  const spec = pod.spec;
  if (spec === undefined) return undefined;
  const containers = spec.containers as readonly Container[] | undefined;
  if (containers === undefined || spec.initContainers !== undefined || spec.overhead !== undefined)
    return undefined;
  let cpu = 0;
  let memory = 0;
  let ephemeral = 0;
  for (const c of containers) {
    const list = requestsOf(c);
    let hasCpu = false;
    let hasMemory = false;
    if (list !== undefined) {
      for (const k of Object.keys(list)) {
        const q = list[k];
        if (typeof q !== 'string' && typeof q !== 'number') return undefined;
        if (k === 'cpu') {
          cpu += milliValue(q);
          hasCpu = true;
        } else if (k === 'memory') {
          memory += value(q);
          hasMemory = true;
        } else if (k === 'ephemeral-storage') ephemeral += value(q);
        else return undefined;
      }
    }
    if (nonZero && !hasCpu) cpu += DEFAULT_MILLI_CPU_REQUEST;
    if (nonZero && !hasMemory) memory += DEFAULT_MEMORY_REQUEST;
  }
  return { milliCPU: cpu, memory, ephemeralStorage: ephemeral, pods: 0, scalar: {} };
}

/**
 * podRequests(pod, nonZero ? nonZeroDefaults() : undefined).get(name) ?? 0 for each name, without the Maps for the
 * usual pod; undefined for any other pod. Resources other than cpu, memory and ephemeral-storage are 0: the usual
 * pod lists no other.
 */
export function simpleRequestList(
  pod: Pod,
  resources: readonly { name: string }[],
  nonZero: boolean,
): number[] | undefined {
  const r = simpleRequest(pod, nonZero);
  return r === undefined ? undefined : resources.map(({ name }) => resourceAmount(r, name));
}

/** a Resource's amount of one named resource (cpu in millicores); 0 for a name it does not hold */
function resourceAmount(r: Resource, name: string): number {
  switch (name) {
    case 'cpu':
      return r.milliCPU;
    case 'memory':
      return r.memory;
    case 'ephemeral-storage':
      return r.ephemeralStorage;
    default:
      return r.scalar[name] ?? 0;
  }
}

/** effective request of a pod (fit.go computePodResourceRequest); pods is 0 */
export function computePodResourceRequest(pod: Pod): Resource {
  return simpleRequest(pod, false) ?? resourceFromAmounts(podRequests(pod));
}

const NON_ZERO_DEFAULTS: Amounts = new Map([
  ['cpu', DEFAULT_MILLI_CPU_REQUEST],
  ['memory', DEFAULT_MEMORY_REQUEST],
]);

/** the non-zero defaults as a `nonMissing` list for podRequests */
export function nonZeroDefaults(): Amounts {
  return NON_ZERO_DEFAULTS;
}

/**
 * cpu/memory requests with 100m / 200Mi for every container that does not list them (an explicit 0 stays 0);
 * mirrors framework.NodeInfo calculateResource non0CPU/non0Mem. Only milliCPU and memory are set.
 */
export function nonZeroRequest(pod: Pod): Resource {
  const simple = simpleRequest(pod, true);
  if (simple !== undefined) {
    simple.ephemeralStorage = 0; // only milliCPU and memory, as below
    return simple;
  }
  const a = podRequests(pod, NON_ZERO_DEFAULTS);
  return { ...emptyResource(), milliCPU: a.get('cpu') ?? 0, memory: a.get('memory') ?? 0 };
}

/** a + b (new object); for NodeInfo aggregation */
export function addResource(a: Resource, b: Resource, sign: 1 | -1 = 1): Resource {
  const scalar: Record<string, number> = { ...a.scalar };
  for (const k of Object.keys(b.scalar)) scalar[k] = (scalar[k] ?? 0) + sign * (b.scalar[k] ?? 0);
  return {
    milliCPU: a.milliCPU + sign * b.milliCPU,
    memory: a.memory + sign * b.memory,
    ephemeralStorage: a.ephemeralStorage + sign * b.ephemeralStorage,
    pods: a.pods + sign * b.pods,
    scalar,
  };
}

/** node.status.allocatable as a Resource (pods = allowed pod number) */
export function allocatableResource(allocatable: ResourceList): Resource {
  return resourceFromAmounts(toAmounts(allocatable, undefined));
}
