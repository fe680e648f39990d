// The tokens controller (pkg/controller/serviceaccount/tokens_controller.go): Secrets of type
// kubernetes.io/service-account-token get their token, ca.crt and namespace filled in for the ServiceAccount they name,
// and are deleted when that ServiceAccount is gone.
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import type { KubeObject } from '../../types/object';
import { cloneJson } from '../../types/json';
import { hasReason } from '../../apiserver/errors';
import { NAMESPACE_INDEX } from '../../client/informer';
import { clusterRootCA } from '../rootcapublisher/rootCA';
import { base64 } from './base64';
import { legacyToken } from './jwt';

export const TOKENS_CONTROLLER_NAME = 'serviceaccount-token-controller';
/** v1.SecretTypeServiceAccountToken and its annotations / data keys (core/v1 types.go) */
export const SECRET_TYPE_SA_TOKEN = 'kubernetes.io/service-account-token';
export const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
export const SA_UID_ANNOTATION = 'kubernetes.io/service-account.uid';

type Secret = KubeObject & { type?: string; data?: Record<string, string> };

const isTokenSecret = (o: Readonly<KubeObject>) => (o as Secret).type === SECRET_TYPE_SA_TOKEN;

/** serviceaccount.IsServiceAccountToken: the secret names this account (and its uid, when annotated) */
export function referencesServiceAccount(secret: Readonly<KubeObject>, sa: Readonly<KubeObject>): boolean {
  if (!isTokenSecret(secret)) return false;
  const ann = secret.metadata.annotations ?? {};
  if (ann[SA_NAME_ANNOTATION] !== sa.metadata.name) return false;
  const uid = ann[SA_UID_ANNOTATION];
  return !uid || uid === sa.metadata.uid;
}

/**
 * mirrors generateTokenIfNeeded: the secret with whatever of ca.crt / namespace / token is missing or stale filled in
 * and the account annotations set; undefined when nothing is needed
 */
export function populatedTokenSecret(
  secret: Readonly<KubeObject>,
  sa: Readonly<KubeObject>,
  rootCA: string,
  token: () => string,
): KubeObject | undefined {
  const data = (secret as Secret).data ?? {};
  const caData = base64(rootCA);
  const needsCA = data['ca.crt'] !== caData;
  const needsNamespace = !data['namespace'];
  const needsToken = !data['token'];
  if (!needsCA && !needsNamespace && !needsToken) return undefined;
  const next = cloneJson(secret) as Secret;
  next.data = { ...data };
  if (needsCA) next.data['ca.crt'] = caData;
  if (needsNamespace) next.data['namespace'] = base64(next.metadata.namespace ?? '');
  if (needsToken) next.data['token'] = base64(token());
  next.data = Object.fromEntries(Object.entries(next.data).sort(([a], [b]) => (a < b ? -1 : 1)));
  next.metadata.annotations = {
    ...(next.metadata.annotations ?? {}),
    [SA_NAME_ANNOTATION]: sa.metadata.name ?? '',
    [SA_UID_ANNOTATION]: sa.metadata.uid ?? '',
  };
  return next;
}

/** getServiceAccount(fetchOnCacheMiss=true): from the cache, else live; a uid mismatch counts as absent */
function serviceAccountFor(
  secret: Readonly<KubeObject>,
  ctx: ReconcileContext,
): Readonly<KubeObject> | undefined {
  const ns = secret.metadata.namespace ?? '';
  const name = secret.metadata.annotations?.[SA_NAME_ANNOTATION] ?? '';
  const uid = secret.metadata.annotations?.[SA_UID_ANNOTATION] ?? '';
  const matches = (sa: Readonly<KubeObject> | undefined) => sa && (!uid || uid === sa.metadata.uid);
  const cached = ctx.informers.for('serviceaccounts').get(`${ns}/${name}`);
  if (matches(cached)) return cached;
  try {
    const live = ctx.api.get('serviceaccounts', ns, name);
    return matches(live) ? live : undefined;
  } catch (e) {
    if (hasReason(e, 'NotFound')) return undefined;
    throw e;
  }
}

/** mirrors TokensController.syncSecret */
function syncSecret(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const secret = ctx.informers.for('secrets').get(key);
  if (!secret || !isTokenSecret(secret)) return;
  const ns = secret.metadata.namespace ?? '';
  const name = secret.metadata.name ?? '';
  const sa = serviceAccountFor(secret, ctx);
  try {
    if (!sa) {
      // the service account does not exist: delete the token (NotFound and a failed uid precondition need no retry)
      ctx.api.delete('secrets', ns, name, { preconditions: { uid: secret.metadata.uid } }, ctx.request);
      return;
    }
    const rootRng = ctx.sim.rng;
    const saRef = { namespace: ns, name: sa.metadata.name ?? '', uid: sa.metadata.uid ?? '' };
    const next = populatedTokenSecret(secret, sa, clusterRootCA(rootRng), () =>
      legacyToken(rootRng, saRef, name),
    );
    if (!next) return;
    // "our view of the secret is not up to date": the update event brings the key back
    const live = ctx.api.get('secrets', ns, name);
    if (live.metadata.resourceVersion !== secret.metadata.resourceVersion) return;
    ctx.api.update('secrets', ns, next, ctx.request);
  } catch (e) {
    if (hasReason(e, 'NotFound') || hasReason(e, 'Conflict')) return;
    throw e;
  }
}

export const tokensController: ControllerDefinition = {
  name: TOKENS_CONTROLLER_NAME,
  watches: [
    {
      resource: 'secrets',
      keysFor: (s) => (isTokenSecret(s) ? [`${s.metadata.namespace}/${s.metadata.name}`] : []),
    },
    // a ServiceAccount added or deleted concerns the token secrets that name it
    {
      resource: 'serviceaccounts',
      keysFor: (sa, ctx) =>
        ctx.informers
          .for('secrets')
          .byIndex(NAMESPACE_INDEX, sa.metadata.namespace ?? '')
          .filter(
            (s) => isTokenSecret(s) && s.metadata.annotations?.[SA_NAME_ANNOTATION] === sa.metadata.name,
          )
          .map((s) => `${s.metadata.namespace}/${s.metadata.name}`),
    },
  ],
  reconcile: syncSecret,
};
