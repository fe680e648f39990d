import { describe, expect, it } from 'vitest';
import { createEngineClient, type WorkerLike } from './client';
import { createClusterStore } from '../state/clusterStore';
import type { FromWorker, ToWorker } from './protocol';
import { makePod } from '../graph/fixtures';

function fakeWorker() {
  const sent: ToWorker[] = [];
  const w: WorkerLike = {
    postMessage: (m) => sent.push(m),
    onmessage: null,
    onerror: null,
    terminate: () => {},
  };
  const reply = (msg: FromWorker) => w.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
  return { w, sent, reply };
}

describe('engine client', () => {
  it('says hello with the seed, then mirrors snapshots into the store', () => {
    const { w, sent, reply } = fakeWorker();
    const store = createClusterStore();
    createEngineClient(w, store, 42);
    expect(sent).toEqual([{ type: 'hello', seed: 42 }]);
    expect(store.getState().status).toBe('connecting');
    reply({
      type: 'snapshot',
      full: true,
      revision: 9,
      nowMs: 1500,
      upserts: [makePod('hello')],
      deletes: [],
    });
    const s = store.getState();
    expect(s).toMatchObject({ status: 'ready', revision: 9, nowMs: 1500 });
    expect(s.objects['Pod']?.has('default/hello')).toBe(true);
  });

  it('resolves each run with its own result and records it in the terminal history', async () => {
    const { w, sent, reply } = fakeWorker();
    const store = createClusterStore();
    const client = createEngineClient(w, store);
    const p1 = client.run('kubectl apply -f -', 'kind: Pod');
    const p2 = client.run('kubectl get pods');
    expect(sent.slice(1)).toEqual([
      { type: 'run', id: 1, line: 'kubectl apply -f -', stdin: 'kind: Pod' },
      { type: 'run', id: 2, line: 'kubectl get pods' },
    ]);
    expect(store.getState().history.map((e) => e.code)).toEqual([null, null]);
    reply({ type: 'result', id: 2, code: 1, stdout: '', stderr: 'No resources found\n' });
    reply({ type: 'result', id: 1, code: 0, stdout: 'pod/hello created\n', stderr: '' });
    await expect(p1).resolves.toEqual({ code: 0, stdout: 'pod/hello created\n', stderr: '' });
    await expect(p2).resolves.toMatchObject({ code: 1 });
    expect(store.getState().history).toMatchObject([
      { line: 'kubectl apply -f -', stdout: 'pod/hello created\n', code: 0 },
      { line: 'kubectl get pods', stderr: 'No resources found\n', code: 1 },
    ]);
  });

  it('shows a worker failure as an error', () => {
    const { w, reply } = fakeWorker();
    const store = createClusterStore();
    createEngineClient(w, store);
    reply({ type: 'error', message: 'could not start the cluster: boom' });
    expect(store.getState()).toMatchObject({ status: 'error', error: 'could not start the cluster: boom' });
  });
});
