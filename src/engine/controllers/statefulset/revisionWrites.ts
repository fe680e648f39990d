// Stores the update ControllerRevision of a StatefulSet (mirrors getStatefulSetRevisions and
// pkg/controller/history realHistory.CreateControllerRevision: a name collision bumps collisionCount).
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import { StatusError } from '../../apiserver/types';
import type { ReconcileContext } from '../../client/controller';
import type { KubeObject } from '../../types/object';
import { equalRevision, newRevision, planUpdateRevision } from './revision';

export interface Revisions {
  current: Readonly<ControllerRevision>;
  update: Readonly<ControllerRevision>;
  collisionCount: number;
}

/** getStatefulSetRevisions: find or create the update revision; the current one is status.currentRevision */
export function getStatefulSetRevisions(
  ctx: ReconcileContext,
  set: Readonly<StatefulSet>,
  sorted: readonly Readonly<ControllerRevision>[],
): Revisions {
  let collisionCount = set.status?.collisionCount ?? 0;
  const plan = planUpdateRevision(set, sorted, collisionCount);
  let update: Readonly<ControllerRevision>;
  const ns = set.metadata?.namespace;
  if (plan.kind === 'unchanged') update = plan.update;
  else if (plan.kind === 'rollback') {
    const cr = structuredClone(plan.update) as ControllerRevision;
    cr.revision = plan.revision;
    update = ctx.api.update(
      'controllerrevisions',
      ns,
      cr as unknown as KubeObject,
      ctx.request,
    ) as unknown as ControllerRevision;
  } else {
    let candidate = plan.update;
    for (;;) {
      try {
        update = ctx.api.create(
          'controllerrevisions',
          ns,
          candidate as unknown as KubeObject,
          ctx.request,
        ) as unknown as ControllerRevision;
        break;
      } catch (e) {
        if (!(e instanceof StatusError && e.status.reason === 'AlreadyExists')) throw e;
        const existing = ctx.api.get(
          'controllerrevisions',
          ns,
          candidate.metadata?.name ?? '',
        ) as unknown as ControllerRevision;
        if (equalRevision(existing, candidate)) {
          update = existing;
          break;
        }
        collisionCount++;
        candidate = newRevision(set, candidate.revision, collisionCount);
      }
    }
  }
  const current = sorted.find((r) => r.metadata?.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount };
}
