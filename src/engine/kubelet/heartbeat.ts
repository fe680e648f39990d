// The kubelet's heartbeats: renew the node's Lease every 10 s and post node status every 5 min, while the machine is up.
// mirrors pkg/kubelet/nodelease (renewInterval = 0.25 * leaseDuration) and kubelet_node_status.go nodeStatusReportFrequency.
import type { Node } from 'kubernetes-types/core/v1';
import type { ClusterRuntime, Component } from '../cluster/types';
import type { Rng, TimerHandle } from '../sim/types';
import type { KubeObject } from '../types/object';
import { StatusError } from '../apiserver/types';
import {
  buildLease,
  kubeletConditions,
  LEASE_DURATION_SECONDS,
  microTime,
  NODE_LEASE_NAMESPACE,
} from '../cluster/nodeObject';

/** pkg/kubelet/nodelease: renewIntervalFraction 0.25 of the 40 s lease */
export const LEASE_RENEW_INTERVAL_MS = 10_000;
/** KubeletConfiguration nodeStatusReportFrequency default */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

interface NodeBeat {
  handle: TimerHandle;
  lastStatusMs: number;
  wasUp: boolean;
}

const isNotFound = (e: unknown) => e instanceof StatusError && e.status.code === 404;

class NodeHeartbeat implements Component {
  readonly name = 'kubelet-heartbeat';
  private rt: ClusterRuntime | undefined;
  private rng: Rng | undefined;
  private readonly beats = new Map<string, NodeBeat>();

  start(rt: ClusterRuntime): void {
    this.rt = rt;
    this.rng = rt.sim.rng.fork('kubelet-heartbeat');
    for (const name of rt.machines.keys()) this.track(name);
    // nodes registered later (`sim node add`) start heartbeating; deleted nodes stop
    rt.api.watch('nodes', undefined, {}, (ev) => {
      const name = ev.object.metadata.name;
      if (!name) return;
      if (ev.type === 'ADDED') this.track(name);
      else if (ev.type === 'DELETED') this.untrack(name);
    });
  }

  /** nodes currently heartbeating (for tests and the UI) */
  tracked(): string[] {
    return [...this.beats.keys()];
  }

  private track(name: string): void {
    const rt = this.rt;
    if (!rt || !this.rng || this.beats.has(name)) return;
    // stagger the first renewal so thousands of nodes do not all write in the same millisecond
    const handle = this.schedule(name, this.rng.int(1, LEASE_RENEW_INTERVAL_MS));
    this.beats.set(name, { handle, lastStatusMs: rt.sim.clock.nowMs(), wasUp: true });
  }

  private untrack(name: string): void {
    const beat = this.beats.get(name);
    if (beat) this.rt?.sim.cancel(beat.handle);
    this.beats.delete(name);
  }

  private schedule(name: string, delayMs: number): TimerHandle {
    const rt = this.rt as ClusterRuntime;
    return rt.sim.schedule({
      delayMs,
      actor: `kubelet/${name}`,
      label: `kubelet/${name} heartbeat`,
      background: true,
      run: () => this.tick(name),
    });
  }

  /** one background event per node per 10 s: renew the lease, and post status when it is due */
  private tick(name: string): void {
    const rt = this.rt as ClusterRuntime;
    const beat = this.beats.get(name);
    if (!beat) return;
    const up = rt.machines.get(name)?.up === true;
    if (up) {
      this.renewLease(name);
      const now = rt.sim.clock.nowMs();
      // a recovered kubelet posts status at once (kubelet_node_status.go syncNodeStatus on start)
      if (!beat.wasUp || now - beat.lastStatusMs >= NODE_STATUS_REPORT_MS) {
        this.postStatus(name);
        beat.lastStatusMs = now;
      }
    }
    beat.wasUp = up;
    beat.handle = this.schedule(name, LEASE_RENEW_INTERVAL_MS);
  }

  private renewLease(name: string): void {
    const rt = this.rt as ClusterRuntime;
    const now = rt.sim.clock.nowMs();
    const renewTime = microTime(rt.sim.clock.toRfc3339(now), now);
    const ctx = { actor: `kubelet/${name}`, cause: 'node lease renewal' };
    try {
      let lease: Readonly<KubeObject>;
      try {
        lease = rt.api.get('leases', NODE_LEASE_NAMESPACE, name);
      } catch (e) {
        if (!isNotFound(e)) throw e;
        const node = rt.api.get('nodes', undefined, name);
        rt.api.create('leases', NODE_LEASE_NAMESPACE, buildLease(name, node.metadata.uid, renewTime), ctx);
        return;
      }
      const spec = {
        ...(lease.spec as object),
        holderIdentity: name,
        leaseDurationSeconds: LEASE_DURATION_SECONDS,
        renewTime,
      };
      rt.api.update('leases', NODE_LEASE_NAMESPACE, { ...lease, metadata: { ...lease.metadata }, spec }, ctx);
    } catch (e) {
      this.traceFailure(name, 'leases', e);
    }
  }

  private postStatus(name: string): void {
    const rt = this.rt as ClusterRuntime;
    try {
      const node = rt.api.get('nodes', undefined, name) as Readonly<Node & KubeObject>;
      const conditions = kubeletConditions(rt.sim.clock.nowRfc3339(), node.status?.conditions ?? []);
      rt.api.updateStatus(
        'nodes',
        undefined,
        { ...node, metadata: { ...node.metadata }, status: { ...node.status, conditions } },
        { actor: `kubelet/${name}`, cause: 'node status report' },
      );
    } catch (e) {
      this.traceFailure(name, 'nodes', e);
    }
  }

  private traceFailure(name: string, resource: string, e: unknown): void {
    // a failed heartbeat is retried on the next tick, as the kubelet does; leave a trace of why
    this.rt?.sim.trace.record({
      actor: `kubelet/${name}`,
      action: 'error',
      target: resource === 'leases' ? `leases/${NODE_LEASE_NAMESPACE}/${name}` : `nodes/${name}`,
      message: e instanceof Error ? e.message : String(e),
    });
  }
}

/** The heartbeat component: one per cluster, registered by bootstrapCluster. */
export function createNodeHeartbeat(): Component & { tracked(): string[] } {
  return new NodeHeartbeat();
}
