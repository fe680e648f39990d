// The pod lifecycle as data (kwok-style stages): each stage has a delay with seeded jitter and a next stage,
// so the 'fast' and 'realistic' profiles are tables, not code paths.
import type { Rng } from '../sim/types';

/**
 * admit: kubelet accepts the pod (Pending, ContainerCreating); sandbox: pod sandbox + CNI (podIP);
 * pullImage: one image pull; createContainer: create + start one container; initContainerRun: an init
 * container runs to completion; restartContainer: the kubelet restarts a container after its back-off;
 * stopContainer: SIGTERM until the process exits; deletePod: final status posted, then the API object removed.
 */
export type StageName =
  | 'admit'
  | 'sandbox'
  | 'pullImage'
  | 'createContainer'
  | 'initContainerRun'
  | 'restartContainer'
  | 'stopContainer'
  | 'deletePod';

export interface StageTiming {
  delayMs: number;
  /** uniform extra delay in [0, jitterMs] drawn from the kubelet's Rng */
  jitterMs: number;
}

export type StageProfile = Readonly<Record<StageName, StageTiming>>;
export type ProfileName = 'fast' | 'realistic';

/** which stage follows which when a pod starts (a container step repeats per init container, then per container) */
export const START_FLOW: Readonly<Record<'admit' | 'sandbox' | 'pullImage' | 'createContainer', StageName>> =
  {
    admit: 'sandbox',
    sandbox: 'pullImage',
    pullImage: 'createContainer',
    createContainer: 'pullImage',
  };

/** the termination flow: stopContainer -> deletePod */
export const STOP_FLOW: Readonly<Record<'stopContainer', StageName>> = { stopContainer: 'deletePod' };

export const PROFILES: Readonly<Record<ProfileName, StageProfile>> = {
  // quick enough for demos, still ordered like a real kubelet
  fast: {
    admit: { delayMs: 10, jitterMs: 20 },
    sandbox: { delayMs: 100, jitterMs: 100 },
    pullImage: { delayMs: 1000, jitterMs: 2000 },
    createContainer: { delayMs: 50, jitterMs: 50 },
    initContainerRun: { delayMs: 500, jitterMs: 500 },
    restartContainer: { delayMs: 50, jitterMs: 50 },
    stopContainer: { delayMs: 1000, jitterMs: 200 },
    deletePod: { delayMs: 20, jitterMs: 20 },
  },
  // closer to a kind cluster on a laptop: sandbox ~1 s, pulls a few seconds
  realistic: {
    admit: { delayMs: 50, jitterMs: 100 },
    sandbox: { delayMs: 800, jitterMs: 700 },
    pullImage: { delayMs: 2000, jitterMs: 4000 },
    createContainer: { delayMs: 200, jitterMs: 300 },
    initContainerRun: { delayMs: 2000, jitterMs: 3000 },
    restartContainer: { delayMs: 300, jitterMs: 300 },
    stopContainer: { delayMs: 1000, jitterMs: 1000 },
    deletePod: { delayMs: 100, jitterMs: 100 },
  },
};

/** delay of one stage: base + seeded jitter */
export function stageDelayMs(profile: StageProfile, stage: StageName, rng: Rng): number {
  const t = profile[stage];
  return t.delayMs + (t.jitterMs > 0 ? rng.int(0, t.jitterMs) : 0);
}

/** mirrors pkg/kubelet/kubelet.go: initial container back-off 10 s, doubling, capped at MaxContainerBackOff 300 s */
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

/** KubeletConfiguration syncFrequency default: the pod worker's resyncInterval, the longest it requeues a pod for */
export const POD_RESYNC_INTERVAL_MS = 60_000;
/** pod_workers.go workerBackOffPeriodJitterFactor: a failed sync is requeued up to 50% later than its back-off */
export const WORKER_BACKOFF_JITTER_FACTOR = 0.5;

/**
 * Wait before restart number `restarts + 1` (mirrors kuberuntime doBackOff + flowcontrol.Backoff): the first crash
 * restarts at once (no back-off entry yet), later ones wait 10 s, 20 s, 40 s, ... 5 min.
 */
export function crashBackoffMs(restarts: number): number {
  if (restarts <= 0) return 0;
  return Math.min(INITIAL_BACKOFF_MS * 2 ** (restarts - 1), MAX_BACKOFF_MS);
}
