// Test support: a cluster running the endpoint controllers, with pods whose status (podIP, Ready) is set by hand.
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../../index';
import type { Cluster } from '../../index';
import type { ControllerDefinition } from '../../client/controller';
import { controllerManagerComponents } from '../manager';
import type { KubeObject } from '../../types/object';
import { endpointsController } from '../endpoints/controller';
import { endpointSliceController } from './controller';
import type { EndpointSliceObject } from './types';

const tester = { actor: 'test' };

/** a cluster without the rest of the control plane (no kubelet to overwrite hand-set pod status) */
export function endpointCluster(
  defs: ControllerDefinition[] = [endpointSliceController, endpointsController],
  nodes = 3,
): Cluster {
  const c = createCluster({ nodes, controlPlane: false });
  for (const comp of controllerManagerComponents(defs)) c.runtime.addComponent(comp);
  return c;
}

export function ipOf(i: number): string {
  return `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}

export function serviceManifest(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...extra },
  };
}

/** a pod selected by Service `app`, bound to a node, with podIP and the Ready condition set */
export function addPod(
  c: Cluster,
  app: string,
  i: number,
  ready: boolean,
  nodeName = `node-${(i % 3) + 1}`,
): void {
  const api = c.runtime.api;
  const name = `${app}-${i}`;
  api.create(
    'pods',
    'default',
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app } },
      spec: {
        nodeName,
        containers: [{ name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }],
      },
    },
    tester,
  );
  setReady(c, name, ready, ipOf(i));
}

export function setReady(c: Cluster, name: string, ready: boolean, ip?: string): void {
  const api = c.runtime.api;
  const pod = api.get('pods', 'default', name) as Pod;
  const podIP = ip ?? pod.status?.podIP ?? '';
  const now = c.runtime.sim.clock.nowRfc3339();
  const status = {
    phase: 'Running',
    podIP,
    podIPs: [{ ip: podIP }],
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }],
  };
  api.updateStatus('pods', 'default', { ...(pod as KubeObject), status } as KubeObject, tester);
}

export function settle(c: Cluster): void {
  const r = c.runtime.sim.settle(600_000);
  if (!r.settled) throw new Error(`did not settle: ${r.pending.slice(0, 5).join(', ')}`);
}

export function slicesOf(c: Cluster, svc: string): EndpointSliceObject[] {
  return c.runtime.api
    .list('endpointslices', 'default', { labelSelector: `kubernetes.io/service-name=${svc}` })
    .items.map((o) => o as EndpointSliceObject);
}

/** the invariant: every ready, selected, non-terminating pod is in exactly one slice, and nothing else is ready there */
export function checkSliceInvariant(c: Cluster, svc: string, max: number): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const s of slicesOf(c, svc)) {
    if (s.endpoints.length > max)
      problems.push(`${s.metadata.name ?? ''} holds ${s.endpoints.length} > ${max}`);
    for (const ep of s.endpoints) for (const a of ep.addresses) seen.set(a, (seen.get(a) ?? 0) + 1);
  }
  const pods = c.runtime.api.list('pods', 'default', { labelSelector: `app=${svc}` }).items as Pod[];
  for (const p of pods) {
    const ip = p.status?.podIP ?? '';
    const n = seen.get(ip) ?? 0;
    if (n !== 1) problems.push(`${p.metadata?.name ?? ''} (${ip}) appears ${n} times`);
    seen.delete(ip);
  }
  for (const [ip] of seen) problems.push(`${ip} is in a slice but no selected pod has it`);
  return problems;
}
