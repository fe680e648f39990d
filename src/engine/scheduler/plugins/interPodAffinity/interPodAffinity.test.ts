// Key cases of interpodaffinity/filtering_test.go TestRequiredAffinitySingleNode / TestRequiredAffinityMultipleNodes
// and scoring_test.go TestPreferredAffinity, with the exact reasons.
import { describe, expect, it } from 'vitest';
import type { Pod, PodAffinityTerm } from 'kubernetes-types/core/v1';
import { newInterPodAffinity } from './index';
import { contextOf, makeNode, makePod, nodeInfos, runFilter, runScore } from '../testHelpers';

const ZONE = 'zone';
const HOST = 'kubernetes.io/hostname';
const term = (
  labels: Record<string, string>,
  topologyKey: string,
  extra: Partial<PodAffinityTerm> = {},
): PodAffinityTerm => ({
  labelSelector: { matchLabels: labels },
  topologyKey,
  ...extra,
});
const nodes = () => [
  makeNode('n1', { labels: { [ZONE]: 'z1' } }),
  makeNode('n2', { labels: { [ZONE]: 'z1' } }),
  makeNode('n3', { labels: { [ZONE]: 'z2' } }),
  makeNode('n4'),
];
const withAffinity = (
  o: { affinity?: PodAffinityTerm[]; anti?: PodAffinityTerm[] },
  extra: Parameters<typeof makePod>[0] = {},
): Pod =>
  makePod({
    ...extra,
    spec: {
      affinity: {
        ...(o.affinity
          ? { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: o.affinity } }
          : {}),
        ...(o.anti ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: o.anti } } : {}),
      },
    },
  });
const AFF = "UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules";
const ANTI = "Unschedulable: node(s) didn't match pod anti-affinity rules";
const EXISTING = "Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules";
const db = (nodeName: string, namespace = 'default') =>
  makePod({ name: `db-${nodeName}`, nodeName, namespace, labels: { app: 'db' } });

describe('InterPodAffinity filter', () => {
  it('required affinity: only the zone with a matching pod', () => {
    const pod = withAffinity({ affinity: [term({ app: 'db' }, ZONE)] }, { labels: { app: 'web' } });
    expect(runFilter(newInterPodAffinity(), pod, nodeInfos(nodes(), [db('n1')]))).toEqual({
      n1: 'Success',
      n2: 'Success',
      n3: AFF,
      n4: AFF,
    });
  });

  it('first pod of a self-affine group may go to any node with the topology label', () => {
    const pod = withAffinity({ affinity: [term({ app: 'db' }, ZONE)] }, { labels: { app: 'db' } });
    expect(runFilter(newInterPodAffinity(), pod, nodeInfos(nodes()))).toEqual({
      n1: 'Success',
      n2: 'Success',
      n3: 'Success',
      n4: AFF,
    });
  });

  it('no exception when the pod does not match its own terms', () => {
    const pod = withAffinity({ affinity: [term({ app: 'db' }, ZONE)] }, { labels: { app: 'web' } });
    expect(runFilter(newInterPodAffinity(), pod, nodeInfos(nodes())).n1).toBe(AFF);
  });

  it('required anti-affinity by hostname', () => {
    const pod = withAffinity({ anti: [term({ app: 'db' }, HOST)] }, { labels: { app: 'db' } });
    expect(runFilter(newInterPodAffinity(), pod, nodeInfos(nodes(), [db('n1')]))).toEqual({
      n1: ANTI,
      n2: 'Success',
      n3: 'Success',
      n4: 'Success',
    });
  });

  it("existing pods' anti-affinity rejects the whole zone", () => {
    const guard = withAffinity({ anti: [term({ app: 'web' }, ZONE)] }, { name: 'guard', nodeName: 'n1' });
    const pod = makePod({ labels: { app: 'web' } });
    expect(runFilter(newInterPodAffinity(), pod, nodeInfos(nodes(), [guard]))).toEqual({
      n1: EXISTING,
      n2: EXISTING,
      n3: 'Success',
      n4: 'Success',
    });
  });

  it('terms only see their namespaces; namespaceSelector selects by namespace labels', () => {
    const infos = nodeInfos(nodes(), [db('n3', 'team-a')]);
    const ctx = contextOf(infos, { namespaces: { 'team-a': { team: 'a' }, default: {} } });
    const sameNs = withAffinity({ affinity: [term({ app: 'db' }, ZONE)] });
    expect(runFilter(newInterPodAffinity(), sameNs, infos, ctx).n3).toBe(AFF);
    const bySelector = withAffinity({
      affinity: [term({ app: 'db' }, ZONE, { namespaceSelector: { matchLabels: { team: 'a' } } })],
    });
    expect(runFilter(newInterPodAffinity(), bySelector, infos, ctx)).toEqual({
      n1: AFF,
      n2: AFF,
      n3: 'Success',
      n4: AFF,
    });
    const byName = withAffinity({ affinity: [term({ app: 'db' }, ZONE, { namespaces: ['team-a'] })] });
    expect(runFilter(newInterPodAffinity(), byName, infos, ctx).n3).toBe('Success');
  });

  it('pods without (anti-)affinity skip the plugin', () => {
    const st = newInterPodAffinity().preFilter(new Map(), makePod(), contextOf(nodeInfos(nodes())));
    expect(st.code).toBe('Skip');
  });
});

describe('InterPodAffinity score', () => {
  const preferred = (weight: number, t: PodAffinityTerm, anti = false): Pod =>
    makePod({
      labels: { app: 'web' },
      spec: {
        affinity: anti
          ? {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: t }],
              },
            }
          : {
              podAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: t }],
              },
            },
      },
    });
  it('preferred affinity favours the zone with matching pods', () => {
    const infos = nodeInfos(nodes().slice(0, 3), [db('n1')]);
    expect(runScore(newInterPodAffinity(), preferred(5, term({ app: 'db' }, ZONE)), infos)).toEqual({
      n1: 100,
      n2: 100,
      n3: 0,
    });
  });
  it('preferred anti-affinity disfavours it', () => {
    const infos = nodeInfos(nodes().slice(0, 3), [db('n1')]);
    expect(runScore(newInterPodAffinity(), preferred(5, term({ app: 'db' }, ZONE), true), infos)).toEqual({
      n1: 0,
      n2: 0,
      n3: 100,
    });
  });
  it("existing pods' required affinity to the incoming pod counts with hardPodAffinityWeight", () => {
    const existing = withAffinity({ affinity: [term({ app: 'web' }, ZONE)] }, { name: 'e', nodeName: 'n3' });
    const infos = nodeInfos(nodes().slice(0, 3), [existing]);
    expect(runScore(newInterPodAffinity(), makePod({ labels: { app: 'web' } }), infos)).toEqual({
      n1: 0,
      n2: 0,
      n3: 100,
    });
    const off = newInterPodAffinity({ hardPodAffinityWeight: 0 });
    expect(off.preScore(new Map(), makePod({ labels: { app: 'web' } }), infos, contextOf(infos)).code).toBe(
      'Skip',
    );
  });
});
