// ControllerRevisions of a DaemonSet: the snapshot of its pod template, matching, and which old ones to prune.
// mirrors pkg/controller/daemon/update.go constructHistory, Match, getPatch, snapshot, cleanupHistory.
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../types/object';
import { newControllerRef } from '../shared/controllerRef';
import { canonicalJson, computeHash } from '../deployment/hash';

/** apps.DefaultDaemonSetUniqueLabelKey == ControllerRevisionHashLabelKey */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** getPatch: the strategic-merge patch that restores this template ({spec:{template:{..., $patch: replace}}}) */
export function revisionData(ds: Readonly<DaemonSet>): { spec: { template: Record<string, unknown> } } {
  return { spec: { template: { ...structuredClone(ds.spec?.template ?? {}), $patch: 'replace' } } };
}

/** Match: the revision stores exactly this DaemonSet's template */
export function matchRevision(ds: Readonly<DaemonSet>, cr: Readonly<ControllerRevision>): boolean {
  return canonicalJson(cr.data) === canonicalJson(revisionData(ds));
}

/** the template hash naming the current revision (ComputeHash(&ds.Spec.Template, ds.Status.CollisionCount)) */
export function templateHash(ds: Readonly<DaemonSet>): string {
  return computeHash(ds.spec?.template, ds.status?.collisionCount);
}

/** snapshot: the ControllerRevision `<ds>-<hash>` for revision number `revision` */
export function buildRevision(ds: Readonly<DaemonSet>, revision: number): KubeObject {
  const hash = templateHash(ds);
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata?.name ?? ''}-${hash}`,
      namespace: ds.metadata?.namespace,
      labels: { ...(ds.spec?.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ...(ds.metadata?.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(ds as unknown as KubeObject)],
    },
    data: revisionData(ds),
    revision,
  };
  return cr as unknown as KubeObject;
}

export interface HistorySplit {
  current: Readonly<ControllerRevision>[];
  old: Readonly<ControllerRevision>[];
  /** maxRevision(old) + 1 */
  nextRevision: number;
}

/** split controlled histories into those matching the template and the rest */
export function splitHistory(
  ds: Readonly<DaemonSet>,
  histories: readonly Readonly<ControllerRevision>[],
): HistorySplit {
  const current: Readonly<ControllerRevision>[] = [];
  const old: Readonly<ControllerRevision>[] = [];
  for (const h of histories) (matchRevision(ds, h) ? current : old).push(h);
  let max = 0;
  for (const h of old) max = Math.max(max, h.revision);
  return { current, old, nextRevision: max + 1 };
}

/** dedupCurHistories' choice: the highest revision (the last one on ties) */
export function pickCurrent(
  current: readonly Readonly<ControllerRevision>[],
): Readonly<ControllerRevision> | undefined {
  let keep: Readonly<ControllerRevision> | undefined;
  let max = 0;
  for (const c of current) {
    if (c.revision >= max) {
      keep = c;
      max = c.revision;
    }
  }
  return keep;
}

/**
 * cleanupHistory: beyond revisionHistoryLimit, delete old revisions oldest first, skipping any whose hash a live
 * pod still carries. Returns the names to delete.
 */
export function historiesToDelete(
  old: readonly Readonly<ControllerRevision>[],
  revisionHistoryLimit: number,
  liveHashes: ReadonlySet<string>,
): string[] {
  let toKill = old.length - revisionHistoryLimit;
  if (toKill <= 0) return [];
  const out: string[] = [];
  for (const h of [...old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break;
    if (liveHashes.has(h.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '')) continue;
    out.push(h.metadata?.name ?? '');
    toKill--;
  }
  return out;
}
