// root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher) and the cluster CA it publishes.
export {
  rootCACertPublisher,
  rootCAConfigMap,
  restoredConfigMap,
  ROOT_CA_CONFIGMAP,
  ROOT_CA_PUBLISHER_NAME,
  DESCRIPTION,
  DESCRIPTION_ANNOTATION,
} from './publisher';
export { clusterRootCA } from './rootCA';
