// apps/v1 workload defaulting (Deployment, ReplicaSet, StatefulSet, DaemonSet) and core ReplicationController.
// mirrors pkg/apis/apps/v1/defaults.go SetDefaults_Deployment / _ReplicaSet / _StatefulSet / _DaemonSet and
// pkg/apis/core/v1/defaults.go SetDefaults_ReplicationController. apps/v1 never defaults a selector from labels.
import type {
  DaemonSetSpec,
  DeploymentSpec,
  ReplicaSetSpec,
  StatefulSetSpec,
} from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, ReplicationControllerSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { defaultPodTemplateSpec } from './podSpec';
import { defaultPersistentVolumeClaim } from './core';

function specOf<T>(obj: KubeObject): T {
  obj.spec ??= {};
  return obj.spec as T;
}

export function defaultDeployment(obj: KubeObject): void {
  const spec = specOf<DeploymentSpec>(obj);
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ||= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    const ru = (spec.strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplateSpec(spec.template);
}

export function defaultReplicaSet(obj: KubeObject): void {
  const spec = specOf<ReplicaSetSpec>(obj);
  spec.replicas ??= 1;
  defaultPodTemplateSpec(spec.template);
}

/** the core/v1 RC still copies template labels into an empty selector and empty object labels */
export function defaultReplicationController(obj: KubeObject): void {
  const spec = specOf<ReplicationControllerSpec>(obj);
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    if (Object.keys(spec.selector ?? {}).length === 0) spec.selector = { ...labels };
    if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
  defaultPodTemplateSpec(spec.template);
}

export function defaultStatefulSet(obj: KubeObject): void {
  const spec = specOf<StatefulSetSpec>(obj);
  spec.podManagementPolicy ||= 'OrderedReady';
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) {
    spec.updateStrategy.type = 'RollingUpdate';
    spec.updateStrategy.rollingUpdate ??= {};
  }
  if (spec.updateStrategy.type === 'RollingUpdate' && spec.updateStrategy.rollingUpdate) {
    spec.updateStrategy.rollingUpdate.partition ??= 0;
  }
  const policy = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  policy.whenDeleted ||= 'Retain';
  policy.whenScaled ||= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplateSpec(spec.template);
  const templates = spec.volumeClaimTemplates ?? [];
  for (let i = 0; i < templates.length; i++) {
    const pvc = templates[i] as PersistentVolumeClaim;
    defaultPersistentVolumeClaim(pvc as unknown as KubeObject);
    // Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec (pkg/apis/apps/v1/conversion.go) sets the claim
    // templates' TypeMeta on every read; TypeMeta comes first in their JSON
    const { apiVersion: _v, kind: _k, ...rest } = pvc;
    templates[i] = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...rest };
  }
}

export function defaultDaemonSet(obj: KubeObject): void {
  const spec = specOf<DaemonSetSpec>(obj);
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ||= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    const ru = (spec.updateStrategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplateSpec(spec.template);
}
