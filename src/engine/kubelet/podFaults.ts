// Faults a user injects into a running pod's app (`sim pod crash|fail-readiness|fail-liveness|heal`), applied to
// the kubelet's own pod worker so its probes, restarts and posted status follow as they would on a real node.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterRuntime } from '../cluster/types';
import type { Kubelet } from './kubelet';
import type { ContainerRun, PodWorker } from './podWorker';
import { onContainerExit } from './crashFlow';
import { wakeProbes } from './probeFlow';
import { kubeletOf } from './eviction/oomKill';

export type PodFault = 'crash' | 'fail-readiness' | 'fail-liveness' | 'heal';

export interface FaultTarget {
  kubelet: Kubelet;
  worker: PodWorker;
  containers: ContainerRun[];
}

/** the kubelet worker and app containers a fault applies to, or the reason it cannot apply */
export function faultTarget(
  rt: ClusterRuntime,
  pod: Readonly<Pod>,
  container: string | undefined,
): FaultTarget | string {
  const name = pod.metadata?.name ?? '';
  const node = pod.spec?.nodeName;
  if (!node) return `pod ${name} is not scheduled to a node yet`;
  if (rt.machines.get(node)?.up !== true) return `node ${node} is down: nothing runs pod ${name}`;
  const kubelet = kubeletOf(rt);
  const worker = kubelet?.workersOn(node).find((w) => w.uid === pod.metadata?.uid);
  if (!kubelet || !worker) return `pod ${name} is not running on ${node}`;
  const apps = worker.containers.filter((c) => !c.init);
  const containers = container ? apps.filter((c) => c.name === container) : apps;
  if (containers.length === 0) return `container ${container ?? ''} is not valid for pod ${name}`;
  return { kubelet, worker, containers };
}

/** apply a fault; returns one line per container saying what happens next */
export function applyPodFault(t: FaultTarget, fault: PodFault, exitCode: number): string[] {
  const { kubelet, worker: w } = t;
  const out: string[] = [];
  for (const c of t.containers) {
    const has = (type: string): boolean => c.probes.some((p) => p.spec.type === type);
    switch (fault) {
      case 'crash':
        if (c.state !== 'running') {
          out.push(`container ${c.name} is not running (${c.waitingReason}): nothing to crash`);
          continue;
        }
        kubelet.cancel(w, `crash:${c.name}`);
        onContainerExit(kubelet, w, c, exitCode);
        out.push(`container ${c.name} exited with code ${exitCode}`);
        continue;
      case 'fail-readiness':
        c.faults.readinessFails = true;
        out.push(
          has('readiness')
            ? `container ${c.name} now fails its readiness probe`
            : `container ${c.name} now fails readiness checks, but it has no readinessProbe: the kubelet keeps it Ready`,
        );
        break;
      case 'fail-liveness':
        c.faults.hung = true;
        out.push(
          has('liveness')
            ? `container ${c.name} stopped answering: its liveness probe will fail until it is restarted`
            : `container ${c.name} stopped answering, but it has no livenessProbe: nothing will restart it`,
        );
        break;
      case 'heal':
        c.faults = {};
        out.push(`container ${c.name} answers its probes again`);
        break;
    }
    wakeProbes(kubelet, w, c);
  }
  return out;
}
