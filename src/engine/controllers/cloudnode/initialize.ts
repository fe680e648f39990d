// Pure planners of the cloud node controller: the Node a tainted, just-registered node becomes once the cloud
// describes its instance, and the addresses to post. mirrors k8s.io/cloud-provider/controllers/node/node_controller.go
// getNodeModifiersFromCloudProvider, excludeCloudTaint and updateNodeAddress / nodeAddressesChangeDetected.
import type { Node, NodeAddress, Taint } from 'kubernetes-types/core/v1';
import type { InstanceMetadata } from '../../cloud/types';

/** the controller's name, also the source of its Events (kubelets check it to know a CCM will initialize them) */
export const CLOUD_NODE_CONTROLLER = 'cloud-node-controller';

/** k8s.io/cloud-provider/api well_known_taints.go TaintExternalCloudProvider */
export const TAINT_UNINITIALIZED = 'node.cloudprovider.kubernetes.io/uninitialized';
/** k8s.io/cloud-provider/api well_known_taints.go TaintNodeShutdown */
export const TAINT_SHUTDOWN = 'node.cloudprovider.kubernetes.io/shutdown';
/** k8s.io/cloud-provider/api AnnotationAlphaProvidedIPAddr: the --node-ip the kubelet was given */
export const PROVIDED_NODE_IP_ANNOTATION = 'alpha.kubernetes.io/provided-node-ip';

/** core/v1 well_known_labels.go: each GA label and its deprecated beta twin, both set on initialization */
export const LABEL_INSTANCE_TYPE = 'node.kubernetes.io/instance-type';
export const LABEL_INSTANCE_TYPE_BETA = 'beta.kubernetes.io/instance-type';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';
export const LABEL_ZONE_BETA = 'failure-domain.beta.kubernetes.io/zone';
export const LABEL_REGION = 'topology.kubernetes.io/region';
export const LABEL_REGION_BETA = 'failure-domain.beta.kubernetes.io/region';

/** getCloudTaint: the uninitialized taint, whatever its value */
export function hasCloudTaint(taints: readonly Taint[] | undefined): boolean {
  return (taints ?? []).some((t) => t.key === TAINT_UNINITIALIZED);
}

/** the labels getNodeModifiersFromCloudProvider sets from the instance (empty values are skipped) */
export function cloudLabels(meta: InstanceMetadata): Record<string, string> {
  const labels: Record<string, string> = {};
  if (meta.instanceType) {
    labels[LABEL_INSTANCE_TYPE_BETA] = meta.instanceType;
    labels[LABEL_INSTANCE_TYPE] = meta.instanceType;
  }
  if (meta.zone) {
    labels[LABEL_ZONE_BETA] = meta.zone;
    labels[LABEL_ZONE] = meta.zone;
  }
  if (meta.region) {
    labels[LABEL_REGION_BETA] = meta.region;
    labels[LABEL_REGION] = meta.region;
  }
  return labels;
}

/**
 * The Node after initialization (spec and labels; status is posted separately): providerID set when the node has
 * none, instance-type / zone / region labels, and the uninitialized taint removed.
 */
export function initializedNode(node: Readonly<Node>, meta: InstanceMetadata): Node {
  const spec = { ...(node.spec ?? {}) };
  if (!spec.providerID && meta.providerID) spec.providerID = meta.providerID;
  const taints = (spec.taints ?? []).filter((t) => t.key !== TAINT_UNINITIALIZED);
  if (taints.length > 0) spec.taints = taints;
  else delete spec.taints;
  const metadata = { ...node.metadata, labels: { ...(node.metadata?.labels ?? {}), ...cloudLabels(meta) } };
  return { ...node, metadata, spec };
}

/**
 * updateNodeAddress: the cloud's addresses, plus the kubelet's Hostname when the cloud gave none, with the
 * kubelet-provided node IP first; undefined when nothing changed (or the provided IP is not the instance's).
 */
export function cloudAddresses(node: Readonly<Node>, meta: InstanceMetadata): NodeAddress[] | undefined {
  let addresses = [...meta.nodeAddresses];
  if (addresses.length === 0) return undefined;
  if (!addresses.some((a) => a.type === 'Hostname')) {
    addresses.push(...(node.status?.addresses ?? []).filter((a) => a.type === 'Hostname'));
  }
  const provided = node.metadata?.annotations?.[PROVIDED_NODE_IP_ANNOTATION];
  if (provided) {
    // updateNodeAddressesFromNodeIP: the provided IP must be one of the instance's, and is listed first
    const match = addresses.filter((a) => a.address === provided);
    if (match.length === 0) return undefined;
    addresses = [...match, ...addresses.filter((a) => a.address !== provided)];
  }
  const current = node.status?.addresses ?? [];
  const same =
    current.length === addresses.length &&
    current.every((a) => addresses.some((b) => b.type === a.type && b.address === a.address));
  return same ? undefined : addresses;
}
