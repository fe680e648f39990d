// Tables for podUtil (IsPodAvailable), ClaimObject decisions and GetPodFromTemplate.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import { toRfc3339 } from '../../sim/clock';
import { selectorFromSet } from '../../labels/selector';
import { isPodActive, isPodAvailable } from './podUtil';
import { claimDecision } from './claimPods';
import { getPodFromTemplate } from './podTemplate';
import { newControllerRef } from './controllerRef';

const readyPod = (sinceMs: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: toRfc3339(sinceMs) }],
  },
});

describe('isPodAvailable', () => {
  it.each([
    { name: 'minReadySeconds 0: ready is available', since: 10_000, min: 0, now: 10_000, want: true },
    {
      name: 'ready exactly minReadySeconds ago is not yet available',
      since: 10_000,
      min: 5,
      now: 15_000,
      want: false,
    },
    { name: 'ready longer than minReadySeconds', since: 10_000, min: 5, now: 15_001, want: true },
  ])('$name', ({ since, min, now, want }) => expect(isPodAvailable(readyPod(since), min, now)).toBe(want));
  it('a not-ready pod is never available', () => {
    const p = readyPod(0);
    (p.status as { conditions: { status: string }[] }).conditions[0]!.status = 'False';
    expect(isPodAvailable(p, 0, 1e9)).toBe(false);
  });
  it.each([
    { phase: 'Running', deleting: false, want: true },
    { phase: 'Succeeded', deleting: false, want: false },
    { phase: 'Failed', deleting: false, want: false },
    { phase: 'Running', deleting: true, want: false },
  ])('isPodActive $phase deleting=$deleting', ({ phase, deleting, want }) => {
    const p: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: deleting ? { deletionTimestamp: 'x' } : {},
      status: { phase },
    };
    expect(isPodActive(p)).toBe(want);
  });
});

const owner: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web', namespace: 'default', uid: 'rs-1' },
};
const other: KubeObject = { ...owner, metadata: { ...owner.metadata, uid: 'rs-2' } };
const sel = selectorFromSet({ app: 'web' });
function p(
  labels: Record<string, string>,
  ctrl?: KubeObject,
  extra: Partial<KubeObject['metadata']> = {},
): KubeObject {
  const metadata: KubeObject['metadata'] = { name: 'x', namespace: 'default', labels, ...extra };
  if (ctrl) metadata.ownerReferences = [newControllerRef(ctrl)];
  return { apiVersion: 'v1', kind: 'Pod', metadata };
}

describe('ClaimObject decisions (controller_ref_manager.go)', () => {
  it.each([
    { name: 'ours and matching: keep', pod: p({ app: 'web' }, owner), owner, want: 'keep' },
    { name: 'ours, labels changed: release', pod: p({ app: 'db' }, owner), owner, want: 'release' },
    { name: 'another controller: ignore', pod: p({ app: 'web' }, other), owner, want: 'ignore' },
    { name: 'orphan matching: adopt', pod: p({ app: 'web' }), owner, want: 'adopt' },
    { name: 'orphan not matching: ignore', pod: p({ app: 'db' }), owner, want: 'ignore' },
    {
      name: 'orphan being deleted: ignore',
      pod: p({ app: 'web' }, undefined, { deletionTimestamp: 't' }),
      owner,
      want: 'ignore',
    },
    {
      name: 'owner being deleted: no adoption',
      pod: p({ app: 'web' }),
      owner: { ...owner, metadata: { ...owner.metadata, deletionTimestamp: 't' } },
      want: 'ignore',
    },
    {
      name: 'owner being deleted: no release',
      pod: p({ app: 'db' }, owner),
      owner: { ...owner, metadata: { ...owner.metadata, deletionTimestamp: 't' } },
      want: 'ignore',
    },
    {
      name: 'orphan in another namespace: ignore',
      pod: p({ app: 'web' }, undefined, { namespace: 'other' }),
      owner,
      want: 'ignore',
    },
  ])('$name', ({ pod, owner: o, want }) => expect(claimDecision(o, sel, pod)).toBe(want));
});

describe('getPodFromTemplate', () => {
  it('copies labels, annotations, finalizers and spec; sets generateName and the controllerRef', () => {
    const tpl = {
      metadata: { labels: { app: 'web' }, annotations: { a: 'b' }, finalizers: ['f'] },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    };
    const pod = getPodFromTemplate(tpl, owner, newControllerRef(owner));
    expect(pod.metadata).toEqual({
      generateName: 'web-',
      namespace: 'default',
      labels: { app: 'web' },
      annotations: { a: 'b' },
      finalizers: ['f'],
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: 'rs-1',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    });
    expect(pod.spec).toEqual(tpl.spec);
    expect(pod.spec).not.toBe(tpl.spec);
  });
});
