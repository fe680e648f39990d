// The engine side of the bridge, free of worker globals so tests can drive it: one cluster, driven only by
// command lines, whose changes leave as batched snapshot messages.
import { createCluster, type Cluster, type KubeObject } from '../../engine/index';
import { createSnapshotBatcher, fullSnapshot, type SnapshotBatcher } from './batcher';
import type { FromWorker, ToWorker } from './protocol';

export interface EngineHost {
  handle(msg: ToWorker): void;
}

function* allObjects(c: Cluster): Iterable<KubeObject> {
  // the host owns the cluster, so it may read the store directly for the one initial list
  yield* c.objects();
}

export function createEngineHost(
  post: (msg: FromWorker) => void,
  schedule: (fn: () => void) => void,
): EngineHost {
  let cluster: Cluster | undefined;
  let batcher: SnapshotBatcher | undefined;
  let unwatch: (() => void) | undefined;
  // a flush still queued from a cluster that was reset must not post over the new one
  let generation = 0;

  function start(seed: number): void {
    unwatch?.();
    unwatch = undefined;
    cluster = undefined;
    try {
      const c = createCluster({ seed });
      const gen = ++generation;
      const b = createSnapshotBatcher({
        post: (m) => {
          if (gen === generation) post(m);
        },
        schedule,
        revision: () => c.revision(),
        nowMs: () => c.nowMs(),
      });
      // list and watch in the same synchronous turn: no event can fall between them
      post(fullSnapshot(allObjects(c), c.revision(), c.nowMs()));
      unwatch = c.watchAll((events) => b.add(events));
      cluster = c;
      batcher = b;
    } catch (e) {
      post({
        type: 'error',
        message: `could not start the cluster: ${e instanceof Error ? e.message : String(e)}`,
      });
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

  return {
    handle(msg) {
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
    },
  };
}
