import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import { rolloutStatusOf } from './rolloutStatusViewer';

function deployment(
  generation: number,
  spec: Record<string, unknown>,
  status: Record<string, unknown>,
  annotations = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', generation, annotations },
    spec,
    status,
  };
}

// table after kubectl pkg/polymorphichelpers/rollout_status_test.go TestDeploymentStatusViewerStatus
describe('Deployment rollout status', () => {
  const rows = [
    {
      name: 'updating',
      gen: 1,
      st: { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1 },
      msg: 'Waiting for deployment "web" rollout to finish: 0 out of 1 new replicas have been updated...\n',
      done: false,
    },
    {
      name: 'old pending termination',
      gen: 1,
      st: { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 1 },
      msg: 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n',
      done: false,
    },
    {
      name: 'availability',
      gen: 1,
      st: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 0 },
      msg: 'Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...\n',
      done: false,
    },
    {
      name: 'done',
      gen: 1,
      st: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 },
      msg: 'deployment "web" successfully rolled out\n',
      done: true,
    },
    {
      name: 'not observed',
      gen: 2,
      st: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 },
      msg: 'Waiting for deployment spec update to be observed...\n',
      done: false,
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      expect(rolloutStatusOf(deployment(r.gen, { replicas: 1 }, r.st), 0)).toEqual({
        message: r.msg,
        done: r.done,
      });
    });
  }
  it('progress deadline exceeded is an error', () => {
    const d = deployment(
      1,
      { replicas: 1 },
      { observedGeneration: 1, conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }] },
    );
    expect(() => rolloutStatusOf(d, 0)).toThrow('deployment "web" exceeded its progress deadline');
  });
  it('pinned revision must match', () => {
    const d = deployment(
      1,
      { replicas: 1 },
      { observedGeneration: 1 },
      { 'deployment.kubernetes.io/revision': '2' },
    );
    expect(() => rolloutStatusOf(d, 3)).toThrow(
      'desired revision (3) is different from the running revision (2)',
    );
  });
});

describe('StatefulSet and DaemonSet rollout status', () => {
  const sts = (spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', generation: 1 },
    spec,
    status,
  });
  it('waits for ready pods', () => {
    expect(
      rolloutStatusOf(
        sts(
          { replicas: 3, updateStrategy: { type: 'RollingUpdate' } },
          { observedGeneration: 1, readyReplicas: 1 },
        ),
        0,
      ).message,
    ).toBe('Waiting for 2 pods to be ready...\n');
  });
  it('partitioned roll out complete', () => {
    const s = sts(
      { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } },
      { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 3 },
    );
    expect(rolloutStatusOf(s, 0)).toEqual({
      message: 'partitioned roll out complete: 3 new pods have been updated...\n',
      done: true,
    });
  });
  it('OnDelete is rejected', () => {
    expect(() => rolloutStatusOf(sts({ updateStrategy: { type: 'OnDelete' } }, {}), 0)).toThrow(
      'rollout status is only available for RollingUpdate strategy type',
    );
  });
  it('daemon set waiting and done', () => {
    const ds = (status: Record<string, unknown>): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', generation: 1 },
      spec: {},
      status,
    });
    expect(
      rolloutStatusOf(ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1 }), 0)
        .message,
    ).toBe('Waiting for daemon set "agent" rollout to finish: 1 out of 3 new pods have been updated...\n');
    expect(
      rolloutStatusOf(
        ds({
          observedGeneration: 1,
          desiredNumberScheduled: 3,
          updatedNumberScheduled: 3,
          numberAvailable: 3,
        }),
        0,
      ),
    ).toEqual({
      message: 'daemon set "agent" successfully rolled out\n',
      done: true,
    });
  });
  it('other kinds have no status viewer', () => {
    expect(() => rolloutStatusOf({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {} }, 0)).toThrow(
      'no status viewer has been implemented for ReplicaSet.apps',
    );
  });
});
