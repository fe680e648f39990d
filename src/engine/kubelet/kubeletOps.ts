// What the stage flows (start, crash, stop) need from the kubelet: timers that respect the machine's power,
// status writes, Events, and the node's image store and IPAM.
import type { ClusterRuntime } from '../cluster/types';
import type { EventType } from '../events/types';
import type { Rng } from '../sim/types';
import type { KubeObject } from '../types/object';
import type { ImageCatalog } from './images';
import type { PodIpam } from './podIpam';
import type { PodWorker } from './podWorker';
import type { ContainerLogs } from './containerLogs';
import type { StageName, StageProfile } from './stages';

export interface KubeletOps {
  readonly rt: ClusterRuntime;
  readonly rng: Rng;
  readonly profile: StageProfile;
  readonly images: ImageCatalog;
  readonly ipam: PodIpam;
  /** what the node's containers wrote (kubectl logs) */
  readonly logs: ContainerLogs;
  nowMs(): number;
  /** the stage's delay with jitter */
  delayOf(stage: StageName): number;
  /** wait.Jitter: ms plus up to maxFactor x ms more, drawn from the pod workers' own seeded stream */
  jitter(ms: number, maxFactor: number): number;
  /**
   * Run fn after delayMs in timer slot `slot` of the worker (replacing what was there). If the machine is down when
   * the timer fires, fn is kept and runs when the node's kubelet comes back. A `background` timer (upkeep that
   * changes nothing visible, e.g. a probe expected to repeat its published result) does not hold `sim settle`.
   */
  after(
    w: PodWorker,
    slot: string,
    delayMs: number,
    label: string,
    fn: () => void,
    background?: boolean,
  ): void;
  cancel(w: PodWorker, slot: string): void;
  /** post w's status (and phase) with the given cause; false when the pod is gone */
  writeStatus(w: PodWorker, cause: string, podIsTerminal?: boolean): boolean;
  /** an Event on the pod from source kubelet/<node> */
  event(w: PodWorker, type: EventType, reason: string, message: string): void;
  /** trace a stage transition that writes nothing */
  trace(w: PodWorker, stage: string, cause: string): void;
  /** the pod as the kubelet's informer sees it */
  podOf(w: PodWorker): Readonly<KubeObject> | undefined;
  /** the node object (for hostIP and the CNI plugin) */
  nodeOf(name: string): Readonly<KubeObject> | undefined;
  /** forget a pod the kubelet has finished with */
  forget(w: PodWorker): void;
}
