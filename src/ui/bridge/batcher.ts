// Coalesces store watch events into at most one snapshot message per scheduled flush (one per message turn).
import type { KubeObject, StoreEvent } from '../../engine/index';
import { keyOf, SHOWN_KINDS, type ObjectRef, type SnapshotMessage } from './protocol';

type Pending = { kind: string; key: string; obj?: KubeObject };

export interface SnapshotBatcher {
  /** feed watch events; schedules a flush when something the UI shows changed */
  add(events: readonly StoreEvent[]): void;
  /** post pending changes now (always posts, so time-only changes reach the UI too) */
  flush(): void;
}

export interface BatcherDeps {
  post(msg: SnapshotMessage): void;
  /** run fn later, once (e.g. queueMicrotask) */
  schedule(fn: () => void): void;
  revision(): number;
  nowMs(): number;
}

export function createSnapshotBatcher(deps: BatcherDeps): SnapshotBatcher {
  // last write wins per object: a pod created and deleted in one turn is only a delete
  let pending = new Map<string, Pending>();
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const upserts: KubeObject[] = [];
    const deletes: ObjectRef[] = [];
    for (const p of pending.values()) {
      if (p.obj) upserts.push(p.obj);
      else deletes.push({ kind: p.kind, key: p.key });
    }
    pending = new Map();
    deps.post({
      type: 'snapshot',
      full: false,
      revision: deps.revision(),
      nowMs: deps.nowMs(),
      upserts,
      deletes,
    });
  }

  function add(events: readonly StoreEvent[]): void {
    let relevant = false;
    for (const ev of events) {
      const obj = ev.kv.value;
      if (!SHOWN_KINDS.has(obj.kind)) continue;
      const key = keyOf(obj);
      pending.set(`${obj.kind}|${key}`, {
        kind: obj.kind,
        key,
        obj: ev.type === 'DELETED' ? undefined : obj,
      });
      relevant = true;
    }
    if (relevant && !scheduled) {
      scheduled = true;
      deps.schedule(() => {
        if (scheduled) flush();
      });
    }
  }

  return { add, flush };
}

/** a full snapshot of the objects the UI shows */
export function fullSnapshot(
  objects: Iterable<KubeObject>,
  revision: number,
  nowMs: number,
): SnapshotMessage {
  const upserts: KubeObject[] = [];
  for (const obj of objects) if (SHOWN_KINDS.has(obj.kind)) upserts.push(obj);
  return { type: 'snapshot', full: true, revision, nowMs, upserts, deletes: [] };
}
