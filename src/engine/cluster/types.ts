// The cluster as the engine assembles it: options, node specs, and the runtime every component and command sees.
import type { Simulation } from '../sim/types';
import type { MvccStore } from '../store/types';
import type { ApiServer } from '../apiserver/types';
import type { EventRecorder } from '../events/types';

export type CniName = 'flannel' | 'calico' | 'cilium' | 'antrea' | 'weave';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface NodeSpec {
  name: string;
  /** Kubernetes quantity, default '4' */
  cpu?: string;
  /** Kubernetes quantity, default '16Gi' */
  memory?: string;
  /** max pods, default 110 */
  pods?: number;
  zone?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
}

export interface ClusterOptions {
  seed?: number;
  /** number of worker nodes (node-1..node-N) or explicit specs; a control-plane node is always added */
  nodes?: number | NodeSpec[];
  cni?: CniName;
  /**
   * run the controllers, scheduler and kubelets (default true); false gives a bare API server + store + nodes,
   * for tests of lower layers
   */
  controlPlane?: boolean;
}

export interface ResolvedClusterOptions {
  seed: number;
  nodes: NodeSpec[];
  cni: CniName;
  controlPlane: boolean;
}

/** A long-running part of the control plane (controller, scheduler, kubelet, ...), started once. */
export interface Component {
  readonly name: string;
  start(rt: ClusterRuntime): void;
}

/** Everything inside one simulated cluster. Commands and components reach the cluster only through this. */
export interface ClusterRuntime {
  readonly options: ResolvedClusterOptions;
  readonly sim: Simulation;
  readonly store: MvccStore;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  /** simulated machines: a node whose machine is down stops heartbeating and running pods */
  readonly machines: Map<string, { up: boolean }>;
  readonly components: Component[];
  /** add and start a component; a second component with the same name as a running one is ignored */
  addComponent(c: Component): void;
}
