// Finds, revision-stamps or creates the Deployment's new ReplicaSet, with the hash-collision retry.
// mirrors pkg/controller/deployment/sync.go getAllReplicaSetsAndSyncRevision and getNewReplicaSet.
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { StatusError } from '../../apiserver/types';
import * as C from './conditions';
import { computeHash } from './hash';
import {
  buildNewReplicaSet,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  newRSNewReplicas,
  setNewReplicaSetAnnotations,
} from './newReplicaSet';
import { REVISION_ANNOTATION, maxRevision, type RS } from './replicaSets';
import { hasProgressDeadline } from './status';
import type { DeploymentWriter } from './writer';
import { cloneJson } from '../../types/json';

/** SetDeploymentRevision on the working copy; true when it changed */
function setDeploymentRevision(w: DeploymentWriter, revision: string): boolean {
  const meta = (w.d.metadata ??= {});
  if (meta.annotations?.[REVISION_ANNOTATION] === revision) return false;
  meta.annotations = { ...(meta.annotations ?? {}), [REVISION_ANNOTATION]: revision };
  return true;
}

function syncExisting(w: DeploymentWriter, existing: RS, newRevision: number): RS {
  const annotations = { ...(existing.metadata?.annotations ?? {}) };
  const changed = setNewReplicaSetAnnotations(w.d, annotations, newRevision, true);
  const minReady = w.d.spec?.minReadySeconds ?? 0;
  if (changed || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
    // rsCopy := existingNewRS.DeepCopy(), built only when there is something to write, and only its written parts
    // copied (the API server copies what it stores)
    const copy = { ...existing, metadata: { ...(existing.metadata ?? {}), annotations } } as ReplicaSet;
    if (existing.spec) copy.spec = { ...existing.spec, minReadySeconds: minReady };
    return w.updateReplicaSet(copy);
  }
  let needsUpdate = setDeploymentRevision(w, annotations[REVISION_ANNOTATION] ?? '');
  const status = cloneJson(w.d.status ?? {});
  if (hasProgressDeadline(w.d) && !C.getCondition(status, C.PROGRESSING)) {
    const msg = `Found new replica set "${existing.metadata?.name ?? ''}"`;
    C.setCondition(status, C.newCondition(C.PROGRESSING, 'True', C.FOUND_NEW_RS_REASON, msg, w.nowIso));
    needsUpdate = true;
  }
  if (needsUpdate) w.writeStatus(status);
  return existing;
}

/** AlreadyExists: ours with the same template -> it is the new RS; otherwise a hash collision (collisionCount++) */
function onAlreadyExists(w: DeploymentWriter, name: string, err: StatusError): RS {
  const key = w.ns ? `${w.ns}/${name}` : name;
  const rs = w.ctx.informers.for('replicasets').get(key) as RS | undefined;
  if (!rs) throw err;
  const ref = rs.metadata?.ownerReferences?.find((r) => r.controller);
  if (ref && ref.uid === w.d.metadata?.uid && equalIgnoreHash(w.d.spec?.template, rs.spec?.template))
    return rs;
  const status = cloneJson(w.d.status ?? {});
  status.collisionCount = (status.collisionCount ?? 0) + 1;
  w.writeStatus(status);
  throw err;
}

function createNew(w: DeploymentWriter, oldRSs: readonly RS[], newRevision: number): RS {
  const d = w.d;
  const rs = buildNewReplicaSet(d, computeHash(d.spec?.template, d.status?.collisionCount));
  const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  if (rs.spec) rs.spec.replicas = replicas;
  const annotations: Record<string, string> = {};
  setNewReplicaSetAnnotations(d, annotations, newRevision, false);
  if (rs.metadata) rs.metadata.annotations = annotations;
  const name = rs.metadata?.name ?? '';
  let created: RS;
  let alreadyExists = false;
  try {
    created = w.createReplicaSet(rs);
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    if (e.status.reason === 'AlreadyExists') {
      created = onAlreadyExists(w, name, e);
      alreadyExists = true;
    } else {
      const msg = `Failed to create new replica set "${name}": ${e.message}`;
      if (
        hasProgressDeadline(d) &&
        !e.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')
      ) {
        const status = cloneJson(d.status ?? {});
        C.setCondition(
          status,
          C.newCondition(C.PROGRESSING, 'False', C.FAILED_RS_CREATE_REASON, msg, w.nowIso),
        );
        w.writeStatus(status);
      }
      w.event('Warning', C.FAILED_RS_CREATE_REASON, msg);
      throw e;
    }
  }
  if (!alreadyExists && replicas > 0) {
    w.event(
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${created.metadata?.name ?? ''} from 0 to ${replicas}`,
    );
  }
  let needsUpdate = setDeploymentRevision(w, String(newRevision));
  const status = cloneJson(w.d.status ?? {});
  if (!alreadyExists && hasProgressDeadline(d)) {
    const msg = `Created new replica set "${created.metadata?.name ?? ''}"`;
    C.setCondition(status, C.newCondition(C.PROGRESSING, 'True', C.NEW_REPLICA_SET_REASON, msg, w.nowIso));
    needsUpdate = true;
  }
  if (needsUpdate) w.writeStatus(status);
  return created;
}

/** getAllReplicaSetsAndSyncRevision: [newRS (created when asked), all old RSs] */
export function getAllReplicaSetsAndSyncRevision(
  w: DeploymentWriter,
  create: boolean,
): [RS | undefined, RS[]] {
  const [, oldRSs] = findOldReplicaSets(w.d, w.rsList);
  const existing = findNewReplicaSet(w.d, w.rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) return [syncExisting(w, existing, newRevision), oldRSs];
  if (!create) return [undefined, oldRSs];
  return [createNew(w, oldRSs, newRevision), oldRSs];
}
