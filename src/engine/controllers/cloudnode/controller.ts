// The cloud-controller-manager's node controller: a node registered with the uninitialized taint gets its
// providerID, instance-type / zone / region labels and addresses from the cloud, then the taint comes off.
// mirrors k8s.io/cloud-provider/controllers/node/node_controller.go syncNode / reconcileNodeLabels.
import type { Node } from 'kubernetes-types/core/v1';
import type { ClusterRuntime, Component } from '../../cluster/types';
import type { ControllerDefinition, ReconcileContext, ReconcileResult } from '../../client/controller';
import { controllerComponent } from '../../client/controller';
import type { KubeObject, ObjectKey } from '../../types/object';
import { objectKey } from '../../types/object';
import { StatusError } from '../../apiserver/types';
import type { SimulatedCloud } from '../../cloud/cloud';
import { cloudOf } from '../../cloud/registry';
import { sharedInformers } from '../manager';
import { cloudAddresses, CLOUD_NODE_CONTROLLER, hasCloudTaint, initializedNode } from './initialize';
import { labelsToReconcile } from './labels';

export { CLOUD_NODE_CONTROLLER };
/** virtual time the cloud's instance-metadata API takes to answer: how long a new node stays uninitialized */
export const CLOUD_NODE_INIT_LATENCY_MS = 1000;

type NodeObj = Node & KubeObject;

const isNotFound = (e: unknown) => e instanceof StatusError && e.status.code === 404;

/** syncNode: initialize a tainted node, or only reconcile the beta labels of an initialized one */
function syncNode(cloud: SimulatedCloud, key: ObjectKey, ctx: ReconcileContext): ReconcileResult {
  const cached = ctx.informers.for('nodes').get(key) as Readonly<NodeObj> | undefined;
  if (!cached) return {};
  try {
    if (!hasCloudTaint(cached.spec?.taints)) return reconcileNodeLabels(cached, ctx);
    const name = cached.metadata.name ?? key;
    const meta = cloud.instanceMetadata(cached.spec?.providerID, name);
    if (!meta) return { error: `failed to get instance metadata for node ${name}: instance not found` };
    // RetryOnConflict re-reads the node; here the read is the API server's current object
    const cur = ctx.api.get('nodes', undefined, name) as NodeObj;
    if (!hasCloudTaint(cur.spec?.taints)) return {};
    const updated = ctx.api.update(
      'nodes',
      undefined,
      initializedNode(cur, meta) as KubeObject,
      ctx.request,
    ) as NodeObj;
    // after the update, updateNodeAddress posts the cloud's addresses so users see them without delay
    const addresses = cloudAddresses(updated, meta);
    if (addresses) {
      ctx.api.updateStatus(
        'nodes',
        undefined,
        { ...updated, status: { ...updated.status, addresses } },
        ctx.request,
      );
    }
    ctx.events.event(updated, 'Normal', 'Synced', 'Node synced successfully', ctx.source);
    return {};
  } catch (e) {
    if (isNotFound(e)) return {};
    throw e;
  }
}

function reconcileNodeLabels(node: Readonly<NodeObj>, ctx: ReconcileContext): ReconcileResult {
  const labels = labelsToReconcile(node.metadata.labels);
  if (!labels) return {};
  const cur = ctx.api.get('nodes', undefined, node.metadata.name ?? '');
  const metadata = { ...cur.metadata, labels: { ...(cur.metadata.labels ?? {}), ...labels } };
  ctx.api.update('nodes', undefined, { ...cur, metadata }, ctx.request);
  return {};
}

function needsSync(node: Readonly<NodeObj>): boolean {
  return hasCloudTaint(node.spec?.taints) || labelsToReconcile(node.metadata.labels) !== undefined;
}

function definition(cloud: SimulatedCloud): ControllerDefinition {
  return {
    name: CLOUD_NODE_CONTROLLER,
    latencyMs: CLOUD_NODE_INIT_LATENCY_MS,
    // syncNode of a node that is neither tainted nor missing a beta label is a no-op: only those are queued
    watches: [
      { resource: 'nodes', keysFor: (o) => (needsSync(o as Readonly<NodeObj>) ? [objectKey(o)] : []) },
    ],
    reconcile: (key, ctx) => syncNode(cloud, key, ctx),
  };
}

/** The cloud node controller as a cloud-controller-manager component, bound to the cluster's cloud. */
export function cloudNodeController(): Component {
  return {
    name: CLOUD_NODE_CONTROLLER,
    start(rt: ClusterRuntime) {
      controllerComponent(definition(cloudOf(rt)), sharedInformers(rt)).start(rt);
    },
  };
}
