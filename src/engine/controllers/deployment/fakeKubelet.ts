// Test-only stand-in for scheduler + kubelet: binds new pods, marks them Running/Ready after a delay (when readyFor
// says so), and finishes graceful deletions. Keeps the Deployment e2e tests independent of the real node agents.
import type { ClusterRuntime, Component } from '../../cluster/types';
import type { KubeObject } from '../../types/object';

export interface FakeKubeletOptions {
  /** whether a pod ever becomes Ready (e.g. false for a broken image) */
  readyFor?: (pod: Readonly<KubeObject>) => boolean;
  startDelayMs?: number;
  stopDelayMs?: number;
  node?: string;
}

export function fakeKubelet(opts: FakeKubeletOptions = {}): Component {
  const readyFor = opts.readyFor ?? (() => true);
  const node = opts.node ?? 'node-1';
  const ctx = { actor: 'kubelet/fake' };
  return {
    name: 'fake-kubelet',
    start(rt: ClusterRuntime) {
      const seen = new Set<string>();
      const later = (delayMs: number, label: string, run: () => void) =>
        rt.sim.schedule({ delayMs, actor: 'kubelet/fake', label, run });
      const tryRun = (f: () => void) => {
        try {
          f();
        } catch {
          // the pod went away meanwhile
        }
      };
      rt.api.watch('pods', undefined, {}, (ev) => {
        const pod = ev.object;
        const ns = pod.metadata.namespace;
        const name = pod.metadata.name ?? '';
        if (ev.type === 'DELETED') return;
        if (pod.metadata.deletionTimestamp) {
          if (seen.has(`del/${name}`)) return;
          seen.add(`del/${name}`);
          later(opts.stopDelayMs ?? 500, `stop ${name}`, () =>
            tryRun(() => rt.api.delete('pods', ns, name, { gracePeriodSeconds: 0 }, ctx)),
          );
          return;
        }
        if (ev.type !== 'ADDED' || seen.has(name)) return;
        seen.add(name);
        later(opts.startDelayMs ?? 1000, `start ${name}`, () =>
          tryRun(() => {
            rt.api.bind(ns ?? 'default', name, node, ctx);
            const cur = structuredClone(rt.api.get('pods', ns, name));
            const now = rt.sim.clock.nowRfc3339();
            const ready = readyFor(cur) ? 'True' : 'False';
            cur.status = {
              ...(cur.status as object),
              phase: 'Running',
              conditions: [{ type: 'Ready', status: ready, lastTransitionTime: now }],
            };
            rt.api.updateStatus('pods', ns, cur, ctx);
          }),
        );
      });
    },
  };
}
