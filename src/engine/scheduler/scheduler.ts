// kube-scheduler as a simulated component: informers feed the cache and the queue; one pod is scheduled per
// simulation event; bindings are written asynchronously. mirrors pkg/scheduler/scheduler.go and schedule_one.go.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime, Component } from '../cluster/types';
import type { Rng, TimerHandle } from '../sim/types';
import type { PluginContext } from './framework/types';
import type { Profile } from './profile';
import type { SchedulerConfig } from './config';
import type { AttemptRecord, ExplanationStore } from './explanations';
import type { Informer } from '../client/informer';
import { InformerFactory } from '../client/informer';
import { SchedulerCache } from './cache';
import { SchedulingQueue } from './queue';
import { Nominator } from './nominator';
import { explanationStoreFor } from './explanations';
import { DEFAULT_SCHEDULER_NAME } from './profile';
import { ensureConfigMap, watchConfig } from './configWatch';
import { registerNodeHandlers, registerPodHandlers } from './eventHandlers';
import { scheduleOne } from './scheduleOne';
import { volumeListerFrom } from './volumeLister';

export interface SchedulerOptions {
  /** component name (default 'default-scheduler') */
  name?: string;
  /** virtual ms per scheduling cycle (default 1) */
  cycleLatencyMs?: number;
  /** virtual ms from assume to the binding write (default 3) */
  bindLatencyMs?: number;
}

export interface SchedulerComponent extends Component {
  /** scheduling attempts of a pod ('namespace/name'), oldest first */
  getExplanations(podKey: string): readonly AttemptRecord[];
  /** the running scheduler (after start) */
  readonly scheduler: Scheduler | undefined;
}

export class Scheduler {
  readonly cache = new SchedulerCache();
  readonly queue: SchedulingQueue;
  readonly nominator = new Nominator();
  readonly informers: InformerFactory;
  readonly explanations: ExplanationStore;
  readonly rng: Rng;
  profiles = new Map<string, Profile>();
  contexts = new Map<string, PluginContext>();
  config: SchedulerConfig | undefined;
  nextStartNodeIndex = 0;
  pods: Informer | undefined;
  private cycleTimer: TimerHandle | undefined;

  constructor(
    readonly rt: ClusterRuntime,
    readonly name: string,
    readonly cycleLatencyMs: number,
    readonly bindLatencyMs: number,
  ) {
    this.informers = new InformerFactory(rt.api);
    this.explanations = explanationStoreFor(rt);
    this.rng = rt.sim.rng.fork('scheduler');
    this.queue = new SchedulingQueue(rt.sim, { actor: name, onActive: () => this.ensureCycle() });
  }

  nowMs(): number {
    return this.rt.sim.clock.nowMs();
  }

  /** the pod names a profile this scheduler runs (spec.schedulerName, defaulted to default-scheduler) */
  responsibleFor(pod: Pod): boolean {
    return this.profiles.has(pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME);
  }

  /** install profiles from a loaded configuration */
  setProfiles(config: SchedulerConfig, profiles: Map<string, Profile>): void {
    this.config = config;
    this.profiles = profiles;
    const volumes = volumeListerFrom(this.rt.api, this.informers);
    const nsInformer = this.informers.for('namespaces');
    this.contexts = new Map();
    for (const [name, p] of profiles) {
      const ctx: PluginContext & { volumes?: typeof volumes } = {
        snapshot: this.cache,
        args: p.args,
        namespaceLabels: (ns) => nsInformer.get(ns)?.metadata.labels ?? (nsInformer.get(ns) ? {} : undefined),
        ...(volumes ? { volumes } : {}),
      };
      this.contexts.set(name, ctx);
    }
    this.queue.setBackoff(config.podInitialBackoffSeconds * 1000, config.podMaxBackoffSeconds * 1000);
  }

  /** one pending cycle at a time: the next pod is popped cycleLatencyMs after the previous cycle */
  ensureCycle(): void {
    if (this.cycleTimer || this.queue.activeLength === 0) return;
    this.cycleTimer = this.rt.sim.schedule({
      delayMs: this.cycleLatencyMs,
      actor: this.name,
      label: `${this.name} scheduling cycle`,
      run: () => {
        this.cycleTimer = undefined;
        scheduleOne(this);
        this.ensureCycle();
      },
    });
  }

  start(): void {
    ensureConfigMap(this);
    const ns = this.informers.for('namespaces');
    ns.start();
    // DefaultPreemption reads PodDisruptionBudgets (a PDB lister in the real scheduler)
    this.informers.for('poddisruptionbudgets').start();
    watchConfig(this);
    registerNodeHandlers(this);
    registerPodHandlers(this);
  }
}

/** kube-scheduler: `createScheduler()` is the default-scheduler with the profiles of its ConfigMap */
export function createScheduler(opts: SchedulerOptions = {}): SchedulerComponent {
  const name = opts.name ?? DEFAULT_SCHEDULER_NAME;
  let sched: Scheduler | undefined;
  let rtRef: ClusterRuntime | undefined;
  return {
    name,
    get scheduler() {
      return sched;
    },
    start(rt: ClusterRuntime) {
      rtRef = rt;
      sched = new Scheduler(rt, name, opts.cycleLatencyMs ?? 1, opts.bindLatencyMs ?? 3);
      sched.start();
    },
    getExplanations(podKey: string) {
      return rtRef ? explanationStoreFor(rtRef).get(podKey) : [];
    },
  };
}
