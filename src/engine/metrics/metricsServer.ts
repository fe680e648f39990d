// metrics-server: every metric-resolution (15 s) it scrapes the usage model into PodMetrics / NodeMetrics
// (metrics.k8s.io/v1beta1 shapes) kept in memory, as the real one keeps them out of etcd.
import { scheduleEvery } from '../sim/periodic';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/types';
import type { ClusterRuntime, Component } from '../cluster/types';
import { Informer } from '../client/informer';
import { Quantity } from '../quantity/index';
import { usageModelFor, type PodUsage } from './usageModel';

/** metrics-server --metric-resolution default */
export const METRIC_RESOLUTION_MS = 15_000;
/** node usage not accounted to pods (system daemons, kubelet, runtime): documented model constants */
export const NODE_SYSTEM_CPU_MILLI = 50;
export const NODE_SYSTEM_MEMORY_BYTES = 256 * 1024 * 1024;

export interface ResourceUsage {
  cpu: string;
  memory: string;
}

export interface PodMetrics {
  apiVersion: 'metrics.k8s.io/v1beta1';
  kind: 'PodMetrics';
  metadata: { name: string; namespace: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  containers: { name: string; usage: ResourceUsage }[];
}

export interface NodeMetrics {
  apiVersion: 'metrics.k8s.io/v1beta1';
  kind: 'NodeMetrics';
  metadata: { name: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  usage: ResourceUsage;
}

export const cpuQuantity = (milli: number): string => Quantity.fromMilli(Math.round(milli)).toString();
export const memoryQuantity = (bytes: number): string =>
  Quantity.fromValue(Math.round(bytes), 'BinarySI').toString();

export class MetricsServer implements Component {
  readonly name = 'metrics-server';
  private rt: ClusterRuntime | undefined;
  private pods: Informer | undefined;
  private nodes: Informer | undefined;
  private podMetricsByKey = new Map<string, PodMetrics>();
  private nodeMetricsByName = new Map<string, NodeMetrics>();
  /** containers seen running at the previous scrape: a CPU rate needs two samples */
  private previouslyRunning = new Set<string>();
  private scrapes = 0;
  private lastScrape: number | undefined;
  private rpsByKey = new Map<string, number>();

  start(rt: ClusterRuntime): void {
    this.rt = rt;
    servers.set(rt.api, this);
    this.pods = new Informer(rt.api, 'pods');
    this.nodes = new Informer(rt.api, 'nodes');
    this.pods.start();
    this.nodes.start();
    scheduleEvery(
      rt.sim,
      { periodMs: METRIC_RESOLUTION_MS, actor: 'metrics-server', label: 'metrics-server scrape' },
      () => this.scrape(),
    );
  }

  /** one scrape of every node's kubelet (summary API), as metrics-server's scraper does */
  scrape(): void {
    const rt = this.rt as ClusterRuntime;
    const now = rt.sim.clock.nowMs();
    const ts = rt.sim.clock.toRfc3339(now);
    const usages = usageModelFor(rt).sample(
      (this.pods as Informer).list() as unknown as Readonly<Pod>[],
      now,
    );
    const running = new Set<string>();
    const podMetrics = new Map<string, PodMetrics>();
    const rps = new Map<string, number>();
    const perNode = new Map<string, { cpu: number; mem: number }>();
    for (const u of usages) {
      const containers = u.containers.filter((c) => {
        const k = `${u.uid}/${c.name}`;
        running.add(k);
        return this.previouslyRunning.has(k);
      });
      const n = perNode.get(u.node) ?? { cpu: 0, mem: 0 };
      for (const c of u.containers) {
        n.cpu += c.cpuMilli;
        n.mem += c.memoryBytes;
      }
      perNode.set(u.node, n);
      if (containers.length === 0) continue;
      rps.set(`${u.namespace}/${u.name}`, u.rps);
      podMetrics.set(`${u.namespace}/${u.name}`, this.toPodMetrics({ ...u, containers }, ts));
    }
    this.previouslyRunning = running;
    this.podMetricsByKey = podMetrics;
    this.rpsByKey = rps;
    const nodeMetrics = new Map<string, NodeMetrics>();
    // the first scrape only primes the CPU counters: nodes report from the second one on
    if (this.scrapes > 0)
      for (const node of (this.nodes as Informer).list() as unknown as Readonly<Node>[]) {
        const name = node.metadata?.name ?? '';
        if (rt.machines.get(name)?.up === false) continue;
        const n = perNode.get(name) ?? { cpu: 0, mem: 0 };
        nodeMetrics.set(name, {
          apiVersion: 'metrics.k8s.io/v1beta1',
          kind: 'NodeMetrics',
          metadata: { name, creationTimestamp: ts, labels: { ...node.metadata?.labels } },
          timestamp: ts,
          window: `${METRIC_RESOLUTION_MS / 1000}s`,
          usage: {
            cpu: cpuQuantity(n.cpu + NODE_SYSTEM_CPU_MILLI),
            memory: memoryQuantity(n.mem + NODE_SYSTEM_MEMORY_BYTES),
          },
        });
      }
    this.nodeMetricsByName = nodeMetrics;
    this.scrapes++;
    this.lastScrape = now;
  }

  private toPodMetrics(u: PodUsage, ts: string): PodMetrics {
    const pod = (this.pods as Informer).get(`${u.namespace}/${u.name}`);
    return {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: {
        name: u.name,
        namespace: u.namespace,
        creationTimestamp: ts,
        labels: { ...pod?.metadata.labels },
      },
      timestamp: ts,
      window: `${METRIC_RESOLUTION_MS / 1000}s`,
      containers: u.containers.map((c) => ({
        name: c.name,
        usage: { cpu: cpuQuantity(c.cpuMilli), memory: memoryQuantity(c.memoryBytes) },
      })),
    };
  }

  /** number of scrapes so far */
  get scrapeCount(): number {
    return this.scrapes;
  }

  /** PodMetrics of a namespace (every namespace when undefined), sorted by namespace/name */
  listPodMetrics(namespace?: string): PodMetrics[] {
    const out: PodMetrics[] = [];
    for (const m of this.podMetricsByKey.values())
      if (namespace === undefined || m.metadata.namespace === namespace) out.push(m);
    return out.sort((a, b) =>
      a.metadata.namespace === b.metadata.namespace
        ? a.metadata.name.localeCompare(b.metadata.name)
        : a.metadata.namespace.localeCompare(b.metadata.namespace),
    );
  }

  getPodMetrics(namespace: string, name: string): PodMetrics | undefined {
    return this.podMetricsByKey.get(`${namespace}/${name}`);
  }

  /** the custom-metrics view: a pod's requests per second at the last scrape (any Pods metric name) */
  getPodRps(namespace: string, name: string): number | undefined {
    return this.rpsByKey.get(`${namespace}/${name}`);
  }

  /** virtual ms of the last scrape, or undefined */
  get lastScrapeMs(): number | undefined {
    return this.lastScrape;
  }

  listNodeMetrics(): NodeMetrics[] {
    return [...this.nodeMetricsByName.values()].sort((a, b) =>
      a.metadata.name.localeCompare(b.metadata.name),
    );
  }

  getNodeMetrics(name: string): NodeMetrics | undefined {
    return this.nodeMetricsByName.get(name);
  }
}

const servers = new WeakMap<ApiServer, MetricsServer>();

/** the metrics-server of the cluster behind api (what the HPA controller's metrics client talks to) */
export function metricsServerForApi(api: ApiServer): MetricsServer | undefined {
  return servers.get(api);
}

export function metricsServerComponent(): MetricsServer {
  return new MetricsServer();
}

/** the cluster's metrics-server, when one runs (the Metrics API is unavailable otherwise) */
export function metricsServerFor(rt: ClusterRuntime): MetricsServer | undefined {
  return rt.components.find((c): c is MetricsServer => c instanceof MetricsServer);
}
