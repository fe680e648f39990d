// The admission chain, in kube-apiserver's RecommendedPluginOrder (pkg/kubeapiserver/options/plugins.go).
import type { KubeObject } from '../../types/object';
import type { ResourceInfo } from '../types';
import type { AdmissionApi, AdmissionOperation, AdmissionPlugin } from './types';
import { namespaceLifecycle } from './namespaceLifecycle';
import { serviceAccountAdmission } from './serviceAccount';
import { priorityAdmission } from './priority';
import { defaultTolerationSeconds } from './defaultTolerationSeconds';
import { defaultStorageClass } from './defaultStorageClass';
import { storageObjectInUseProtection } from './storageObjectInUseProtection';

export type { AdmissionApi, AdmissionOperation, AdmissionPlugin } from './types';
export { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from './storageObjectInUseProtection';

export const DEFAULT_ADMISSION_PLUGINS: readonly AdmissionPlugin[] = [
  namespaceLifecycle,
  serviceAccountAdmission,
  priorityAdmission,
  defaultTolerationSeconds,
  defaultStorageClass,
  storageObjectInUseProtection,
];

/** run every plugin in order; the first refusal (a thrown StatusError) stops the request */
export function runAdmission(
  plugins: readonly AdmissionPlugin[],
  op: AdmissionOperation,
  resource: ResourceInfo,
  obj: KubeObject,
  old: Readonly<KubeObject> | undefined,
  api: AdmissionApi,
): void {
  for (const p of plugins) p.admit(op, resource, obj, old, api);
}
