// The kubelet's heartbeats: renew the node's Lease every 10 s and post node status every 5 min, while the machine is up.
// mirrors pkg/kubelet/nodelease (renewInterval = 0.25 * leaseDuration) and kubelet_node_status.go nodeStatusReportFrequency.
// It is also where each node's kubelet starts (at registration, and again on every boot of its machine) and where the
// node status setters record their Events (nodeEvents.ts): a new boot posts a new bootID at once (Rebooted).
import type { Node, NodeSystemInfo } from 'kubernetes-types/core/v1';
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
import { bootsOf } from './machinePower';
import {
  conditionEvents,
  rebootedMessage,
  recordKubeletStart,
  recordNodeEvent,
  recordNodeStatusEvent,
} from './nodeEvents';

/** pkg/kubelet/nodelease: renewIntervalFraction 0.25 of the 40 s lease */
export const LEASE_RENEW_INTERVAL_MS = 10_000;
/** KubeletConfiguration nodeStatusReportFrequency default */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

interface NodeBeat {
  handle: TimerHandle;
  lastStatusMs: number;
  wasUp: boolean;
  /** the machine's boot count (machinePower.ts) when this kubelet started */
  boots: number;
  /** times this kubelet started again after a boot; names the bootID's random stream */
  restarts: number;
  /** the running boot's ID; undefined: the boot the node registered with (its nodeInfo.bootID) */
  bootID?: string;
  /** spec.unschedulable as the last node watch event showed it */
  unschedulable: boolean;
  /** kl.lastNodeUnschedulable: what recordNodeSchedulableEvent last reported (false when the kubelet starts) */
  reportedUnschedulable: boolean;
}

const unschedulableOf = (o: Readonly<KubeObject>): boolean =>
  (o.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;

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
      if (ev.type === 'DELETED') {
        this.untrack(name);
        return;
      }
      if (ev.type === 'ADDED') this.track(name);
      const beat = this.beats.get(name);
      if (beat) beat.unschedulable = unschedulableOf(ev.object);
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
    this.beats.set(name, {
      handle,
      lastStatusMs: rt.sim.clock.nowMs(),
      wasUp: true,
      boots: bootsOf(rt, name),
      restarts: 0,
      unschedulable: false,
      reportedUnschedulable: false,
    });
    // the registering kubelet's Events; `sim node add` creates the Node before it powers the machine on
    if (rt.machines.has(name)) this.registered(name);
    else
      rt.sim.schedule({
        delayMs: 0,
        actor: `kubelet/${name}`,
        label: `kubelet/${name} start`,
        run: () => {
          if (rt.machines.has(name) && this.beats.has(name)) this.registered(name);
        },
      });
  }

  /**
   * the kubelet that registered the node started: its birth cry, then the setters on the initial node
   * (kubelet_node_status.go initialNode), whose pressure conditions go from missing to False
   */
  private registered(name: string): void {
    const rt = this.rt as ClusterRuntime;
    recordKubeletStart(rt, name);
    for (const e of conditionEvents([], kubeletConditions(rt.sim.clock.nowRfc3339())))
      recordNodeStatusEvent(rt, name, 'Normal', e);
  }

  /** the machine booted again: a new kubelet process, with the new boot's ID and none of the old one's memory */
  private restarted(name: string, beat: NodeBeat, boots: number): void {
    const rt = this.rt as ClusterRuntime;
    beat.boots = boots;
    beat.restarts++;
    beat.bootID = rt.sim.rng.fork(`kubelet-boot/${name}/${beat.restarts}`).uuid();
    beat.reportedUnschedulable = false;
    recordKubeletStart(rt, name);
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
      // a machine seen down, or powered off and on since (sim node fail + recover), booted: its kubelet starts again
      const boots = bootsOf(rt, name);
      const booted = !beat.wasUp || boots !== beat.boots;
      if (booted) this.restarted(name, beat, boots);
      this.renewLease(name);
      const now = rt.sim.clock.nowMs();
      // a restarted kubelet posts status at once (kubelet_node_status.go syncNodeStatus on start)
      if (booted || now - beat.lastStatusMs >= NODE_STATUS_REPORT_MS) {
        this.postStatus(name, beat);
        beat.lastStatusMs = now;
      }
      this.reportSchedulable(name, beat);
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

  /**
   * Post the node's status. The setters record their Events as they compute it, before the write (setters.go
   * MachineInfo: Rebooted when the stored bootID is not the running boot's; then the condition setters).
   */
  private postStatus(name: string, beat: NodeBeat): void {
    const rt = this.rt as ClusterRuntime;
    try {
      const node = rt.api.get('nodes', undefined, name) as Readonly<Node & KubeObject>;
      const previous = node.status?.conditions ?? [];
      const conditions = kubeletConditions(rt.sim.clock.nowRfc3339(), previous);
      const stored = node.status?.nodeInfo?.bootID ?? '';
      const bootID = beat.bootID ?? stored;
      let status = { ...node.status, conditions };
      if (bootID !== stored) {
        if (stored) recordNodeEvent(rt, name, 'Warning', 'Rebooted', rebootedMessage(name, bootID));
        status = { ...status, nodeInfo: { ...node.status?.nodeInfo, bootID } as NodeSystemInfo };
      }
      for (const e of conditionEvents(previous, conditions)) recordNodeStatusEvent(rt, name, 'Normal', e);
      rt.api.updateStatus(
        'nodes',
        undefined,
        { ...node, metadata: { ...node.metadata }, status },
        {
          actor: `kubelet/${name}`,
          cause: bootID !== stored ? 'node status report after a reboot' : 'node status report',
        },
      );
    } catch (e) {
      this.traceFailure(name, 'nodes', e);
    }
  }

  /** kubelet_node_status.go recordNodeSchedulableEvent, run with the setters every nodeStatusUpdateFrequency (10 s) */
  private reportSchedulable(name: string, beat: NodeBeat): void {
    if (beat.unschedulable === beat.reportedUnschedulable) return;
    beat.reportedUnschedulable = beat.unschedulable;
    const event = beat.unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
    recordNodeStatusEvent(this.rt as ClusterRuntime, name, 'Normal', event);
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
