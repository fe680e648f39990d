// ServiceAccount admission (plugin/pkg/admission/serviceaccount/admission.go): a pod runs as `default` unless it names
// a ServiceAccount, and the ServiceAccount must exist. Mirror pods (static pods) are left alone.
import type { AdmissionPlugin } from './types';
import { admissionName } from './types';
import { newForbidden } from '../errors';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(op, resource, obj, _old, api) {
    if (op !== 'CREATE' || resource.kind !== 'Pod' || resource.group !== '') return;
    if (obj.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
    const spec = (obj.spec ?? {}) as { serviceAccountName?: string };
    if (!spec.serviceAccountName) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT;
    obj.spec = spec;
    const ns = obj.metadata.namespace ?? '';
    // For `default` the real plugin retries its lookup for a while (getServiceAccount, numRetries 10), waiting for
    // the serviceaccount controller that creates it with the namespace; kubesim's commands don't advance time, so a
    // pod in a brand-new namespace is admitted as the retry would eventually admit it.
    const awaitedDefault =
      spec.serviceAccountName === DEFAULT_SERVICE_ACCOUNT && api.get('namespaces', undefined, ns);
    if (!awaitedDefault && !api.get('serviceaccounts', ns, spec.serviceAccountName)) {
      throw newForbidden(
        resource,
        admissionName(obj),
        `error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
      );
    }
  },
};
