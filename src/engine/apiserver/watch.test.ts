import { describe, expect, it } from 'vitest';
import type { WatchEvent } from './types';
import { KUBECTL, configMap, newTestApi, statusOf } from './testSupport';

function collect(): { events: WatchEvent[]; push: (e: WatchEvent) => void; summary: () => string[] } {
  const events: WatchEvent[] = [];
  return {
    events,
    push: (e) => events.push(e),
    summary: () =>
      events.map((e) => `${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`),
  };
}

describe('watch', () => {
  it('delivers every change after a resourceVersion, DELETED carrying the deletion revision', () => {
    const { api, store } = newTestApi();
    const a = api.create('cm', 'default', configMap('a'), KUBECTL);
    const from = api.list('cm', 'default').metadata.resourceVersion;
    const u = api.patch('cm', 'default', 'a', 'merge', { data: { x: '1' } }, KUBECTL);
    const w = collect();
    const handle = api.watch('cm', 'default', { resourceVersion: from }, w.push);
    api.delete('cm', 'default', 'a', {}, KUBECTL);
    const deletedAt = String(store.revision);
    expect(w.summary()).toEqual([`MODIFIED a ${u.metadata.resourceVersion}`, `DELETED a ${deletedAt}`]);
    expect(a.metadata.resourceVersion).not.toBe(deletedAt);
    handle.cancel();
    api.create('cm', 'default', configMap('b'), KUBECTL);
    expect(w.events).toHaveLength(2);
  });

  it('starts now without a resourceVersion and replays current objects for "0"', () => {
    const { api } = newTestApi();
    api.create('cm', 'default', configMap('a'), KUBECTL);
    const now = collect();
    const zero = collect();
    api.watch('cm', 'default', {}, now.push);
    api.watch('cm', 'default', { resourceVersion: '0' }, zero.push);
    api.create('cm', 'default', configMap('b'), KUBECTL);
    expect(now.events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED b']);
    expect(zero.events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED a', 'ADDED b']);
  });

  it('turns selector transitions into ADDED and DELETED', () => {
    const { api } = newTestApi();
    const w = collect();
    api.watch('cm', 'default', { labelSelector: 'app=web' }, w.push);
    api.create('cm', 'default', configMap('a'), KUBECTL);
    api.patch('cm', 'default', 'a', 'merge', { metadata: { labels: { app: 'web' } } }, KUBECTL);
    api.patch('cm', 'default', 'a', 'merge', { data: { k: 'v' } }, KUBECTL);
    api.patch('cm', 'default', 'a', 'merge', { metadata: { labels: { app: 'db' } } }, KUBECTL);
    expect(w.events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('filters by field selector and namespace', () => {
    const { api } = newTestApi();
    const w = collect();
    api.watch('cm', undefined, { fieldSelector: 'metadata.name=b' }, w.push);
    api.create('cm', 'default', configMap('a'), KUBECTL);
    api.create('cm', 'kube-system', configMap('b'), KUBECTL);
    expect(w.events.map((e) => `${e.object.metadata.namespace}/${e.object.metadata.name}`)).toEqual([
      'kube-system/b',
    ]);
  });

  it('answers a compacted resourceVersion with 410 Expired', () => {
    const { api, store } = newTestApi();
    api.create('cm', 'default', configMap('a'), KUBECTL);
    api.create('cm', 'default', configMap('b'), KUBECTL);
    store.compact(store.revision);
    const s = statusOf(() => api.watch('cm', 'default', { resourceVersion: '1' }, () => undefined));
    expect([s.code, s.reason]).toEqual([410, 'Expired']);
    expect(s.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
  });
});
