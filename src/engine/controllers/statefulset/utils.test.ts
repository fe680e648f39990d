// Table tests of StatefulSet helpers (stateful_set_utils_test.go TestGetStatefulSetMaxUnavailable, ordinals, retention).
import { describe, expect, it } from 'vitest';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../types/object';
import { getStatefulSetMaxUnavailable } from './maxUnavailable';
import { claimName, newStatefulSetPod, parentNameAndOrdinal, storageMatches } from './identity';
import { claimIsStale, claimOwnerRefsFor, isClaimOwnerUpToDate } from './claims';

describe('getStatefulSetMaxUnavailable', () => {
  const rows: { maxUnavailable: number | string | undefined; replicas: number; want: number }[] = [
    { maxUnavailable: undefined, replicas: 10, want: 1 },
    { maxUnavailable: 3, replicas: 10, want: 3 },
    { maxUnavailable: 3, replicas: 0, want: 3 },
    { maxUnavailable: 0, replicas: 0, want: 1 },
    { maxUnavailable: '10%', replicas: 25, want: 2 },
    { maxUnavailable: '100%', replicas: 5, want: 5 },
    { maxUnavailable: '50%', replicas: 5, want: 2 },
    { maxUnavailable: '10%', replicas: 5, want: 1 },
  ];
  it.each(rows)('($maxUnavailable, $replicas) -> $want', ({ maxUnavailable, replicas, want }) => {
    expect(getStatefulSetMaxUnavailable(maxUnavailable, replicas)).toBe(want);
  });
  it('rejects a malformed percentage', () => {
    expect(() => getStatefulSetMaxUnavailable('ten', 5)).toThrow(/invalid value/);
  });
});

describe('parentNameAndOrdinal', () => {
  const rows = [
    { name: 'web-0', parent: 'web', ordinal: 0 },
    { name: 'my-db-12', parent: 'my-db', ordinal: 12 },
    { name: 'web', parent: '', ordinal: -1 },
    { name: 'web-x', parent: '', ordinal: -1 },
    { name: 'web-99999999999', parent: 'web', ordinal: -1 },
  ];
  it.each(rows)('$name -> $parent/$ordinal', ({ name, parent, ordinal }) => {
    expect(parentNameAndOrdinal(name)).toEqual({ parent, ordinal });
  });
});

const set: StatefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default', uid: 'set-uid' },
  spec: {
    replicas: 2,
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }],
  },
};

describe('newStatefulSetPod', () => {
  it('carries the stable identity, claim volume and revision label', () => {
    const pod = newStatefulSetPod(set, 1, 'web-abc');
    expect(pod.metadata?.name).toBe('web-1');
    expect(pod.metadata?.labels).toEqual({
      app: 'web',
      'statefulset.kubernetes.io/pod-name': 'web-1',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': 'web-abc',
    });
    expect(pod.spec?.hostname).toBe('web-1');
    expect(pod.spec?.subdomain).toBe('nginx');
    expect(pod.spec?.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } }]);
    expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'StatefulSet',
      name: 'web',
      controller: true,
    });
    expect(storageMatches(set, pod as unknown as KubeObject)).toBe(true);
    expect(claimName(set, 'data', 1)).toBe('data-web-1');
  });
});

describe('claim retention ownerRefs', () => {
  const pod = (name: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, uid: `${name}-uid` },
  });
  const withPolicy = (whenDeleted: string, whenScaled: string): StatefulSet => ({
    ...set,
    spec: {
      ...(set.spec as NonNullable<StatefulSet['spec']>),
      persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled },
    },
  });
  const rows = [
    { policy: ['Retain', 'Retain'], pod: 'web-1', owners: [] },
    { policy: ['Delete', 'Retain'], pod: 'web-1', owners: ['StatefulSet'] },
    { policy: ['Delete', 'Retain'], pod: 'web-5', owners: ['StatefulSet'] },
    { policy: ['Retain', 'Delete'], pod: 'web-1', owners: [] },
    { policy: ['Retain', 'Delete'], pod: 'web-5', owners: ['Pod'] },
    { policy: ['Delete', 'Delete'], pod: 'web-1', owners: ['StatefulSet'] },
    { policy: ['Delete', 'Delete'], pod: 'web-5', owners: ['Pod'] },
  ];
  it.each(rows)('$policy for $pod -> owners $owners', ({ policy, pod: name, owners }) => {
    const s = withPolicy(policy[0] as string, policy[1] as string);
    const claim: PersistentVolumeClaim = { metadata: { name: 'data' } };
    const refs = claimOwnerRefsFor(claim, s, pod(name));
    expect(refs.map((r) => r.kind)).toEqual(owners);
    expect(isClaimOwnerUpToDate({ metadata: { ownerReferences: refs } }, s, pod(name))).toBe(true);
    const wrong =
      owners.length === 0
        ? [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid' }]
        : [];
    expect(isClaimOwnerUpToDate({ metadata: { ownerReferences: wrong } }, s, pod(name))).toBe(false);
  });
  it('a claim owned by a previous pod of the same name is stale', () => {
    const claim: PersistentVolumeClaim = {
      metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: 'old' }] },
    };
    expect(claimIsStale(claim, undefined)).toBe(true);
    expect(claimIsStale(claim, 'old')).toBe(false);
    expect(claimIsStale(undefined, undefined)).toBe(false);
  });
});
