// What `kubectl rollout status` says about a Deployment, DaemonSet or StatefulSet, and whether the rollout is done.
// mirrors k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go (DeploymentStatusViewer, DaemonSet..., StatefulSet...).
import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../types/object';

export interface RolloutStatus {
  message: string;
  done: boolean;
}

export class RolloutStatusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RolloutStatusError';
  }
}

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** deploymentutil.Revision: the revision annotation, 0 when missing */
export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  if (!/^-?\d+$/.test(v)) throw new RolloutStatusError(`strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number.parseInt(v, 10);
}

export function deploymentStatus(d: Deployment, revision: number): RolloutStatus {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    let running: number;
    try {
      running = revisionOf(d);
    } catch (e) {
      throw new RolloutStatusError(
        `cannot get the revision of deployment "${name}": ${(e as Error).message}`,
      );
    }
    if (revision !== running) {
      throw new RolloutStatusError(
        `desired revision (${revision}) is different from the running revision (${running})`,
      );
    }
  }
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      throw new RolloutStatusError(`deployment "${name}" exceeded its progress deadline`);
    }
    const replicas = d.spec?.replicas;
    const updated = st.updatedReplicas ?? 0;
    const wait = (what: string): RolloutStatus => ({
      message: `Waiting for deployment "${name}" rollout to finish: ${what}...\n`,
      done: false,
    });
    if (replicas !== undefined && updated < replicas)
      return wait(`${updated} out of ${replicas} new replicas have been updated`);
    if ((st.replicas ?? 0) > updated)
      return wait(`${(st.replicas ?? 0) - updated} old replicas are pending termination`);
    if ((st.availableReplicas ?? 0) < updated)
      return wait(`${st.availableReplicas ?? 0} of ${updated} updated replicas are available`);
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

export function daemonSetStatus(ds: DaemonSet): RolloutStatus {
  const name = ds.metadata?.name ?? '';
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new RolloutStatusError('rollout status is only available for RollingUpdate strategy type');
  }
  const st = ds.status;
  if ((ds.metadata?.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    const desired = st?.desiredNumberScheduled ?? 0;
    const updated = st?.updatedNumberScheduled ?? 0;
    const available = st?.numberAvailable ?? 0;
    if (updated < desired) {
      return {
        message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`,
        done: false,
      };
    }
    if (available < desired) {
      return {
        message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`,
        done: false,
      };
    }
    return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

export function statefulSetStatus(sts: StatefulSet): RolloutStatus {
  const strategy = sts.spec?.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new RolloutStatusError('rollout status is only available for RollingUpdate strategy type');
  }
  const st = sts.status;
  if (!st?.observedGeneration || (sts.metadata?.generation ?? 0) > st.observedGeneration) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = sts.spec?.replicas;
  const ready = st.readyReplicas ?? 0;
  const updated = st.updatedReplicas ?? 0;
  if (replicas !== undefined && ready < replicas)
    return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    }
    return {
      message: `partitioned roll out complete: ${updated} new pods have been updated...\n`,
      done: true,
    };
  }
  if (st.updateRevision !== st.currentRevision) {
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision}...\n`,
      done: false,
    };
  }
  return {
    message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`,
    done: true,
  };
}

/** StatusViewerFor(kind).Status(obj, revision); throws RolloutStatusError for kubectl's errors */
export function rolloutStatusOf(obj: Readonly<KubeObject>, revision: number): RolloutStatus {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  if (group === 'apps' && obj.kind === 'Deployment') return deploymentStatus(obj as Deployment, revision);
  if (group === 'apps' && obj.kind === 'DaemonSet') return daemonSetStatus(obj as DaemonSet);
  if (group === 'apps' && obj.kind === 'StatefulSet') return statefulSetStatus(obj as StatefulSet);
  throw new RolloutStatusError(
    `no status viewer has been implemented for ${group ? `${obj.kind}.${group}` : obj.kind}`,
  );
}
