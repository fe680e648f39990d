import { describe, expect, it } from 'vitest';
import { applySnapshot, listOf } from './applySnapshot';
import { makeNode, makePod } from '../graph/fixtures';
import type { SnapshotMessage } from '../bridge/protocol';

const msg = (m: Partial<SnapshotMessage>): SnapshotMessage => ({
  type: 'snapshot',
  full: false,
  revision: 1,
  nowMs: 0,
  upserts: [],
  deletes: [],
  ...m,
});

describe('applySnapshot', () => {
  it('a full snapshot replaces everything held before', () => {
    const before = applySnapshot({}, msg({ upserts: [makePod('old')] }));
    const after = applySnapshot(before, msg({ full: true, upserts: [makeNode('node-1')] }));
    expect(after['Pod']).toBeUndefined();
    expect([...after['Node']!.keys()]).toEqual(['node-1']);
  });

  it('upserts by namespace/name and deletes by ref', () => {
    let s = applySnapshot(
      {},
      msg({ upserts: [makePod('a'), makePod('a', { namespace: 'kube-system' }), makePod('b')] }),
    );
    expect([...s['Pod']!.keys()].sort()).toEqual(['default/a', 'default/b', 'kube-system/a']);
    s = applySnapshot(
      s,
      msg({ upserts: [makePod('a', { nodeName: 'node-1' })], deletes: [{ kind: 'Pod', key: 'default/b' }] }),
    );
    expect(listOf(s, 'Pod').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'default/a',
      'kube-system/a',
    ]);
    expect((s['Pod']!.get('default/a')!.spec as { nodeName?: string }).nodeName).toBe('node-1');
  });

  it('keeps unchanged kinds (and the whole mirror when nothing changed) by identity', () => {
    const s = applySnapshot({}, msg({ upserts: [makePod('a'), makeNode('n')] }));
    const t = applySnapshot(s, msg({ upserts: [makePod('b')] }));
    expect(t['Node']).toBe(s['Node']);
    expect(t['Pod']).not.toBe(s['Pod']);
    expect(s['Pod']!.size).toBe(1);
    expect(applySnapshot(t, msg({ deletes: [{ kind: 'Pod', key: 'default/zzz' }] }))).toBe(t);
  });
});
