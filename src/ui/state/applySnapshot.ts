// Folds one snapshot message into the UI's mirror of cluster objects (copy-on-write per changed kind).
import type { KubeObject } from '../../engine/index';
import { keyOf, type SnapshotMessage } from '../bridge/protocol';

/** kind -> (namespace/name -> object) */
export type ObjectsByKind = Readonly<Record<string, ReadonlyMap<string, KubeObject>>>;

export function applySnapshot(objects: ObjectsByKind, msg: SnapshotMessage): ObjectsByKind {
  const base: ObjectsByKind = msg.full ? {} : objects;
  const changed = new Map<string, Map<string, KubeObject>>();
  // a kind's map is copied once per message, only when something of that kind changed
  const draft = (kind: string): Map<string, KubeObject> => {
    let m = changed.get(kind);
    if (!m) {
      m = new Map(base[kind]);
      changed.set(kind, m);
    }
    return m;
  };
  for (const ref of msg.deletes) if (base[ref.kind]?.has(ref.key)) draft(ref.kind).delete(ref.key);
  for (const obj of msg.upserts) draft(obj.kind).set(keyOf(obj), obj);
  if (changed.size === 0) return base;
  return { ...base, ...Object.fromEntries(changed) };
}

/** objects of one kind, sorted by namespace/name for stable rendering */
export function listOf(objects: ObjectsByKind, kind: string): KubeObject[] {
  const m = objects[kind];
  if (!m) return [];
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, o]) => o);
}
