// The UI side of the bridge: sends command lines to the engine worker, resolves their results,
// and pushes snapshots and terminal history into the zustand store.
import type { CommandResult } from '../../engine/index';
import type { ClusterStore } from '../state/clusterStore';
import type { FromWorker, ToWorker } from './protocol';

/** the part of a Worker the client uses (a fake in tests) */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface EngineClient {
  /** run one command line (the only way the UI changes the cluster); recorded in the terminal history */
  run(line: string, stdin?: string): Promise<CommandResult>;
  /** throw the cluster away and start a fresh one */
  reset(seed: number): void;
  dispose(): void;
}

export function createEngineClient(worker: WorkerLike, store: ClusterStore, seed = 1): EngineClient {
  let nextId = 1;
  const waiting = new Map<number, (r: CommandResult) => void>();

  worker.onmessage = (ev) => {
    const msg = ev.data;
    if (msg.type === 'snapshot') store.getState().applySnapshot(msg);
    else if (msg.type === 'error') store.getState().setError(msg.message);
    else {
      const { id, code, stdout, stderr, editor } = msg;
      const result = editor === undefined ? { code, stdout, stderr } : { code, stdout, stderr, editor };
      store.getState().commandFinished(id, result);
      waiting.get(id)?.(result);
      waiting.delete(id);
    }
  };
  worker.onerror = (ev) =>
    store.getState().setError(`engine worker failed: ${ev.message || 'unknown error'}`);
  worker.postMessage({ type: 'hello', seed });

  return {
    run(line, stdin) {
      const id = nextId++;
      store.getState().commandStarted(id, line);
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage(
          stdin === undefined ? { type: 'run', id, line } : { type: 'run', id, line, stdin },
        );
      });
    },
    reset(newSeed) {
      worker.postMessage({ type: 'reset', seed: newSeed });
    },
    dispose() {
      worker.terminate();
      for (const resolve of waiting.values())
        resolve({ code: 1, stdout: '', stderr: 'error: engine stopped\n' });
      waiting.clear();
    },
  };
}

/** the engine worker, bundled by Vite as an ES module worker */
export function startEngineWorker(): WorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike;
}
