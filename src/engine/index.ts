// The one import surface of the engine: createCluster() and the types a client needs.
import { createRuntime } from './cluster/runtime';
import { runCommandLine } from './commands/dispatch';
import { defaultKubeConfig } from './commands/kubectl/config/kubeconfig';
import type { ClusterOptions, ClusterRuntime } from './cluster/types';
import type { CommandResult } from './commands/types';
import type { TraceRecord } from './sim/types';
import type { StoreEvent } from './store/types';
import type { KubeObject } from './types/object';

export type { ClusterOptions, NodeSpec, CniName, Taint } from './cluster/types';
export type { CommandResult } from './commands/types';
export type { TraceRecord } from './sim/types';
export type { StoreEvent, KeyValue } from './store/types';
export type { KubeObject, ObjectMeta } from './types/object';

export interface Cluster {
  /** run one `kubectl ...` or `sim ...` command line, with optional stdin for `-f -` */
  run(commandLine: string, stdin?: string): CommandResult;
  /** virtual time in ms */
  nowMs(): number;
  /** current store revision */
  revision(): number;
  /** subscribe to every store change (all resources), from now on; returns unsubscribe */
  watchAll(listener: (events: readonly StoreEvent[]) => void): () => void;
  /** every object in the cluster now, in key order (the starting snapshot for a watchAll subscriber) */
  objects(): readonly Readonly<KubeObject>[];
  /** every trace record so far (who did what, and why) */
  trace(): readonly TraceRecord[];
  /** internals for tests, the CLI and benchmarks; not for the UI */
  readonly runtime: ClusterRuntime;
}

export function createCluster(options?: ClusterOptions): Cluster {
  const rt = createRuntime(options);
  const kubeconfig = defaultKubeConfig();
  const edits = new Map<string, string>();
  return {
    run: (commandLine, stdin) => runCommandLine(commandLine, { rt, stdin, kubeconfig, edits }),
    nowMs: () => rt.sim.clock.nowMs(),
    revision: () => rt.store.revision,
    watchAll(listener) {
      const h = rt.store.watch('/registry/', listener);
      return () => h.cancel();
    },
    objects: () => rt.store.list('/registry/').items.map((kv) => kv.value),
    trace: () => rt.sim.trace.all(),
    runtime: rt,
  };
}
