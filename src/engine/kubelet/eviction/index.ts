// Public surface of node-pressure eviction and the OOM killer (the kubelet's eviction manager).
export { EvictionManager, evictionManagerComponent } from './evictionManager';
export type { EvictionOptions } from './evictionManager';
export { oomKill, evictPod, OOM_EXIT_CODE } from './oomKill';
export { rankMemoryPressure, memoryEvictionMessage } from './ranking';
export type { PodMemoryStats } from './ranking';
export { parseMemoryThreshold } from './threshold';
