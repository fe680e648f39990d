// Benchmark harness (`npm run bench`): measures the engine at Kubernetes' scale limits and prints figures.
// Not a test: numbers vary by machine; the closing notes quote them.
import { createCluster } from '../engine/index';
import type { KubeObject } from '../engine/index';
import { benchScheduler } from '../engine/scheduler/bench';
import { rolloutCases } from '../bench/rolloutCases';
import { runInBrowser } from '../bench/browser';

type Bench = { name: string; run: () => Record<string, number | string> };

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

function podManifest(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `pod-${i}`,
      namespace: `ns-${i % 50}`,
      labels: { app: `app-${i % 1000}`, tier: i % 2 ? 'web' : 'db' },
    },
    spec: {
      containers: [
        { name: 'main', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } },
      ],
    },
  };
}

const benches: Bench[] = [
  {
    name: 'store+apiserver: create 150,000 pods, list by label',
    run() {
      const cluster = createCluster({ seed: 1 });
      const api = cluster.runtime.api;
      const ctx = { actor: 'bench' };
      for (let n = 0; n < 50; n++) {
        api.create(
          'namespaces',
          undefined,
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}` } },
          ctx,
        );
      }
      cluster.run('sim advance 1s'); // the serviceaccount controller creates each namespace's `default`
      const [, createMs] = time(() => {
        for (let i = 0; i < 150_000; i++) api.create('pods', `ns-${i % 50}`, podManifest(i), ctx);
      });
      const [byLabel, labelMs] = time(() => api.list('pods', undefined, { labelSelector: 'app=app-7' }));
      const [byNs, nsMs] = time(() => api.list('pods', 'ns-3'));
      const [sel, selMs] = time(() =>
        api.list('pods', undefined, { labelSelector: 'tier=web,app in (app-1,app-3)' }),
      );
      const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
      return {
        createMs: Math.round(createMs),
        podsPerSecond: Math.round(150_000 / (createMs / 1000)),
        listByLabelMs: +labelMs.toFixed(2),
        listByLabelItems: byLabel.items.length,
        listByNamespaceMs: +nsMs.toFixed(2),
        listByNamespaceItems: byNs.items.length,
        setSelectorMs: +selMs.toFixed(2),
        setSelectorItems: sel.items.length,
        heapMb,
      };
    },
  },
  {
    name: 'kubectl apply -f - of 1,000 pods (command path)',
    run() {
      const cluster = createCluster({ seed: 1 });
      const docs = Array.from(
        { length: 1000 },
        (_, i) =>
          `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${i}\n  labels: {app: a}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`,
      ).join('---\n');
      const [r, ms] = time(() => cluster.run('kubectl apply -f -', docs));
      return { applyMs: Math.round(ms), exitCode: r.code };
    },
  },
  {
    name: 'createCluster with 5,000 nodes (API server, store, nodes, heartbeats only)',
    run() {
      const [cluster, ms] = time(() => createCluster({ seed: 1, nodes: 5000, controlPlane: false }));
      const [, advMs] = time(() => cluster.run('sim advance 60s'));
      return { createMs: Math.round(ms), advance60sMs: Math.round(advMs) };
    },
  },
  {
    name: 'scheduler: 5,000 nodes, 3,000 pods, default plugins',
    run() {
      const r = benchScheduler(5000, 3000, { now: () => performance.now() });
      return {
        scheduled: r.scheduled,
        wallMs: Math.round(r.wallMs ?? 0),
        podsPerSecond: Math.round(r.podsPerSecond ?? 0),
      };
    },
  },
  ...rolloutCases.map((c) => ({ name: c.name, run: () => c.run(() => performance.now()) })),
  {
    // the system DaemonSets (kube-proxy, the CNI agent) put two pods on every node: 10,000 pods to create and start
    name: 'full control plane: 5,000 nodes, first 60 s',
    run() {
      const [cluster, createMs] = time(() => createCluster({ seed: 1, nodes: 5000 }));
      const [, advMs] = time(() => cluster.run('sim advance 60s'));
      const pods = cluster.runtime.api.list('pods', undefined).items;
      const running = pods.filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running');
      return {
        createMs: Math.round(createMs),
        advance60sMs: Math.round(advMs),
        pods: pods.length,
        runningPods: running.length,
      };
    },
  },
];

const only = process.argv[2];
for (const b of benches) {
  if (only && !b.name.includes(only)) continue;
  const [res, ms] = time(() => b.run());
  print(`${b.name}  (${Math.round(ms)} ms total)`, res);
}

// The same rollout cases in a Web Worker in Chromium: the engine as the app runs it, with the browser's JIT.
const browserCases = rolloutCases
  .map((c) => c.name)
  .filter((n) => !only || `in Chromium: ${n}`.includes(only));
if (browserCases.length > 0) {
  const t0 = performance.now();
  const browser = await runInBrowser(browserCases);
  if (!browser) console.log('in Chromium: skipped, no Chromium at $CHROMIUM_PATH or /usr/bin/chromium');
  for (const r of browser?.results ?? []) print(`in Chromium ${browser?.version}: ${r.name}`, r.result);
  if (browser)
    console.log(`  (browser cases ${Math.round(performance.now() - t0)} ms total, Vite bundle included)`);
}

function print(title: string, res: Record<string, number | string>) {
  console.log(title);
  for (const [k, v] of Object.entries(res)) console.log(`  ${k}: ${v}`);
}
