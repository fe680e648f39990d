// validateObject: the API server's validation step, dispatching by kind to the ports of pkg/apis/*/validation.
// Create validates metadata (name rule per kind) and spec; update validates metadata changes, spec, and each kind's
// update rules (immutable selectors, the Pod and StatefulSet update allow-lists, PVC spec).
import type {
  DaemonSetSpec,
  DeploymentSpec,
  ReplicaSetSpec,
  StatefulSetSpec,
} from 'kubernetes-types/apps/v1';
import type {
  PersistentVolumeClaimSpec,
  PersistentVolumeSpec,
  ReplicationControllerSpec,
  ServiceSpec,
} from 'kubernetes-types/core/v1';
import type { HorizontalPodAutoscalerSpec } from 'kubernetes-types/autoscaling/v2';
import type { NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../types/object';
import type { ResourceInfo } from '../types';
import { fieldError, type FieldError } from '../fieldErrors';
import { deepEqual } from '../objectUtil';
import {
  validateConfigMapData,
  validateNamespaceSpec,
  validateNodeSpecAndStatus,
  validateSecretData,
} from './coreKinds';
import { validateDaemonSetSpec } from './daemonset';
import {
  validateDeploymentSpec,
  validateReplicaSetSpec,
  validateReplicationControllerSpec,
} from './deployment';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, type NameValidator } from './names';
import {
  validateEndpointSlice,
  validateHPASpec,
  validateNetworkPolicySpec,
  validatePriorityClass,
} from './otherKinds';
import { validatePodSpec, validatePodTemplateSpec } from './podSpec';
import { validatePodDisruptionBudgetSpec } from './pdb';
import { validatePodStatusUpdate, validatePodUpdate } from './pod';
import { validateServiceSpec } from './service';
import { validateStatefulSetSpec, validateStatefulSetSpecUpdate } from './statefulset';
import {
  validatePersistentVolumeClaimSpec,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeSpec,
} from './storage';
import { validateSelectorImmutable } from './workloadCommon';
import { memoValidSpecs, type SpecValidator } from './specMemo';

/** which name rule ValidateObjectMeta applies per kind (DNS-1123 subdomain unless listed) */
const NAME_RULES: Record<string, NameValidator> = {
  Service: nameIsDNS1035Label,
  Namespace: nameIsDNSLabel,
  StatefulSet: nameIsDNSLabel,
};

const spec = <T>(o: KubeObject): T | undefined => o.spec as T | undefined;

/** create-and-update validation of everything but metadata (the workloads' spec-only checks remember valid
 * stored specs, which their controllers' status writes carry unchanged) */
const SPEC_VALIDATORS: Record<string, SpecValidator> = {
  Pod: (o) => validatePodSpec(spec(o), 'spec'),
  PodTemplate: (o) => validatePodTemplateSpec(o.template as never, 'template'),
  Deployment: memoValidSpecs((o) => validateDeploymentSpec(spec<DeploymentSpec>(o))),
  ReplicaSet: memoValidSpecs((o) => validateReplicaSetSpec(spec<ReplicaSetSpec>(o))),
  ReplicationController: memoValidSpecs((o) =>
    validateReplicationControllerSpec(spec<ReplicationControllerSpec>(o)),
  ),
  StatefulSet: memoValidSpecs((o) => validateStatefulSetSpec(spec<StatefulSetSpec>(o))),
  DaemonSet: memoValidSpecs((o) => validateDaemonSetSpec(spec<DaemonSetSpec>(o))),
  Service: (o) => validateServiceSpec(spec<ServiceSpec>(o)),
  Namespace: validateNamespaceSpec,
  ConfigMap: validateConfigMapData,
  Secret: validateSecretData,
  Node: validateNodeSpecAndStatus,
  PersistentVolumeClaim: (o) => validatePersistentVolumeClaimSpec(spec<PersistentVolumeClaimSpec>(o), 'spec'),
  PersistentVolume: (o) => validatePersistentVolumeSpec(spec<PersistentVolumeSpec>(o)),
  HorizontalPodAutoscaler: (o) => validateHPASpec(spec<HorizontalPodAutoscalerSpec>(o)),
  NetworkPolicy: (o) => validateNetworkPolicySpec(spec<NetworkPolicySpec>(o)),
  PriorityClass: validatePriorityClass,
  EndpointSlice: validateEndpointSlice,
  PodDisruptionBudget: (o) => validatePodDisruptionBudgetSpec(o.spec as never),
};

const selectorOf = (o: KubeObject): LabelSelector | undefined =>
  (o.spec as { selector?: LabelSelector } | undefined)?.selector;

/** the field `immutable: true` freezes on ConfigMaps and Secrets */
function validateImmutableData(next: KubeObject, old: KubeObject): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (next.immutable !== true)
    errs.push(fieldError.forbidden('immutable', 'field is immutable when `immutable` is set'));
  if (!deepEqual(next.data, old.data))
    errs.push(fieldError.forbidden('data', 'field is immutable when `immutable` is set'));
  return errs;
}

/** ValidateServiceUpdate: an allocated cluster IP stays unless the type moves to or from ExternalName */
function validateServiceUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const n = (next.spec ?? {}) as ServiceSpec;
  const o = (old.spec ?? {}) as ServiceSpec;
  if (n.type === 'ExternalName' || o.type === 'ExternalName' || !o.clusterIP || !n.clusterIP) return [];
  return n.clusterIP === o.clusterIP
    ? []
    : [fieldError.invalid('spec.clusterIPs[0]', n.clusterIP, 'may not change once set')];
}

/** per-kind update rules beyond the spec validation */
const UPDATE_VALIDATORS: Record<string, (next: KubeObject, old: KubeObject) => FieldError[]> = {
  Deployment: (n, o) => validateSelectorImmutable(selectorOf(n), selectorOf(o)),
  ReplicaSet: (n, o) => validateSelectorImmutable(selectorOf(n), selectorOf(o)),
  DaemonSet: (n, o) => validateSelectorImmutable(selectorOf(n), selectorOf(o)),
  StatefulSet: validateStatefulSetSpecUpdate,
  PersistentVolumeClaim: validatePersistentVolumeClaimUpdate,
  ConfigMap: validateImmutableData,
  Secret: validateImmutableData,
  Service: validateServiceUpdate,
};

/**
 * Validate `obj` (already defaulted) for create, or for update when `old` is given.
 * Returns field errors in Kubernetes' order; empty means valid.
 */
export function validateObject(
  resource: ResourceInfo,
  obj: KubeObject,
  old?: KubeObject,
  subresource?: 'status',
): FieldError[] {
  const kind = resource.kind;
  if (old && kind === 'Pod')
    return subresource ? validatePodStatusUpdate(obj, old) : validatePodUpdate(obj, old);
  const errs = old
    ? validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {})
    : validateObjectMeta(obj.metadata ?? {}, resource.namespaced, NAME_RULES[kind] ?? nameIsDNSSubdomain);
  const specValidator = SPEC_VALIDATORS[kind];
  if (specValidator) errs.push(...specValidator(obj));
  const updateValidator = old ? UPDATE_VALIDATORS[kind] : undefined;
  if (updateValidator && old) errs.push(...updateValidator(obj, old));
  return errs;
}

export { errorText } from '../fieldErrors';
