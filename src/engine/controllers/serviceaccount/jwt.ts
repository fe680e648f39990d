// Service account tokens shaped like the API server's (pkg/serviceaccount/jwt.go, claims.go, legacy.go): RS256 JWS
// header.claims.signature in base64url. The signature bytes come from a seeded rng fork keyed by the payload, as an
// RSA PKCS#1 v1.5 signature is a pure function of key and payload.
import type { Rng } from '../../sim/types';
import { base64Url, base64UrlBytes, decodeBase64 } from './base64';

/** pkg/serviceaccount/legacy.go LegacyIssuer */
export const LEGACY_ISSUER = 'kubernetes/serviceaccount';
/** kind's --service-account-issuer and --api-audiences */
export const CLUSTER_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** pkg/serviceaccount WarnOnlyBoundTokenExpirationSeconds: the admission plugin's projected token lifetime */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 3607;
/** pkg/serviceaccount ExpirationExtensionSeconds: what the API server extends a 3607s kubelet token to */
export const EXPIRATION_EXTENSION_SECONDS = 24 * 365 * 60 * 60;
const RSA_2048_SIGNATURE_BYTES = 256;

/** apiserver/pkg/authentication/serviceaccount MakeUsername */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/** the signing key's id: kid is a base64url SHA-256 of the public key, drawn here once per cluster */
function keyId(rootRng: Rng): string {
  const r = rootRng.fork('service-account-signing-key');
  return base64UrlBytes(Array.from({ length: 32 }, () => r.int(0, 255)));
}

/** JSON with every object's keys sorted, as go-jose serialises merged claims */
function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${sortedJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** mirrors jwtTokenGenerator.GenerateToken: signs the claims with the cluster's service-account key */
export function signToken(rootRng: Rng, claims: Record<string, unknown>): string {
  const signingInput = `${base64Url(`{"alg":"RS256","kid":"${keyId(rootRng)}"}`)}.${base64Url(sortedJson(claims))}`;
  const r = rootRng.fork('service-account-signing-key').fork(signingInput);
  const signature = Array.from({ length: RSA_2048_SIGNATURE_BYTES }, () => r.int(0, 255));
  return `${signingInput}.${base64UrlBytes(signature)}`;
}

export interface ServiceAccountRef {
  namespace: string;
  name: string;
  uid: string;
}

/** pkg/serviceaccount/legacy.go LegacyClaims: the token the tokens controller writes into a Secret */
export function legacyToken(rootRng: Rng, sa: ServiceAccountRef, secretName: string): string {
  return signToken(rootRng, {
    iss: LEGACY_ISSUER,
    'kubernetes.io/serviceaccount/namespace': sa.namespace,
    'kubernetes.io/serviceaccount/secret.name': secretName,
    'kubernetes.io/serviceaccount/service-account.name': sa.name,
    'kubernetes.io/serviceaccount/service-account.uid': sa.uid,
    sub: serviceAccountUsername(sa.namespace, sa.name),
  });
}

export interface BoundTokenRequest {
  sa: ServiceAccountRef;
  /** seconds since the Unix epoch */
  issuedAt: number;
  expirationSeconds: number;
  /** set for the kubelet's 3607s projected tokens the API server extends (warnafter claim) */
  warnAfterSeconds?: number;
  pod?: { name: string; uid: string };
  node?: { name: string; uid: string };
  /** the token's id; default drawn from a fork keyed by account, pod and issue time */
  jti?: string;
  /** TokenRequestSpec.audiences; default the API server's own (--api-audiences) */
  audiences?: readonly string[];
}

/** pkg/serviceaccount/claims.go Claims: a bound token (TokenRequest, projected serviceAccountToken volume) */
export function boundToken(rootRng: Rng, req: BoundTokenRequest): string {
  const { sa, issuedAt } = req;
  const jti = req.jti ?? rootRng.fork(`token-request/${sa.uid}/${req.pod?.uid ?? ''}/${issuedAt}`).uuid();
  return signToken(rootRng, {
    aud: req.audiences ?? [CLUSTER_ISSUER],
    exp: issuedAt + req.expirationSeconds,
    iat: issuedAt,
    iss: CLUSTER_ISSUER,
    jti,
    'kubernetes.io': {
      namespace: sa.namespace,
      node: req.node,
      pod: req.pod,
      serviceaccount: { name: sa.name, uid: sa.uid },
      warnafter: req.warnAfterSeconds === undefined ? undefined : issuedAt + req.warnAfterSeconds,
    },
    nbf: issuedAt,
    sub: serviceAccountUsername(sa.namespace, sa.name),
  });
}

/** the claims of a token, decoded (for tests and inspection); undefined when not JWT-shaped */
export function decodeClaims(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  const text = part && decodeBase64(part.replace(/-/g, '+').replace(/_/g, '/'));
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
