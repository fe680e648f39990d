// Builds a pod from a controller's pod template (mirrors pkg/controller/controller_utils.go GetPodFromTemplate).
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, OwnerReference } from '../../types/object';

/** getPodsPrefix: `<name>-` unless that is not a valid pod name prefix (too long), then the bare name */
export function podsPrefix(controllerName: string): string {
  const prefix = `${controllerName}-`;
  // ValidatePodName(prefix, true) masks the trailing dash; the only failure left for a valid owner name is length
  return prefix.length - 1 > 253 ? controllerName : prefix;
}

/** GetPodFromTemplate: labels, annotations, finalizers copied; generateName `<owner>-`; the controllerRef appended */
export function getPodFromTemplate(
  template: Readonly<PodTemplateSpec> | undefined,
  parent: Readonly<KubeObject>,
  controllerRef: OwnerReference | undefined,
): KubeObject {
  const meta = template?.metadata ?? {};
  const metadata: KubeObject['metadata'] = { generateName: podsPrefix(parent.metadata.name ?? '') };
  if (meta.labels) metadata.labels = { ...meta.labels };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers];
  if (controllerRef) metadata.ownerReferences = [{ ...controllerRef }];
  if (parent.metadata.namespace) metadata.namespace = parent.metadata.namespace;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    // Spec.DeepCopy() in Go; here the nested parts stay the (frozen) template's: callers only set top-level spec
    // fields (hostname, volumes), and the API server's decode copies everything it stores
    spec: { ...(template?.spec ?? { containers: [] }) },
  };
}
