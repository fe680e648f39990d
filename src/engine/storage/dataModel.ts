// Simulated volume contents: a running pod "writes" once per WRITE_INTERVAL_MS to each volume it mounts.
// A PersistentVolume keeps its count in annotations (so it survives the pod, and rewinds with the store);
// an emptyDir lives and dies with its pod, so its count is derived from how long that pod has been running.
import type { PersistentVolume, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../types/object';

/** writes stored on a PersistentVolume */
export const ANN_DATA_WRITES = 'kubesim.io/data-writes';
/** the pod that wrote last, `<namespace>/<name>` */
export const ANN_DATA_LAST_WRITER = 'kubesim.io/data-last-writer';
/** one simulated write per volume every 30 s of virtual time while the pod runs */
export const WRITE_INTERVAL_MS = 30_000;

export function pvWrites(pv: Readonly<KubeObject> | undefined): number {
  const v = Number(
    (pv as Readonly<PersistentVolume> | undefined)?.metadata?.annotations?.[ANN_DATA_WRITES] ?? '0',
  );
  return Number.isFinite(v) ? v : 0;
}

/** the virtual ms at which the pod's containers started running (earliest container start), if it runs */
export function runningSinceMs(pod: Readonly<KubeObject>, parse: (ts: string) => number): number | undefined {
  const p = pod as Readonly<Pod>;
  if (p.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) return undefined;
  let since: number | undefined;
  for (const cs of p.status.containerStatuses ?? []) {
    const t = cs.state?.running?.startedAt;
    if (t) since = Math.min(since ?? Infinity, parse(t));
  }
  if (since === undefined && p.status.startTime) since = parse(p.status.startTime);
  return since;
}

/** an emptyDir's writes: whole write intervals since the pod started running (it starts empty with every pod) */
export function emptyDirWrites(sinceMs: number | undefined, nowMs: number): number {
  if (sinceMs === undefined || nowMs < sinceMs) return 0;
  return Math.floor((nowMs - sinceMs) / WRITE_INTERVAL_MS);
}

/** is this pod writing now: running, not terminating, and its node's machine up */
export function isWriting(pod: Readonly<KubeObject>, machineUp: (node: string) => boolean): boolean {
  const p = pod as Readonly<Pod>;
  return (
    p.status?.phase === 'Running' && !pod.metadata.deletionTimestamp && machineUp(p.spec?.nodeName ?? '')
  );
}
