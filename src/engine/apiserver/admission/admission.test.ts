import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import { KUBECTL, newTestApi, pod, statusOf } from '../testSupport';

interface PodSpecOut {
  serviceAccountName?: string;
  priority?: number;
  priorityClassName?: string;
  preemptionPolicy?: string;
  tolerations?: { key?: string; operator?: string; effect?: string; tolerationSeconds?: number }[];
}
const specOf = (o: KubeObject): PodSpecOut => o.spec as PodSpecOut;

describe('admission chain on pod create', () => {
  it('defaults serviceAccountName, priority and the not-ready/unreachable tolerations', () => {
    const { api } = newTestApi();
    const s = specOf(api.create('pods', 'default', pod('p'), KUBECTL));
    expect(s.serviceAccountName).toBe('default');
    expect([s.priority, s.preemptionPolicy]).toEqual([0, 'PreemptLowerPriority']);
    expect(s.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
  });

  const tolerationCases = [
    { name: 'tolerates everything', given: [{ operator: 'Exists' }], added: 0 },
    {
      name: 'tolerates not-ready already',
      given: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }],
      added: 1,
    },
    {
      name: 'unrelated NoSchedule toleration',
      given: [{ key: 'x', operator: 'Exists', effect: 'NoSchedule' }],
      added: 2,
    },
  ];
  for (const c of tolerationCases) {
    it(`DefaultTolerationSeconds: ${c.name}`, () => {
      const { api } = newTestApi();
      const s = specOf(api.create('pods', 'default', pod('p', { tolerations: c.given }), KUBECTL));
      expect(s.tolerations?.length).toBe(c.given.length + c.added);
    });
  }

  it('refuses a pod whose ServiceAccount is missing', () => {
    const { api } = newTestApi();
    const s = statusOf(() =>
      api.create('pods', 'default', pod('p', { serviceAccountName: 'robot' }), KUBECTL),
    );
    expect([s.code, s.message]).toEqual([
      403,
      'pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found',
    ]);
  });

  const priorityCases: {
    name: string;
    classes: Record<string, unknown>[];
    spec: Record<string, unknown>;
    priority?: number;
    className?: string;
    error?: string;
  }[] = [
    {
      name: 'built-in system-node-critical',
      classes: [],
      spec: { priorityClassName: 'system-node-critical' },
      priority: 2000001000,
    },
    {
      name: 'built-in system-cluster-critical',
      classes: [],
      spec: { priorityClassName: 'system-cluster-critical' },
      priority: 2000000000,
    },
    {
      name: 'user class',
      classes: [{ name: 'high', value: 1000 }],
      spec: { priorityClassName: 'high' },
      priority: 1000,
    },
    {
      name: 'global default',
      classes: [{ name: 'base', value: 7, globalDefault: true }],
      spec: {},
      priority: 7,
      className: 'base',
    },
    {
      name: 'unknown class',
      classes: [],
      spec: { priorityClassName: 'nope' },
      error: 'pods "p" is forbidden: no PriorityClass with name nope was found',
    },
    {
      name: 'explicit priority mismatch',
      classes: [],
      spec: { priority: 5 },
      error:
        'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    },
  ];
  for (const c of priorityCases) {
    it(`Priority: ${c.name}`, () => {
      const { api } = newTestApi();
      for (const pc of c.classes) {
        const { name, ...rest } = pc;
        api.create(
          'pc',
          undefined,
          {
            apiVersion: 'scheduling.k8s.io/v1',
            kind: 'PriorityClass',
            metadata: { name: String(name) },
            ...rest,
          },
          KUBECTL,
        );
      }
      if (c.error) {
        expect(statusOf(() => api.create('pods', 'default', pod('p', c.spec), KUBECTL)).message).toBe(
          c.error,
        );
        return;
      }
      const s = specOf(api.create('pods', 'default', pod('p', c.spec), KUBECTL));
      expect(s.priority).toBe(c.priority);
      if (c.className) expect(s.priorityClassName).toBe(c.className);
    });
  }

  it('Priority: a pod gets the default class that exists when it is created (plugins list fresh classes)', () => {
    const { api } = newTestApi();
    const podPriority = (name: string) =>
      specOf(api.create('pods', 'default', pod(name, {}), KUBECTL)).priority;
    const base = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'base' } };
    expect(podPriority('before')).toBe(0);
    api.create('pc', undefined, { ...base, value: 7, globalDefault: true }, KUBECTL);
    expect(podPriority('with-default')).toBe(7);
    api.delete('pc', undefined, 'base', {}, KUBECTL);
    expect(podPriority('after-delete')).toBe(0);
  });

  it('allows one globalDefault PriorityClass only', () => {
    const { api } = newTestApi();
    const pc = (name: string) => ({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name },
      value: 1,
      globalDefault: true,
    });
    api.create('pc', undefined, pc('a'), KUBECTL);
    expect(statusOf(() => api.create('pc', undefined, pc('b'), KUBECTL)).message).toBe(
      'priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist',
    );
  });
});
