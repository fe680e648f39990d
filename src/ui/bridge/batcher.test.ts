import { describe, expect, it } from 'vitest';
import type { StoreEvent } from '../../engine/index';
import { createSnapshotBatcher, fullSnapshot } from './batcher';
import type { SnapshotMessage } from './protocol';
import { makeNode, makePod } from '../graph/fixtures';
import type { KubeObject } from '../../engine/index';

function ev(type: StoreEvent['type'], value: KubeObject, revision: number): StoreEvent {
  return {
    type,
    key: `/registry/x/${value.metadata.name}`,
    revision,
    kv: { key: '', value, createRevision: 1, modRevision: revision, version: 1 },
  };
}

function setup() {
  const posted: SnapshotMessage[] = [];
  const queued: (() => void)[] = [];
  let rev = 0;
  const b = createSnapshotBatcher({
    post: (m) => posted.push(m),
    schedule: (fn) => queued.push(fn),
    revision: () => rev,
    nowMs: () => 5000,
  });
  const runQueued = () => queued.splice(0).forEach((fn) => fn());
  return { b, posted, runQueued, setRev: (r: number) => (rev = r) };
}

describe('snapshot batcher', () => {
  it('posts many store events of one turn as one message, last write per object winning', () => {
    const { b, posted, runQueued, setRev } = setup();
    b.add([ev('ADDED', makePod('a'), 1)]);
    b.add([ev('ADDED', makePod('b'), 2)]);
    b.add([ev('MODIFIED', makePod('a', { nodeName: 'node-1' }), 3)]);
    b.add([ev('DELETED', makePod('b'), 4)]);
    setRev(4);
    expect(posted).toHaveLength(0);
    runQueued();
    expect(posted).toHaveLength(1);
    const m = posted[0]!;
    expect(m).toMatchObject({
      full: false,
      revision: 4,
      nowMs: 5000,
      deletes: [{ kind: 'Pod', key: 'default/b' }],
    });
    expect(m.upserts.map((o) => (o.spec as { nodeName?: string }).nodeName)).toEqual(['node-1']);
  });

  it('ignores kinds the UI does not show (Events, Leases)', () => {
    const { b, posted, runQueued } = setup();
    const lease: KubeObject = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'node-1', namespace: 'kube-node-lease' },
    };
    b.add([ev('MODIFIED', lease, 1)]);
    runQueued();
    expect(posted).toHaveLength(0);
  });

  it('an explicit flush posts now (even with no object change) and the queued flush then posts nothing more', () => {
    const { b, posted, runQueued } = setup();
    b.add([ev('ADDED', makeNode('n'), 1)]);
    b.flush();
    runQueued();
    expect(posted).toHaveLength(1);
    b.flush();
    expect(posted).toHaveLength(2);
    expect(posted[1]!.upserts).toEqual([]);
  });

  it('fullSnapshot keeps only shown kinds', () => {
    const evt: KubeObject = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' } };
    expect(fullSnapshot([makeNode('n'), evt, makePod('p')], 7, 0).upserts.map((o) => o.kind)).toEqual([
      'Node',
      'Pod',
    ]);
  });
});
