// root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher/publisher.go): the ConfigMap
// kube-root-ca.crt in every namespace holds the cluster CA; one deleted or edited is restored.
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import type { KubeObject } from '../../types/object';
import { cloneJson } from '../../types/json';
import { hasReason } from '../../apiserver/errors';
import { clusterRootCA } from './rootCA';

export const ROOT_CA_PUBLISHER_NAME = 'root-ca-certificate-publisher-controller';
/** RootCACertConfigMapName */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the ' +
  'internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

export function rootCAConfigMap(namespace: string, rootCA: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
    data: { 'ca.crt': rootCA },
  };
}

/** the ConfigMap to write back, or undefined when data and description are as published (reflect.DeepEqual) */
export function restoredConfigMap(cm: Readonly<KubeObject>, rootCA: string): KubeObject | undefined {
  const data = (cm as { data?: Record<string, string> }).data ?? {};
  const keys = Object.keys(data);
  const sameData = keys.length === 1 && data['ca.crt'] === rootCA;
  if (sameData && (cm.metadata.annotations?.[DESCRIPTION_ANNOTATION] ?? '').length > 0) return undefined;
  const next = cloneJson(cm) as KubeObject & { data?: Record<string, string> };
  next.data = { 'ca.crt': rootCA };
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [DESCRIPTION_ANNOTATION]: DESCRIPTION };
  return next;
}

/** mirrors Publisher.syncNamespace */
function syncNamespace(ns: string, ctx: ReconcileContext): ReconcileResult | void {
  const rootCA = clusterRootCA(ctx.sim.rng);
  const cm = ctx.informers.for('configmaps').get(`${ns}/${ROOT_CA_CONFIGMAP}`);
  try {
    if (!cm) {
      if (!ctx.informers.for('namespaces').get(ns)) return;
      ctx.api.create('configmaps', ns, rootCAConfigMap(ns, rootCA), ctx.request);
      return;
    }
    const next = restoredConfigMap(cm, rootCA);
    if (next) ctx.api.update('configmaps', ns, next, ctx.request);
  } catch (e) {
    // don't retry a create if the namespace doesn't exist or is terminating
    if (hasReason(e, 'NotFound') || hasReason(e, 'Forbidden') || hasReason(e, 'AlreadyExists')) return;
    // a Conflict means our cache is behind: the update event brings the key back
    if (hasReason(e, 'Conflict')) return;
    throw e;
  }
}

const isRootCA = (o: Readonly<KubeObject>) => o.metadata.name === ROOT_CA_CONFIGMAP;

export const rootCACertPublisher: ControllerDefinition = {
  name: ROOT_CA_PUBLISHER_NAME,
  watches: [
    // namespaceAdded; namespaceUpdated only for active namespaces
    {
      resource: 'namespaces',
      keysFor: (ns) =>
        (ns.status as { phase?: string } | undefined)?.phase === 'Terminating'
          ? []
          : [ns.metadata.name ?? ''],
    },
    // configMapDeleted / configMapUpdated of kube-root-ca.crt
    { resource: 'configmaps', keysFor: (cm) => (isRootCA(cm) ? [cm.metadata.namespace ?? ''] : []) },
  ],
  reconcile: syncNamespace,
};
