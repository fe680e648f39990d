// Property test: replacing a pod whose spec is unchanged (a status update) leaves the NodeInfo exactly as
// RemovePod + AddPod leave it: same pod order, affinity lists, requests and ports.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import { addPodTo, newNodeInfo, removePodFrom, replaceSameSpecPod } from './nodeInfo';
import type { MutableNodeInfo } from './nodeInfo';

const antiAffinity = {
  podAntiAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'a' } } },
    ],
  },
};

function spec(kind: number): PodSpec {
  const c = { name: 'c', image: 'nginx', resources: { requests: { cpu: `${kind + 1}00m`, memory: '64Mi' } } };
  if (kind === 1) return { nodeName: 'n1', containers: [c], affinity: antiAffinity };
  if (kind === 2)
    return { nodeName: 'n1', containers: [{ ...c, ports: [{ containerPort: 80, hostPort: 8080 }] }] };
  return { nodeName: 'n1', containers: [c] };
}

const view = (ni: MutableNodeInfo) => ({
  pods: ni.pods.map((p) => `${p.metadata?.uid}:${p.status?.phase}`),
  aff: ni.podsWithAffinity.map((p) => `${p.metadata?.uid}:${p.status?.phase}`),
  anti: ni.podsWithRequiredAntiAffinity.map((p) => `${p.metadata?.uid}:${p.status?.phase}`),
  requested: { ...ni.requested },
  nonZero: { ...ni.nonZeroRequested },
  ports: [...ni.usedPorts].sort(),
});

describe('replaceSameSpecPod', () => {
  it('equals remove + add for any pods and any status update', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (kinds, updates) => {
          const node = {
            metadata: { name: 'n1' },
            status: { allocatable: { cpu: '8', memory: '8Gi', pods: '110' } },
          };
          const a = newNodeInfo(node);
          const b = newNodeInfo(node);
          const pods: Pod[] = kinds.map((k, i) => ({
            metadata: { name: `p${i}`, namespace: 'default', uid: `u${i}` },
            spec: spec(k),
            status: { phase: 'Pending' },
          }));
          for (const p of pods) {
            addPodTo(a, p);
            addPodTo(b, p);
          }
          updates.forEach((u, step) => {
            const i = u % pods.length;
            const old = pods[i] as Pod;
            const next: Pod = { ...old, status: { phase: `P${step}` } };
            pods[i] = next;
            const replaced = replaceSameSpecPod(a, old, next);
            if (!replaced) {
              removePodFrom(a, old);
              addPodTo(a, next);
            }
            // host ports always take the remove + add path
            expect(replaced).toBe((old.spec?.containers[0]?.ports?.length ?? 0) === 0);
            removePodFrom(b, old);
            addPodTo(b, next);
            expect(view(a)).toEqual(view(b));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
