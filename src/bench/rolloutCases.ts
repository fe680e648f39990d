// The full-control-plane rollout benchmarks, shared by `npm run bench` (Node) and the browser bench
// (the same code in a Web Worker in Chromium, as the app runs it). Engine-only: no Node or DOM APIs.
import { createCluster } from '../engine/index';

export type BenchResult = Record<string, number | string>;

function time(now: () => number, fn: () => void): number {
  const t0 = now();
  fn();
  return now() - t0;
}

/** 1,000-replica Deployment on 20 nodes: create and settle (fresh engine), set image, then the same rollout warm. */
export function rollout1000(now: () => number): BenchResult {
  const cluster = createCluster({ seed: 1, nodes: 20 });
  cluster.run('sim settle');
  const rollout = (name: string) =>
    time(now, () => {
      cluster.run(`kubectl create deployment ${name} --image=nginx --replicas=1000`);
      cluster.run('sim settle --timeout 30m');
    });
  // the first rollout of a fresh engine also pays for JIT warm-up and heap growth
  const createMs = rollout('big');
  const updateMs = time(now, () => {
    cluster.run('kubectl set image deployment/big nginx=nginx:2');
    cluster.run('sim settle --timeout 30m');
  });
  const ready = cluster.run('kubectl get deployment big -o jsonpath={.status.readyReplicas}').stdout;
  // the same rollout once the engine is warm (what a session that has run anything before sees)
  cluster.run('kubectl delete deployment big');
  cluster.run('sim settle --timeout 30m');
  const warmMs = rollout('again');
  return {
    rolloutMs: Math.round(createMs),
    updateMs: Math.round(updateMs),
    readyReplicas: ready,
    warmRolloutMs: Math.round(warmMs),
  };
}

/** 5,000-replica Deployment on 100 nodes, fresh engine: the rate once the one-time JIT warm-up is a small part. */
export function rollout5000(now: () => number): BenchResult {
  const cluster = createCluster({ seed: 1, nodes: 100 });
  cluster.run('sim settle');
  const ms = time(now, () => {
    cluster.run('kubectl create deployment big --image=nginx --replicas=5000');
    cluster.run('sim settle --timeout 30m');
  });
  const ready = cluster.run('kubectl get deployment big -o jsonpath={.status.readyReplicas}').stdout;
  return { rolloutMs: Math.round(ms), msPer1000Pods: Math.round(ms / 5), readyReplicas: ready };
}

export const rolloutCases: { name: string; run: (now: () => number) => BenchResult }[] = [
  {
    name: 'full control plane: 1,000-replica Deployment on 20 nodes, create then set image',
    run: rollout1000,
  },
  { name: 'full control plane: 5,000-replica Deployment on 100 nodes, fresh engine', run: rollout5000 },
];
