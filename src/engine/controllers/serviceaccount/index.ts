// ServiceAccount controllers (pkg/controller/serviceaccount): the `default` account in every namespace, and the
// legacy token Secrets; plus the service-account token shapes the API server signs.
export {
  serviceAccountsController,
  defaultServiceAccountObject,
  SERVICE_ACCOUNTS_CONTROLLER_NAME,
} from './serviceAccounts';
export {
  tokensController,
  populatedTokenSecret,
  referencesServiceAccount,
  TOKENS_CONTROLLER_NAME,
  SECRET_TYPE_SA_TOKEN,
  SA_NAME_ANNOTATION,
  SA_UID_ANNOTATION,
} from './tokens';
export {
  boundToken,
  legacyToken,
  decodeClaims,
  serviceAccountUsername,
  CLUSTER_ISSUER,
  EXPIRATION_EXTENSION_SECONDS,
  WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS,
} from './jwt';
export { base64, decodeBase64 } from './base64';
