// Drives the bridge's engine side against the real engine: hello, apply from stdin, batched snapshots.
import { describe, expect, it } from 'vitest';
import { createEngineHost } from './engineHost';
import type { FromWorker, SnapshotMessage } from './protocol';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n    - name: hello\n      image: nginx:1.27\n';

function setup() {
  const out: FromWorker[] = [];
  const queued: (() => void)[] = [];
  const host = createEngineHost(
    (m) => out.push(m),
    (fn) => queued.push(fn),
  );
  const snapshots = () => out.filter((m): m is SnapshotMessage => m.type === 'snapshot');
  return { host, out, queued, snapshots };
}

describe('engine host', () => {
  it('answers hello with a full snapshot holding the four nodes', () => {
    const { host, out } = setup();
    host.handle({ type: 'hello', seed: 1 });
    expect(out).toHaveLength(1);
    const snap = out[0] as SnapshotMessage;
    expect(snap.full).toBe(true);
    const names = snap.upserts.filter((o) => o.kind === 'Node').map((o) => o.metadata.name);
    expect(names.sort()).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(snap.upserts.some((o) => o.kind === 'Event' || o.kind === 'Lease')).toBe(false);
  });

  it('runs a command, posting one snapshot with the new pod before the result', () => {
    const { host, out, snapshots } = setup();
    host.handle({ type: 'hello', seed: 1 });
    host.handle({ type: 'run', id: 1, line: 'kubectl apply -f -', stdin: POD });
    const after = out.slice(1);
    expect(after.map((m) => m.type)).toEqual(['snapshot', 'result']);
    expect(after[1]).toMatchObject({ id: 1, code: 0, stdout: 'pod/hello created\n' });
    const snap = snapshots()[1]!;
    expect(snap.upserts.map((o) => `${o.kind}/${o.metadata.name}`)).toContain('Pod/hello');
  });

  it('reports errors as results, and commands before the cluster starts are refused', () => {
    const { host, out } = setup();
    host.handle({ type: 'run', id: 7, line: 'kubectl get pods' });
    expect(out[0]).toMatchObject({ type: 'result', id: 7, code: 1 });
    host.handle({ type: 'hello' });
    host.handle({ type: 'run', id: 8, line: 'kubectl get pod nope' });
    expect(out.at(-1)).toMatchObject({
      type: 'result',
      id: 8,
      code: 1,
      stderr: expect.stringContaining('pods "nope" not found'),
    });
  });

  it('reset starts a fresh cluster: the pod is gone', () => {
    const { host, snapshots } = setup();
    host.handle({ type: 'hello', seed: 1 });
    host.handle({ type: 'run', id: 1, line: 'kubectl apply -f -', stdin: POD });
    host.handle({ type: 'reset', seed: 2 });
    const last = snapshots().at(-1)!;
    expect(last.full).toBe(true);
    expect(last.upserts.some((o) => o.kind === 'Pod' && o.metadata.name === 'hello')).toBe(false);
  });
});
