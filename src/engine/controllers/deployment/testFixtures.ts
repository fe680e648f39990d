// Test-only builders for Deployments and ReplicaSets (mirror the newDeployment/rs helpers of Kubernetes' tests).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { toRfc3339 } from '../../sim/clock';
import type { IntOrString } from './fenceposts';
import { REVISION_ANNOTATION } from './replicaSets';

export interface DepOpts {
  replicas?: number;
  maxSurge?: IntOrString;
  maxUnavailable?: IntOrString;
  strategy?: 'RollingUpdate' | 'Recreate';
  generation?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  image?: string;
}

export function newDeployment(o: DepOpts = {}): Deployment {
  const strategy = o.strategy ?? 'RollingUpdate';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', uid: 'd-uid', generation: o.generation ?? 1 },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { app: 'foo' } },
      strategy:
        strategy === 'Recreate'
          ? { type: 'Recreate' }
          : {
              type: 'RollingUpdate',
              rollingUpdate: { maxSurge: o.maxSurge ?? 0, maxUnavailable: o.maxUnavailable ?? 0 },
            },
      revisionHistoryLimit: o.revisionHistoryLimit,
      progressDeadlineSeconds: o.progressDeadlineSeconds,
      template: {
        metadata: { labels: { app: 'foo' } },
        spec: { containers: [{ name: 'c', image: o.image ?? 'nginx:1' }] },
      },
    },
  };
}

export interface RsOpts {
  available?: number;
  /** status.replicas; default = spec replicas */
  current?: number;
  createdSec?: number;
  revision?: number;
  annotations?: Record<string, string>;
  deleting?: boolean;
  image?: string;
}

export function newRS(name: string, replicas: number, o: RsOpts = {}): ReplicaSet {
  const annotations = { ...(o.annotations ?? {}) };
  if (o.revision !== undefined) annotations[REVISION_ANNOTATION] = String(o.revision);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: toRfc3339((o.createdSec ?? 0) * 1000),
      annotations,
      ...(o.deleting ? { deletionTimestamp: toRfc3339(1000) } : {}),
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'foo' } },
      template: {
        metadata: { labels: { app: 'foo', 'pod-template-hash': name } },
        spec: { containers: [{ name: 'c', image: o.image ?? 'nginx:old' }] },
      },
    },
    status: {
      replicas: o.current ?? replicas,
      availableReplicas: o.available ?? 0,
      readyReplicas: o.available ?? 0,
    },
  };
}
