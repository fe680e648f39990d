// Test helpers for the kubelet and node controllers: a cluster with the kubelet, and pods bound by hand.
import { createCluster } from '../index';
import type { Cluster } from '../index';
import type { KubeObject } from '../types/object';
import { kubeletComponent } from './kubelet';
import type { Kubelet } from './kubelet';

export interface TestCluster {
  cluster: Cluster;
  kubelet: Kubelet;
}

export function clusterWithKubelet(nodes = 2, seed = 7): TestCluster {
  const cluster = createCluster({ seed, nodes });
  const kubelet = kubeletComponent();
  cluster.runtime.addComponent(kubelet);
  return { cluster, kubelet };
}

export interface PodOpts {
  annotations?: Record<string, string>;
  restartPolicy?: string;
  readinessProbe?: { initialDelaySeconds?: number; periodSeconds?: number };
  initContainers?: number;
  tolerations?: unknown[];
  terminationGracePeriodSeconds?: number;
}

/** create pod `name` (nginx:1.27) and bind it to node */
export function bindPod(cluster: Cluster, name: string, node: string, opts: PodOpts = {}): KubeObject {
  const rt = cluster.runtime;
  const container: Record<string, unknown> = { name: 'nginx', image: 'nginx:1.27' };
  if (opts.readinessProbe)
    container.readinessProbe = { httpGet: { path: '/', port: 80 }, ...opts.readinessProbe };
  const spec: Record<string, unknown> = { containers: [container] };
  if (opts.restartPolicy) spec.restartPolicy = opts.restartPolicy;
  if (opts.tolerations) spec.tolerations = opts.tolerations;
  if (opts.terminationGracePeriodSeconds !== undefined)
    spec.terminationGracePeriodSeconds = opts.terminationGracePeriodSeconds;
  if (opts.initContainers) {
    spec.initContainers = Array.from({ length: opts.initContainers }, (_, i) => ({
      name: `init-${i}`,
      image: 'busybox:1.36',
      command: ['true'],
    }));
  }
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...(opts.annotations ? { annotations: opts.annotations } : {}) },
    spec,
  };
  rt.api.create('pods', 'default', pod, { actor: 'test' });
  return rt.api.bind('default', name, node, { actor: 'test-scheduler' });
}

export function podOf(cluster: Cluster, name: string): KubeObject | undefined {
  try {
    return cluster.runtime.api.get('pods', 'default', name);
  } catch {
    return undefined;
  }
}

interface CondLite {
  type: string;
  status: string;
}

export function conditionOf(pod: KubeObject | undefined, type: string): string | undefined {
  return ((pod?.status as { conditions?: CondLite[] } | undefined)?.conditions ?? []).find(
    (c) => c.type === type,
  )?.status;
}

export function phaseOf(pod: KubeObject | undefined): string | undefined {
  return (pod?.status as { phase?: string } | undefined)?.phase;
}

/** run until predicate holds; returns the virtual ms it took */
export function timeUntil(cluster: Cluster, predicate: () => boolean, timeoutMs = 600_000): number {
  const start = cluster.nowMs();
  const ok = cluster.runtime.sim.runUntil(predicate, timeoutMs);
  if (!ok) throw new Error(`condition not reached within ${timeoutMs} ms`);
  return cluster.nowMs() - start;
}

export function eventsFor(cluster: Cluster, name: string): { reason: string; message: string }[] {
  return cluster.runtime.api
    .list('events', 'default')
    .items.filter((e) => (e.involvedObject as { name?: string } | undefined)?.name === name)
    .map((e) => ({ reason: String(e.reason), message: String(e.message) }));
}

export interface EventLite {
  type: string;
  reason: string;
  message: string;
  count: number;
  metadata: { namespace?: string };
  involvedObject: { kind?: string; name?: string; uid?: string; namespace?: string };
  source: { component?: string; host?: string };
}

/** the Events the kubelet recorded on its node reference (kl.nodeRef), oldest first */
export function kubeletNodeEvents(cluster: Cluster, node: string): EventLite[] {
  return (cluster.runtime.api.list('events', 'default').items as unknown as EventLite[]).filter(
    (e) =>
      e.involvedObject.kind === 'Node' && e.involvedObject.name === node && e.source.component === 'kubelet',
  );
}
