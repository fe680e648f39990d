// The kubelets of every node as one component: a pods informer indexed by spec.nodeName feeds one worker per pod,
// whose lifecycle runs as timed stages; a node whose machine is down runs nothing. When the machine boots again its
// kubelet posts a new bootID (heartbeat.ts) and every pod bound to the node is brought back as after a reboot
// (rebootFlow.ts).
import { ContainerLogs } from './containerLogs';
import type { ClusterRuntime, Component } from '../cluster/types';
import type { EventType } from '../events/types';
import type { Rng, TimerHandle } from '../sim/types';
import type { KubeObject } from '../types/object';
import type { Container } from 'kubernetes-types/core/v1';
import { probesOf } from './probeSpec';
import { newProbeWorker } from './probeWorker';
import type { Informer } from '../client/informer';
import { indexPodsByNode, POD_NODE_INDEX, processInformers } from '../client/informer';
import { StatusError } from '../apiserver/types';
import type { KubeletOps } from './kubeletOps';
import type { ContainerRun, PodWorker } from './podWorker';
import { podKey, setCondition } from './podWorker';
import { appModelOf } from './appModel';
import { ImageCatalog } from './images';
import { PodIpam } from './podIpam';
import { cniForCluster } from '../network/cni/index';
import { buildPodStatus, getPhase } from './podStatus';
import { toRfc3339 } from '../sim/clock';
import type { ProfileName, StageName, StageProfile } from './stages';
import { PROFILES, stageDelayMs } from './stages';
import { admit } from './startFlow';
import { beginTermination } from './stopFlow';
import { rebootPod } from './rebootFlow';
import { bootsOf } from './machinePower';

export interface KubeletOptions {
  profile?: ProfileName | StageProfile;
}

interface Stalled {
  w: PodWorker;
  slot: string;
  label: string;
  fn: () => void;
}

/** one pending timer of a worker's slot */
interface SlotTimer extends Stalled {
  node: string;
  handle?: TimerHandle;
}

/** the queued body of a slot timer (a returned closure: no per-timer function naming under keepNames builds) */
function timerBody(k: Kubelet, t: SlotTimer): () => void {
  return () => k.fire(t);
}

function bootIDOf(node: Readonly<KubeObject>): string | undefined {
  return (node.status as { nodeInfo?: { bootID?: string } } | undefined)?.nodeInfo?.bootID;
}

interface PodSpecLite {
  nodeName?: string;
  restartPolicy?: PodWorker['restartPolicy'];
  containers?: Container[];
  initContainers?: Container[];
}

function containerRun(s: Readonly<Container>, init: boolean): ContainerRun {
  return {
    name: s.name,
    image: s.image ?? '',
    init,
    state: 'waiting',
    waitingReason: 'ContainerCreating',
    restartCount: 0,
    ready: false,
    backoffCount: 0,
    started: false,
    // init containers (no restartable sidecars modelled) are not probed
    probes: init ? [] : probesOf(s).map((spec) => ({ spec, state: newProbeWorker(spec.type) })),
    faults: {},
    pullFailures: 0,
  };
}

export class Kubelet implements Component, KubeletOps {
  readonly name = 'kubelet';
  rt!: ClusterRuntime;
  rng!: Rng;
  images!: ImageCatalog;
  readonly ipam = new PodIpam(() => cniForCluster(this.rt));
  readonly logs = new ContainerLogs();
  readonly profile: StageProfile;
  private pods!: Informer;
  private nodes!: Informer;
  private readonly workers = new Map<string, PodWorker>();
  private readonly stalled = new Map<string, Stalled[]>();
  /** per node, the machine boot its kubelet runs on (machinePower.ts bootsOf); timers of another boot wait */
  private readonly boots = new Map<string, number>();
  private workerRng!: Rng;
  private readonly imageIdOf = (img: string): string => this.images.imageID(img);

  constructor(opts: KubeletOptions = {}) {
    const p = opts.profile ?? 'fast';
    this.profile = typeof p === 'string' ? PROFILES[p] : p;
  }

  start(rt: ClusterRuntime): void {
    this.rt = rt;
    this.rng = rt.sim.rng.fork('kubelet');
    this.images = new ImageCatalog(rt.sim.rng.fork('kubelet-images'));
    this.workerRng = rt.sim.rng.fork('kubelet-pod-workers');
    this.pods = processInformers(rt.api, 'kubelet').for('pods');
    indexPodsByNode(this.pods);
    this.nodes = processInformers(rt.api, 'kubelet').for('nodes');
    this.nodes.start();
    // the node's kubelet came back on a new boot: it posts the boot's ID with its first status (setters.go MachineInfo)
    this.nodes.addHandlers({
      // a node (re)registering runs on its machine's current boot
      onAdd: (o) => this.boots.set(o.metadata.name ?? '', bootsOf(rt, o.metadata.name ?? '')),
      onUpdate: (old, cur) => {
        const before = bootIDOf(old);
        const after = bootIDOf(cur);
        if (before && after && before !== after) this.rebooted(cur.metadata.name ?? '');
      },
    });
    this.pods.start();
    this.pods.addHandlers({
      onAdd: (o) => this.observe(o),
      onUpdate: (_old, o) => this.observe(o),
      onDelete: (o) => {
        const w = this.workers.get(o.metadata.uid ?? '');
        if (w) this.forget(w);
      },
    });
    // a machine that was down for less than a heartbeat (so did not visibly reboot) runs what stalled meanwhile once
    // its kubelet renews the lease again
    rt.api.watch('leases', 'kube-node-lease', {}, (ev) => {
      const node = ev.object.metadata.name ?? '';
      if (ev.type !== 'MODIFIED' && ev.type !== 'ADDED') return;
      if (this.stalled.has(node)) {
        rt.sim.schedule({
          delayMs: 0,
          actor: `kubelet/${node}`,
          label: `kubelet/${node} resync`,
          run: () => this.resync(node),
        });
      }
    });
  }

  /** the node's machine runs this kubelet's boot: its timers may run */
  private running(node: string): boolean {
    return this.rt.machines.get(node)?.up === true && bootsOf(this.rt, node) === (this.boots.get(node) ?? 0);
  }

  /** the node's machine booted again: what the old boot was doing is gone; bring its pods back from the API */
  private rebooted(node: string): void {
    this.boots.set(node, bootsOf(this.rt, node));
    this.stalled.delete(node);
    const workers = this.workersOn(node);
    for (const w of workers) for (const slot of [...w.timers.keys()]) this.cancel(w, slot);
    this.rt.sim.schedule({
      delayMs: 0,
      actor: `kubelet/${node}`,
      label: `kubelet/${node} restarted after a reboot`,
      run: () => {
        for (const w of workers) if (!w.gone) rebootPod(this, w);
      },
    });
  }

  /** pods the kubelet of `node` is running (for tests and the UI) */
  workersOn(node: string): readonly PodWorker[] {
    const out: PodWorker[] = [];
    for (const p of this.pods.byIndex(POD_NODE_INDEX, node)) {
      const w = this.workers.get(p.metadata.uid ?? '');
      if (w) out.push(w);
    }
    return out;
  }

  private observe(pod: Readonly<KubeObject>): void {
    const spec = (pod.spec ?? {}) as PodSpecLite;
    const uid = pod.metadata.uid ?? '';
    if (!spec.nodeName || !uid) return;
    let w = this.workers.get(uid);
    if (!w) {
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return;
      w = this.newWorker(pod, spec, uid);
      this.workers.set(uid, w);
      if (!pod.metadata.deletionTimestamp) {
        const worker = w;
        this.after(w, 'flow', this.delayOf('admit'), 'admit', () => admit(this, worker));
      }
    }
    if (pod.metadata.deletionTimestamp && !w.terminating) {
      beginTermination(this, w, pod.metadata.deletionGracePeriodSeconds ?? 0);
    }
  }

  private newWorker(pod: Readonly<KubeObject>, spec: PodSpecLite, uid: string): PodWorker {
    return {
      uid,
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name ?? '',
      node: spec.nodeName ?? '',
      restartPolicy: spec.restartPolicy ?? 'Always',
      app: appModelOf(pod.metadata.annotations),
      containers: [
        ...(spec.initContainers ?? []).map((c) => containerRun(c, true)),
        ...(spec.containers ?? []).map((c) => containerRun(c, false)),
      ],
      cursor: 0,
      sandboxReady: false,
      terminating: false,
      gracePeriodSeconds: 0,
      conditions: new Map(),
      timers: new Map(),
    };
  }

  /** the machine is up on the same boot: run what stalled */
  private resync(node: string): void {
    if (!this.running(node)) return;
    const stalled = this.stalled.get(node) ?? [];
    this.stalled.delete(node);
    for (const s of stalled) {
      if (this.workers.get(s.w.uid) !== s.w) continue;
      this.after(s.w, s.slot, 0, s.label, s.fn);
    }
  }

  nowMs(): number {
    return this.rt.sim.clock.nowMs();
  }

  delayOf(stage: StageName): number {
    return stageDelayMs(this.profile, stage, this.rng);
  }

  jitter(ms: number, maxFactor: number): number {
    return ms + Math.floor(this.workerRng.float() * maxFactor * ms);
  }

  after(
    w: PodWorker,
    slot: string,
    delayMs: number,
    label: string,
    fn: () => void,
    background = false,
  ): void {
    this.cancel(w, slot);
    const t: SlotTimer = { w, slot, label, fn, node: w.node };
    const actor = (w.actor ??= `kubelet/${w.node}`);
    const handle = this.rt.sim.schedule({
      delayMs: Math.max(0, delayMs),
      background,
      actor,
      label: `${actor} ${label} ${(w.key ??= podKey(w))}`,
      run: timerBody(this, t),
    });
    t.handle = handle;
    w.timers.set(slot, handle);
  }

  /** a slot timer is due: run it unless replaced or cancelled; keep it for later while the machine is down */
  fire(t: SlotTimer): void {
    const { w, slot, node } = t;
    if (w.timers.get(slot) !== t.handle) return;
    w.timers.delete(slot);
    if (w.gone) return;
    if (!this.running(node)) {
      let list = this.stalled.get(node);
      if (!list) this.stalled.set(node, (list = []));
      list.push({ w, slot, label: t.label, fn: t.fn });
      return;
    }
    t.fn();
  }

  cancel(w: PodWorker, slot: string): void {
    const h = w.timers.get(slot);
    if (h) this.rt.sim.cancel(h);
    w.timers.delete(slot);
  }

  writeStatus(w: PodWorker, cause: string, podIsTerminal = false): boolean {
    const api = this.rt.api;
    let cur: KubeObject;
    try {
      cur = api.get('pods', w.namespace, w.name);
    } catch {
      return false;
    }
    if (cur.metadata.uid !== w.uid) return false;
    // generateAPIPodStatus reads the sandbox state when the status is generated (see startFlow sandbox)
    if (w.sandboxReady) setCondition(w, 'PodReadyToStartContainers', 'True', this.rt.sim.clock.nowMs());
    let phase = getPhase(w, podIsTerminal);
    if (podIsTerminal && phase !== 'Succeeded' && phase !== 'Failed') phase = 'Failed';
    const status = buildPodStatus(
      w,
      cur.status as Record<string, unknown> | undefined,
      phase,
      toRfc3339,
      this.imageIdOf,
    );
    try {
      // a /status request reads only the metadata and status of what it is sent (the rest comes from the stored pod)
      const next: KubeObject = { apiVersion: cur.apiVersion, kind: cur.kind, metadata: cur.metadata, status };
      api.updateStatus('pods', w.namespace, next, { actor: (w.actor ??= `kubelet/${w.node}`), cause });
      return true;
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      this.rt.sim.trace.record({
        actor: `kubelet/${w.node}`,
        action: 'error',
        target: `pods/${podKey(w)}`,
        message: e.message,
        cause,
      });
      return false;
    }
  }

  event(w: PodWorker, type: EventType, reason: string, message: string): void {
    const pod = this.podOf(w);
    if (pod) this.rt.events.event(pod, type, reason, message, { component: 'kubelet', host: w.node });
  }

  trace(w: PodWorker, stage: string, cause: string): void {
    this.rt.sim.trace.record({
      actor: `kubelet/${w.node}`,
      action: 'stage',
      target: `pods/${podKey(w)}`,
      cause,
      message: stage,
    });
  }

  podOf(w: PodWorker): Readonly<KubeObject> | undefined {
    const p = this.pods.get((w.key ??= podKey(w)));
    return p && p.metadata.uid === w.uid ? p : undefined;
  }

  nodeOf(name: string): Readonly<KubeObject> | undefined {
    return this.nodes.get(name);
  }

  forget(w: PodWorker): void {
    for (const slot of [...w.timers.keys()]) this.cancel(w, slot);
    if (w.podIP) this.ipam.tearDown(w.podIP, w.hostIP);
    this.logs.forgetPod(
      w.uid,
      w.containers.map((c) => c.name),
    );
    this.workers.delete(w.uid);
    w.gone = true;
  }
}

/** The kubelet component for every node of the cluster (the lead registers it in bootstrap). */
export function kubeletComponent(opts: KubeletOptions = {}): Kubelet {
  return new Kubelet(opts);
}
