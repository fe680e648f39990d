// Brings a fresh cluster to the state `kind create cluster` leaves it in: system namespaces, default
// ServiceAccounts and kube-root-ca.crt ConfigMaps, the `kubernetes` Service, the control-plane and worker Nodes with Leases, and kubelet heartbeats.
import type { ClusterRuntime } from './types';
import type { KubeObject } from '../types/object';
import type { RequestContext } from '../apiserver/types';
import { addNode } from './addNode';
import { controlPlaneSpec, CONTROL_PLANE_NODE, nodeInternalIP } from './nodeObject';
import { createNodeHeartbeat } from '../kubelet/heartbeat';
import {
  defaultServiceAccountObject,
  SERVICE_ACCOUNTS_CONTROLLER_NAME,
} from '../controllers/serviceaccount/index';
import { clusterRootCA, rootCAConfigMap, ROOT_CA_PUBLISHER_NAME } from '../controllers/rootcapublisher/index';

/** pkg/apis/core/types.go NamespaceSystem / NamespacePublic / NamespaceNodeLease, plus default */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

export const KUBERNETES_SERVICE_IP = '10.96.0.1';
const APISERVER_PORT = 6443;

const apiserver: RequestContext = {
  actor: 'kube-apiserver',
  cause: 'bootstrap: system namespaces and services',
};

function namespaceObject(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** the `default` ServiceAccount the serviceaccounts-controller creates in every namespace */
export function defaultServiceAccount(namespace: string): KubeObject {
  return defaultServiceAccountObject(namespace);
}

/** pkg/controlplane/controller/kubernetesservice: the `kubernetes` Service for the API server */
function kubernetesService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER_PORT }],
    },
  };
}

/**
 * pkg/controlplane/reconcilers: the API server publishes its own endpoints for the selector-less `kubernetes` Service.
 * endpointsadapter.go endpointSliceFromEndpoints sets only the service-name label (no managed-by: no controller owns it).
 */
function kubernetesEndpointSlice(): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [nodeInternalIP(0)], conditions: { ready: true } }],
    ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }],
  };
}

/** the legacy Endpoints object the API server's endpoint reconciler keeps for the same Service */
function kubernetesEndpoints(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [
      {
        addresses: [{ ip: nodeInternalIP(0) }],
        ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }],
      },
    ],
  };
}

function createIfServed(
  rt: ClusterRuntime,
  resource: string,
  ns: string,
  obj: KubeObject,
  ctx: RequestContext = apiserver,
): void {
  try {
    rt.api.resolve(resource);
  } catch {
    return; // an API server without this resource simply does not get the object
  }
  rt.api.create(resource, ns, obj, ctx);
}

export function bootstrapCluster(rt: ClusterRuntime): void {
  for (const ns of SYSTEM_NAMESPACES) rt.api.create('namespaces', undefined, namespaceObject(ns), apiserver);
  // what the serviceaccounts-controller and root-ca-cert-publisher have done by the time kind reports ready; a
  // cluster without the control plane keeps them too
  const rootCA = clusterRootCA(rt.sim.rng);
  for (const ns of SYSTEM_NAMESPACES) {
    rt.api.create('serviceaccounts', ns, defaultServiceAccount(ns), {
      actor: SERVICE_ACCOUNTS_CONTROLLER_NAME,
      cause: `namespace ${ns} created`,
    });
    createIfServed(rt, 'configmaps', ns, rootCAConfigMap(ns, rootCA), {
      actor: ROOT_CA_PUBLISHER_NAME,
      cause: `namespace ${ns} created`,
    });
  }
  rt.api.create('services', 'default', kubernetesService(), apiserver);
  createIfServed(rt, 'endpoints', 'default', kubernetesEndpoints());
  createIfServed(rt, 'endpointslices', 'default', kubernetesEndpointSlice());
  // kind registers the control-plane node first, then the workers
  const workers = rt.options.nodes.filter((n) => n.name !== CONTROL_PLANE_NODE);
  const given = rt.options.nodes.find((n) => n.name === CONTROL_PLANE_NODE);
  const cp = controlPlaneSpec();
  addNode(rt, given ? { ...cp, ...given, labels: { ...cp.labels, ...given.labels } } : cp);
  for (const spec of workers) addNode(rt, spec);
  rt.addComponent(createNodeHeartbeat());
}
