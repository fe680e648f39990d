// The watch verb: store events become WatchEvents for the selected objects, from a resourceVersion, with 410 Gone when
// that version is compacted away. Selector transitions follow the watch cache: leaving the selection is a DELETED.
import type { KubeObject } from '../types/object';
import type { StoreEvent } from '../store/types';
import { StoreError } from '../store/types';
import type { ApiWatch, WatchEvent, WatchOpts } from './types';
import { resolveResource } from './registry';
import { newBadRequest, newGone } from './errors';
import type { ServerCore } from './core';
import { listPrefix, matchesSelectors, parseSelectors } from './read';
import { deletedObject } from './update';

/** '' / undefined: from now; '0': the current objects as ADDED, then changes; N: every change after N */
function startRevision(rv: string | undefined): number | 'now' | 'any' {
  if (!rv) return 'now';
  if (rv === '0') return 'any';
  if (!/^\d+$/.test(rv)) throw newBadRequest(`invalid resource version "${rv}"`);
  return Number(rv);
}

/**
 * The WatchEvent every selector-less watcher gets for a store event: built once and handed to each in turn (they
 * receive the same revision one after another), not once per watcher. Listeners never change events.
 */
let lastStoreEvent: StoreEvent | undefined;
let lastWatchEvent: WatchEvent | undefined;
function unfilteredEvent(e: StoreEvent): WatchEvent {
  if (e !== lastStoreEvent || !lastWatchEvent) {
    lastWatchEvent =
      e.type === 'DELETED'
        ? { type: 'DELETED', object: deletedObject(e.kv, e.revision) }
        : { type: e.type, object: e.kv.value };
    lastStoreEvent = e;
  }
  return lastWatchEvent;
}

export function watchObjects(
  core: ServerCore,
  resource: string,
  namespace: string | undefined,
  opts: WatchOpts,
  listener: (event: WatchEvent) => void,
): ApiWatch {
  const res = resolveResource(resource);
  const sel = parseSelectors(res, opts.labelSelector, opts.fieldSelector);
  const prefix = listPrefix(res, namespace);
  // most watchers (every informer) select everything: then no event needs matching
  const selectsAll = sel.label.empty() && sel.field.empty();
  const matches = (o: Readonly<KubeObject>): boolean => selectsAll || matchesSelectors(res, sel, o);
  const start = startRevision(opts.resourceVersion);
  let fromRevision: number | undefined = typeof start === 'number' ? start : undefined;
  if (start === 'any') {
    const list = core.store.list(prefix);
    for (const kv of list.items) if (matches(kv.value)) listener({ type: 'ADDED', object: kv.value });
    fromRevision = list.revision;
  }
  const onEvent = (e: StoreEvent): void => {
    if (selectsAll) {
      listener(unfilteredEvent(e));
      return;
    }
    const now = e.type === 'DELETED' ? false : matches(e.kv.value);
    if (e.type === 'ADDED') {
      if (now) listener({ type: 'ADDED', object: e.kv.value });
      return;
    }
    const before = e.prevKv ? matches(e.prevKv.value) : e.type === 'DELETED' ? matches(e.kv.value) : now;
    if (e.type === 'DELETED') {
      if (before) listener({ type: 'DELETED', object: deletedObject(e.kv, e.revision) });
    } else if (now && before) listener({ type: 'MODIFIED', object: e.kv.value });
    else if (now) listener({ type: 'ADDED', object: e.kv.value });
    else if (before && e.prevKv) listener({ type: 'DELETED', object: deletedObject(e.prevKv, e.revision) });
  };
  try {
    const handle = core.store.watch(
      prefix,
      (events) => {
        for (let i = 0; i < events.length; i++) onEvent(events[i] as StoreEvent);
      },
      { fromRevision },
    );
    return { cancel: () => handle.cancel() };
  } catch (e) {
    if (e instanceof StoreError && e.code === 'Compacted') {
      throw newGone(opts.resourceVersion ?? '', e.revision ?? core.store.compactRevision);
    }
    throw e;
  }
}
