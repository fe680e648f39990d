// The engine's home in the browser: one simulated cluster per worker, driven only by command lines.
import { createCluster, type Cluster, type KubeObject } from '../../engine/index';
import { createSnapshotBatcher, fullSnapshot, type SnapshotBatcher } from './batcher';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker): void => scope.postMessage(msg);

let cluster: Cluster | undefined;
let batcher: SnapshotBatcher | undefined;
let unwatch: (() => void) | undefined;

function* allObjects(c: Cluster): Iterable<KubeObject> {
  // the worker is the engine's host, so it may read the store directly for the one initial list
  for (const kv of c.runtime.store.list('/registry/').items) yield kv.value;
}

function start(seed: number): void {
  unwatch?.();
  cluster = undefined;
  try {
    const c = createCluster({ seed });
    const b = createSnapshotBatcher({
      post,
      schedule: (fn) => queueMicrotask(fn),
      revision: () => c.revision(),
      nowMs: () => c.nowMs(),
    });
    // list and watch in the same synchronous turn: no event can fall between them
    post(fullSnapshot(allObjects(c), c.revision(), c.nowMs()));
    unwatch = c.watchAll((events) => b.add(events));
    cluster = c;
    batcher = b;
  } catch (e) {
    post({ type: 'error', message: `could not start the cluster: ${e instanceof Error ? e.message : String(e)}` });
  }
}

function run(id: number, line: string, stdin: string | undefined): void {
  if (!cluster || !batcher) {
    post({ type: 'result', id, code: 1, stdout: '', stderr: 'error: the cluster is not running\n' });
    return;
  }
  let result;
  try {
    result = cluster.run(line, stdin);
  } catch (e) {
    result = { code: 1, stdout: '', stderr: `error: ${e instanceof Error ? e.message : String(e)}\n` };
  }
  // the snapshot goes first, so the canvas is current when the command's promise resolves
  batcher.flush();
  post({ type: 'result', id, ...result });
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'hello':
      if (!cluster) start(msg.seed ?? 1);
      else post(fullSnapshot(allObjects(cluster), cluster.revision(), cluster.nowMs()));
      break;
    case 'reset':
      start(msg.seed);
      break;
    case 'run':
      run(msg.id, msg.line, msg.stdin);
      break;
  }
};
