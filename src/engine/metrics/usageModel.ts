// Simulated resource usage of running containers over virtual time: a baseline from requests, `sim usage` overrides,
// and workload load (`sim load`), with small deterministic noise; CPU is throttled at its limit.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/types';
import type { ClusterRuntime } from '../cluster/types';
import type { Selector } from '../labels/types';
import { milliValue, value } from '../quantity/index';
import { isPodReady } from '../controllers/shared/podUtil';
import { isDeeplyFrozen } from '../store/deepFreeze';

/** CPU cost of one request per second (documented model constant): 1 rps costs 1m of CPU */
export const CPU_MILLI_PER_RPS = 1;
/** baseline usage is this fraction of the container's requests */
export const BASELINE_FRACTION = 0.2;
/** baseline of a container without a CPU request */
export const BASELINE_CPU_MILLI = 1;
/** baseline of a container without a memory request */
export const BASELINE_MEMORY_BYTES = 8 * 1024 * 1024;
/** noise buckets change every metric-resolution period */
const NOISE_PERIOD_MS = 15_000;
/** relative amplitude of the noise on modelled (not user-set) values */
const NOISE_AMPLITUDE = 0.05;

export interface UsageOverride {
  cpuMilli?: number;
  memoryBytes?: number;
}

/** load put on a workload by `sim load`: spread over its ready pods */
export interface WorkloadLoad {
  namespace: string;
  /** e.g. 'deployment/web' */
  target: string;
  selector: Selector;
  cpuPerPodMilli?: number;
  memoryPerPodBytes?: number;
  rps?: number;
}

export interface ContainerUsage {
  name: string;
  cpuMilli: number;
  memoryBytes: number;
  /** CPU the container wanted; above cpuMilli when throttled */
  cpuDemandMilli: number;
  throttled: boolean;
  cpuLimitMilli?: number;
  memoryLimitBytes?: number;
  memoryRequestBytes: number;
  cpuRequestMilli: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  containers: ContainerUsage[];
  /** requests per second this pod serves (its share of `sim load --rps`), 0 without such load */
  rps: number;
}

const milliCache = new Map<string, number>();
const valueCache = new Map<string, number>();
/** milliValue/value memoised as numbers: Quantity's bigint arithmetic is too slow for 150k pods per scrape */
function cachedNumber(cache: Map<string, number>, q: string | undefined, milli: boolean): number {
  if (q === undefined) return 0;
  let n = cache.get(q);
  if (n === undefined) {
    n = milli ? milliValue(q) : value(q);
    if (cache.size > 4096) cache.clear();
    cache.set(q, n);
  }
  return n;
}

/** FNV-1a of a string */
function fnv(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** murmur3-style mixing of five integers: cheap deterministic noise without building strings */
function mix(a: number, b: number, c: number, d: number, e: number): number {
  let h = 0x9e3779b9;
  h = step(h, a);
  h = step(h, b);
  h = step(h, c);
  h = step(h, d);
  return step(h, e) >>> 0;
}
function step(h: number, x: number): number {
  h = Math.imul(h ^ (x >>> 0), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const NO_OVERRIDE: UsageOverride = Object.freeze({});

const uidHashes = new Map<string, number>();
/** per-pod hash, memoised (the same uid string is seen every scrape) */
function uidHash(uid: string): number {
  let h = uidHashes.get(uid);
  if (h === undefined) {
    if (uidHashes.size > 400_000) uidHashes.clear();
    uidHashes.set(uid, (h = fnv(uid)));
  }
  return h;
}

interface ContainerSpecLite {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/** a pod's usage in one noise period, kept while neither loads nor overrides exist (then it depends on nothing else) */
interface CachedUsage {
  bucket: number;
  usage: PodUsage | undefined;
}

const NO_LOADS: readonly WorkloadLoad[] = [];
const NO_READY_COUNTS: ReadonlyMap<WorkloadLoad, number> = new Map();

function freezeUsage(u: PodUsage | undefined): PodUsage | undefined {
  if (u) {
    for (const c of u.containers) Object.freeze(c);
    Object.freeze(u.containers);
    Object.freeze(u);
  }
  return u;
}

export class UsageModel {
  private readonly overrides = new Map<string, Map<string, UsageOverride>>();
  private readonly workloadLoads = new Map<string, WorkloadLoad>();
  /**
   * usage by stored (deep-frozen, so unchanging) pod object: the eviction manager (every 10 s) and metrics-server
   * (every 15 s) sample the same pods within one noise period
   */
  private readonly cache = new WeakMap<object, CachedUsage>();

  constructor(private readonly seed: number) {}

  /** `sim usage pod/NAME`: container '' applies to every container of the pod */
  setPodUsage(namespace: string, name: string, container: string, o: UsageOverride): void {
    const key = `${namespace}/${name}`;
    let m = this.overrides.get(key);
    if (!m) this.overrides.set(key, (m = new Map()));
    m.set(container, { ...m.get(container), ...o });
  }

  clearPodUsage(namespace: string, name: string): void {
    this.overrides.delete(`${namespace}/${name}`);
  }

  podOverrides(): ReadonlyMap<string, ReadonlyMap<string, UsageOverride>> {
    return this.overrides;
  }

  setLoad(load: WorkloadLoad): void {
    this.workloadLoads.set(`${load.namespace}/${load.target}`, load);
  }

  clearLoad(namespace: string, target: string): boolean {
    return this.workloadLoads.delete(`${namespace}/${target}`);
  }

  loads(): readonly WorkloadLoad[] {
    return [...this.workloadLoads.values()];
  }

  /** usage of every running container of pods at nowMs (pods without a running container are left out) */
  sample(pods: readonly Readonly<Pod>[], nowMs: number): PodUsage[] {
    const loads = this.loads();
    const readyCount = new Map<WorkloadLoad, number>();
    if (loads.length > 0)
      for (const p of pods) {
        const l = this.loadOf(p, loads);
        if (l && isPodReady(p)) readyCount.set(l, (readyCount.get(l) ?? 0) + 1);
      }
    const bucket = Math.floor(nowMs / NOISE_PERIOD_MS);
    // without loads or overrides a pod's usage depends only on the pod object, the seed and the noise period
    const cacheable = loads.length === 0 && this.overrides.size === 0;
    const out: PodUsage[] = [];
    for (const p of pods) {
      const u = cacheable ? this.cachedPodUsage(p, bucket) : this.podUsage(p, bucket, loads, readyCount);
      if (u) out.push(u);
    }
    return out;
  }

  private cachedPodUsage(p: Readonly<Pod>, bucket: number): PodUsage | undefined {
    if (!isDeeplyFrozen(p)) return this.podUsage(p, bucket, NO_LOADS, NO_READY_COUNTS);
    const hit = this.cache.get(p);
    if (hit && hit.bucket === bucket) return hit.usage;
    const usage = freezeUsage(this.podUsage(p, bucket, NO_LOADS, NO_READY_COUNTS));
    if (hit) {
      hit.bucket = bucket;
      hit.usage = usage;
    } else this.cache.set(p, { bucket, usage });
    return usage;
  }

  private loadOf(p: Readonly<Pod>, loads: readonly WorkloadLoad[]): WorkloadLoad | undefined {
    const ns = p.metadata?.namespace ?? 'default';
    return loads.find((l) => l.namespace === ns && l.selector.matches(p.metadata?.labels));
  }

  private podUsage(
    p: Readonly<Pod>,
    bucket: number,
    loads: readonly WorkloadLoad[],
    readyCount: ReadonlyMap<WorkloadLoad, number>,
  ): PodUsage | undefined {
    if (p.status?.phase !== 'Running' || !p.spec?.nodeName) return undefined;
    const statuses = p.status.containerStatuses ?? [];
    const isRunning = (n: string) => statuses.some((s) => s.name === n && s.state?.running);
    if (!statuses.some((s) => s.state?.running)) return undefined;
    const ns = p.metadata?.namespace ?? 'default';
    const name = p.metadata?.name ?? '';
    const specs = (p.spec.containers ?? []) as ContainerSpecLite[];
    const load = loads.length > 0 ? this.loadOf(p, loads) : undefined;
    // load reaches only ready pods (the Service sends traffic to ready endpoints only)
    const ready = load !== undefined && isPodReady(p);
    let loadCpu: number | undefined;
    let rps = 0;
    if (ready && load.rps !== undefined) {
      rps = load.rps / Math.max(1, readyCount.get(load) ?? 1);
      loadCpu = rps * CPU_MILLI_PER_RPS;
    } else if (ready && load.cpuPerPodMilli !== undefined) loadCpu = load.cpuPerPodMilli;
    const loadMem = ready ? load.memoryPerPodBytes : undefined;
    const ov = this.overrides.get(`${ns}/${name}`);
    const containers: ContainerUsage[] = [];
    const podHash = uidHash(p.metadata?.uid ?? `${ns}/${name}`);
    for (let ci = 0; ci < specs.length; ci++) {
      const c = specs[ci] as ContainerSpecLite;
      if (!isRunning(c.name)) continue;
      const o: UsageOverride = ov ? { ...ov.get(''), ...ov.get(c.name) } : NO_OVERRIDE;
      const req = c.resources?.requests ?? {};
      const lim = c.resources?.limits ?? {};
      const cpuReq = cachedNumber(milliCache, req.cpu, true);
      const memReq = cachedNumber(valueCache, req.memory, false);
      const noise = (salt: number) =>
        1 + NOISE_AMPLITUDE * ((mix(this.seed, podHash, ci, salt, bucket) / 0xffffffff) * 2 - 1);
      const modelCpu =
        loadCpu !== undefined
          ? loadCpu / specs.length
          : cpuReq > 0
            ? cpuReq * BASELINE_FRACTION
            : BASELINE_CPU_MILLI;
      const modelMem =
        loadMem !== undefined
          ? loadMem / specs.length
          : memReq > 0
            ? memReq * BASELINE_FRACTION
            : BASELINE_MEMORY_BYTES;
      const demand = o.cpuMilli ?? Math.max(0, Math.round(modelCpu * noise(1)));
      const memory = o.memoryBytes ?? Math.max(0, Math.round(modelMem * noise(2)));
      const cpuLimit = lim.cpu !== undefined ? cachedNumber(milliCache, lim.cpu, true) : undefined;
      const u: ContainerUsage = {
        name: c.name,
        cpuDemandMilli: demand,
        cpuMilli: cpuLimit !== undefined ? Math.min(demand, cpuLimit) : demand,
        throttled: cpuLimit !== undefined && demand > cpuLimit,
        memoryBytes: memory,
        cpuRequestMilli: cpuReq,
        memoryRequestBytes: memReq,
      };
      if (cpuLimit !== undefined) u.cpuLimitMilli = cpuLimit;
      if (lim.memory !== undefined) u.memoryLimitBytes = cachedNumber(valueCache, lim.memory, false);
      containers.push(u);
    }
    return { namespace: ns, name, uid: p.metadata?.uid ?? '', node: p.spec.nodeName, containers, rps };
  }
}

const models = new WeakMap<ApiServer, UsageModel>();

/** the cluster's usage model, created on first use (seeded from the cluster's seed) */
export function usageModelFor(rt: ClusterRuntime): UsageModel {
  let m = models.get(rt.api);
  if (!m) models.set(rt.api, (m = new UsageModel(rt.options.seed)));
  return m;
}

/** the usage model of the cluster behind api, if one was created (controllers see only the API server) */
export function usageModelForApi(api: ApiServer): UsageModel | undefined {
  return models.get(api);
}
