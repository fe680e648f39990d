// The Deployment controller's writes for one sync: ReplicaSet scales/creates, Deployment status, Events.
// Keeps the freshest copy of every object it wrote, so later steps of the same sync do not hit stale conflicts.
import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ReconcileContext } from '../../client/controller';
import { StatusError } from '../../apiserver/types';
import type { KubeObject } from '../../types/object';
import { toRfc3339 } from '../../sim/clock';
import { canonicalJson } from './hash';
import { maxSurge, replicasOf } from './fenceposts';
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations, specReplicas, type RS } from './replicaSets';
import type { ScaleStep } from './rolling';
import { replicaSetsToCleanUp } from './cleanup';

/**
 * The sync's working copy of a Deployment (d.DeepCopy() in sync.go): the sync replaces its status and its metadata's
 * annotations, never writes inside spec or status, so only the top level and metadata are copied; the spec stays
 * the informer's frozen object, whose template canonical form (EqualIgnoreHash) is remembered.
 */
function workingCopy(d: Readonly<Deployment>): Deployment {
  return { ...d, metadata: { ...(d.metadata ?? {}) } } as Deployment;
}

export class DeploymentWriter {
  /** the working copy of the Deployment (status and revision annotation change as the sync writes) */
  d: Deployment;
  /** the Deployment's ReplicaSets, replaced by the server's answer after every write */
  rsList: RS[];
  readonly nowMs: number;
  readonly nowIso: string;

  constructor(
    readonly ctx: ReconcileContext,
    d: Readonly<Deployment>,
    rsList: readonly RS[],
  ) {
    this.d = workingCopy(d);
    this.rsList = [...rsList];
    this.nowMs = ctx.nowMs();
    this.nowIso = toRfc3339(this.nowMs);
  }

  get ns(): string | undefined {
    return this.d.metadata?.namespace;
  }

  latest(rs: RS): RS {
    return this.rsList.find((r) => r.metadata?.uid === rs.metadata?.uid) ?? rs;
  }

  /** record the server's copy of a written ReplicaSet */
  remember(rs: RS): RS {
    const i = this.rsList.findIndex((r) => r.metadata?.uid === rs.metadata?.uid);
    if (i >= 0) this.rsList[i] = rs;
    else this.rsList.push(rs);
    return rs;
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.events.event(this.d as KubeObject, type, reason, message, this.ctx.source);
  }

  /** Deployment UpdateStatus (the revision annotation rides along, as deploymentStatusStrategy allows) */
  writeStatus(status: DeploymentStatus): void {
    this.d.status = status;
    const out = this.ctx.api.updateStatus('deployments', this.ns, this.d as KubeObject, this.ctx.request);
    this.d = workingCopy(out as Readonly<Deployment>);
  }

  /** syncDeploymentStatus's "only when something changed" */
  statusChanged(status: DeploymentStatus): boolean {
    return canonicalJson(this.d.status ?? {}) !== canonicalJson(status);
  }

  createReplicaSet(rs: ReplicaSet): RS {
    const out = this.ctx.api.create('replicasets', this.ns, rs as KubeObject, this.ctx.request);
    return this.remember(out as RS);
  }

  updateReplicaSet(rs: ReplicaSet): RS {
    const out = this.ctx.api.update('replicasets', this.ns, rs as KubeObject, this.ctx.request);
    return this.remember(out as RS);
  }

  /** scaleReplicaSet: write size and replicas annotations when either is stale; event only on a size change */
  scaleReplicaSet(rsIn: RS, to: number): { scaled: boolean; rs: RS } {
    const rs = this.latest(rsIn);
    const replicas = replicasOf(this.d);
    const max = replicas + maxSurge(this.d);
    const from = specReplicas(rs);
    const sizeNeedsUpdate = from !== to;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicas, max)) return { scaled: false, rs };
    // rsCopy := rs.DeepCopy(): only spec and metadata are written below and get new objects; the API server copies
    // what it stores, so the rest (the pod template) is shared, not cloned
    const copy = { ...rs } as ReplicaSet;
    copy.spec = { ...(copy.spec ?? { selector: {} }), replicas: to };
    copy.metadata = { ...(copy.metadata ?? {}) };
    const annotations = { ...(copy.metadata.annotations ?? {}) };
    setReplicasAnnotations(annotations, replicas, max);
    copy.metadata.annotations = annotations;
    const out = this.updateReplicaSet(copy);
    if (sizeNeedsUpdate) {
      // mirrors sync.go scaleReplicaSet's event text
      const op = from < to ? 'up' : 'down';
      this.event(
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${op} replica set ${out.metadata?.name ?? ''} from ${from} to ${to}`,
      );
    }
    return { scaled: sizeNeedsUpdate, rs: out };
  }

  /** scaleReplicaSetAndRecordEvent: nothing to do at the same size */
  scaleAndRecordEvent(rs: RS, to: number): boolean {
    if (specReplicas(this.latest(rs)) === to) return false;
    return this.scaleReplicaSet(rs, to).scaled;
  }

  /** apply planner steps in order; true when any ReplicaSet changed size */
  applySteps(steps: readonly ScaleStep[]): boolean {
    let scaled = false;
    for (const s of steps) {
      if (s.syncAnnotations) scaled = this.scaleReplicaSet(s.rs, s.to).scaled || scaled;
      else scaled = this.scaleAndRecordEvent(s.rs, s.to) || scaled;
    }
    return scaled;
  }

  /** cleanupDeployment: delete old ReplicaSets beyond revisionHistoryLimit (NotFound ignored) */
  cleanup(oldRSs: readonly RS[]): void {
    for (const rs of replicaSetsToCleanUp(
      this.d,
      oldRSs.map((r) => this.latest(r)),
    )) {
      try {
        this.ctx.api.delete(
          'replicasets',
          rs.metadata?.namespace,
          rs.metadata?.name ?? '',
          {},
          this.ctx.request,
        );
      } catch (e) {
        if (!(e instanceof StatusError && e.status.code === 404)) throw e;
      }
    }
  }
}
