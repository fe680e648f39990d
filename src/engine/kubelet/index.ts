// Public surface of the kubelet: the pod-lifecycle component, its stage profiles and the simulated app annotations.
export { kubeletComponent, Kubelet } from './kubelet';
export { POD_NODE_INDEX } from '../client/informer';
export type { KubeletOptions } from './kubelet';
export { PROFILES, crashBackoffMs } from './stages';
export type { ProfileName, StageName, StageProfile, StageTiming } from './stages';
export {
  CRASH_AFTER_ANNOTATION,
  CRASH_CONTAINERS_ANNOTATION,
  EXIT_CODE_ANNOTATION,
  READINESS_ANNOTATION,
  STOP_DELAY_ANNOTATION,
} from './appModel';
export { createNodeHeartbeat } from './heartbeat';
