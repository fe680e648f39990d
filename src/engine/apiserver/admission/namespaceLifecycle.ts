// NamespaceLifecycle admission (plugin/pkg/admission/namespace/lifecycle/admission.go): no content in missing or
// terminating namespaces, and the immortal namespaces may not be deleted.
import type { AdmissionPlugin } from './types';
import { admissionName } from './types';
import { newForbidden, newNamespaceNotFound, newNamespaceTerminating } from '../errors';

/** default, kube-system and kube-public (the plugin's immortalNamespaces) */
export const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public']);

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit(op, resource, obj, _old, api) {
    const isNamespace = resource.kind === 'Namespace' && resource.group === '';
    if (op === 'DELETE' && isNamespace && IMMORTAL_NAMESPACES.has(obj.metadata.name ?? '')) {
      throw newForbidden(resource, obj.metadata.name ?? '', 'this namespace may not be deleted');
    }
    // cluster-scoped objects and namespaces themselves are always allowed; deletions of content too
    if (!resource.namespaced || isNamespace || op === 'DELETE') return;
    const nsName = obj.metadata.namespace ?? '';
    const ns = api.get('namespaces', undefined, nsName);
    if (!ns) throw newNamespaceNotFound(nsName);
    const phase = (ns.status as { phase?: string } | undefined)?.phase;
    if (op === 'CREATE' && phase === 'Terminating') {
      throw newNamespaceTerminating(resource, admissionName(obj), nsName);
    }
  },
};
