// Test fixtures for the Deployment describer: a ReplicaSet of Deployment `web`, whose template differs only by image.
import type { KubeObject } from '../../../types/object';

/** a ReplicaSet of `web` created at `created` (RFC 3339); kubectl matches it to the Deployment by template */
export function webReplicaSet(
  name: string,
  image: string,
  created: string,
  rev = '1',
  replicas = 0,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: created,
      annotations: { 'deployment.kubernetes.io/revision': rev },
    },
    spec: {
      replicas,
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': name } },
        spec: { containers: [{ name: 'nginx', image }] },
      },
    },
    status: { replicas },
  };
}
