// Simulated resource usage of running containers over virtual time: a baseline from requests, `sim usage` overrides,
// and workload load (`sim load`), with small deterministic noise; CPU is throttled at its limit.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/types';
import type { ClusterRuntime } from '../cluster/types';
import type { Selector } from '../labels/types';
import { milliValue, value } from '../quantity/index';
import { isPodReady } from '../controllers/shared/podUtil';

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

/** FNV-1a of a string, mixed with the seed: a stateless deterministic noise source */
function hash(seed: number, s: string): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

interface ContainerSpecLite {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export class UsageModel {
  private readonly overrides = new Map<string, Map<string, UsageOverride>>();
  private readonly workloadLoads = new Map<string, WorkloadLoad>();

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
    const out: PodUsage[] = [];
    for (const p of pods) {
      const u = this.podUsage(p, bucket, loads, readyCount);
      if (u) out.push(u);
    }
    return out;
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
    const running = new Set(
      (p.status.containerStatuses ?? []).filter((s) => s.state?.running).map((s) => s.name),
    );
    if (running.size === 0) return undefined;
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
    for (const c of specs) {
      if (!running.has(c.name)) continue;
      const o = { ...ov?.get(''), ...ov?.get(c.name) };
      const req = c.resources?.requests ?? {};
      const lim = c.resources?.limits ?? {};
      const cpuReq = milliValue(req.cpu);
      const memReq = value(req.memory);
      const noise = (salt: string) => {
        const h = hash(this.seed, `${p.metadata?.uid ?? name}/${c.name}/${salt}/${bucket}`);
        return 1 + NOISE_AMPLITUDE * ((h / 0xffffffff) * 2 - 1);
      };
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
      const demand = o.cpuMilli ?? Math.max(0, Math.round(modelCpu * noise('cpu')));
      const memory = o.memoryBytes ?? Math.max(0, Math.round(modelMem * noise('mem')));
      const cpuLimit = lim.cpu !== undefined ? milliValue(lim.cpu) : undefined;
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
      if (lim.memory !== undefined) u.memoryLimitBytes = value(lim.memory);
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
