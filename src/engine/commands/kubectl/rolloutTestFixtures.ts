// Fixtures for the `kubectl rollout history` / `rollout undo` tests: a Deployment with three ReplicaSet revisions
// laid down through the API, and a DaemonSet or StatefulSet with two ControllerRevisions made by its controller.
import { expect } from 'vitest';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { createCluster, type Cluster } from '../../index';
import type { KubeObject } from '../../types/object';

export const ctx = { actor: 'test' };
export const CAUSE = 'kubernetes.io/change-cause';
export const template = (image: string, hash?: string, annotations?: Record<string, string>) => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) }, annotations },
  spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
});

export function deployment(c: Cluster, image: string, extra: Record<string, unknown> = {}): KubeObject {
  return c.runtime.api.create(
    'deployments',
    'default',
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'default',
        annotations: { 'deployment.kubernetes.io/revision': '3' },
      },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template(image), ...extra },
    },
    ctx,
  );
}

/** a ReplicaSet as the Deployment controller leaves one revision (the RS carries the Deployment's change-cause) */
export function replicaSet(
  c: Cluster,
  d: KubeObject,
  revision: number,
  image: string,
  cause?: string,
  templateAnnotations?: Record<string, string>,
): void {
  const hash = `h${revision}`;
  c.runtime.api.create(
    'replicasets',
    'default',
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `web-${hash}`,
        namespace: 'default',
        labels: { app: 'web', 'pod-template-hash': hash },
        annotations: {
          'deployment.kubernetes.io/revision': String(revision),
          ...(cause ? { [CAUSE]: cause } : {}),
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
            uid: d.metadata.uid ?? '',
            controller: true,
          },
        ],
      },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
        template: template(image, hash, templateAnnotations),
      },
    },
    ctx,
  );
}

/** revisions 1..3 (nginx:1.25, 1.26, 1.27); the Deployment is at 1.27 */
export function withHistory(extra: Record<string, unknown> = {}): Cluster {
  const c = createCluster();
  const d = deployment(c, 'nginx:1.27', extra);
  replicaSet(c, d, 1, 'nginx:1.25', 'create', { 'example.com/note': 'x' });
  replicaSet(c, d, 2, 'nginx:1.26', undefined, { [CAUSE]: 'from the template' });
  replicaSet(c, d, 3, 'nginx:1.27', 'image bump');
  return c;
}

export const image = (c: Cluster) =>
  (c.runtime.api.get('deployments', 'default', 'web') as Deployment & KubeObject).spec?.template?.spec
    ?.containers[0]?.image;
export const rsTemplate = (c: Cluster, revision: number) =>
  (c.runtime.api.get('replicasets', 'default', `web-h${revision}`) as ReplicaSet & KubeObject).spec
    ?.template ?? {};

/**
 * a DaemonSet (or StatefulSet) `agent` with two revisions (busybox:1.35 then :1.36); the ControllerRevision of
 * revision 1 has a change-cause
 */
export function daemonSetWithHistory(kind: 'DaemonSet' | 'StatefulSet' = 'DaemonSet'): Cluster {
  const c = createCluster();
  const ds = {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      ...(kind === 'StatefulSet' ? { replicas: 1, serviceName: 'agent' } : {}),
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'busybox:1.35' }] },
      },
    },
  };
  expect(c.run('kubectl create -f -', JSON.stringify(ds)).code).toBe(0);
  c.run('sim settle');
  const cr = c.runtime.api.list('controllerrevisions', 'default', {}).items[0] as KubeObject;
  c.runtime.api.update(
    'controllerrevisions',
    'default',
    { ...cr, metadata: { ...cr.metadata, annotations: { [CAUSE]: 'first' } } },
    ctx,
  );
  c.run(`kubectl set image ${kind.toLowerCase()}/agent agent=busybox:1.36`);
  c.run('sim settle');
  return c;
}
