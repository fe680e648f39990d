// The serviceaccounts-controller (pkg/controller/serviceaccount/serviceaccounts_controller.go): every active
// namespace has a `default` ServiceAccount; one that is deleted is created again.
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import type { KubeObject } from '../../types/object';
import { hasReason } from '../../apiserver/errors';

export const SERVICE_ACCOUNTS_CONTROLLER_NAME = 'serviceaccount-controller';
/** DefaultServiceAccountsControllerOptions: the ServiceAccounts ensured in every namespace */
export const SERVICE_ACCOUNTS_TO_ENSURE: readonly string[] = ['default'];

export function defaultServiceAccountObject(namespace: string, name = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

/** mirrors ServiceAccountsController.syncNamespace */
function syncNamespace(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const ns = ctx.informers.for('namespaces').get(key);
  if (!ns) return;
  // If namespace is not active, we shouldn't try to create anything
  if ((ns.status as { phase?: string } | undefined)?.phase !== 'Active') return;
  const sas = ctx.informers.for('serviceaccounts');
  const failures: string[] = [];
  for (const name of SERVICE_ACCOUNTS_TO_ENSURE) {
    if (sas.get(`${key}/${name}`)) continue;
    try {
      ctx.api.create('serviceaccounts', key, defaultServiceAccountObject(key, name), ctx.request);
    } catch (e) {
      // AlreadyExists: our cache is behind; a terminating namespace refuses creates and needs nothing more
      if (hasReason(e, 'AlreadyExists') || hasReason(e, 'NotFound') || hasReason(e, 'Forbidden')) continue;
      failures.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (failures.length > 0) return { error: failures.join('; ') };
}

export const serviceAccountsController: ControllerDefinition = {
  name: SERVICE_ACCOUNTS_CONTROLLER_NAME,
  watches: [
    // namespaceAdded / namespaceUpdated
    { resource: 'namespaces' },
    // serviceAccountDeleted: the namespace is the key (other events find the account present and do nothing)
    {
      resource: 'serviceaccounts',
      keysFor: (sa) =>
        SERVICE_ACCOUNTS_TO_ENSURE.includes(sa.metadata.name ?? '') ? [sa.metadata.namespace ?? ''] : [],
    },
  ],
  reconcile: syncNamespace,
};
