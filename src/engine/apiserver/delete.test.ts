import { describe, expect, it } from 'vitest';
import { KUBECTL, configMap, newTestApi, pod, statusOf } from './testSupport';

describe('graceful pod deletion', () => {
  const cases: {
    name: string;
    spec: Record<string, unknown>;
    grace?: number;
    gone: boolean;
    period?: number;
  }[] = [
    { name: 'unscheduled pod goes at once', spec: {}, gone: true },
    { name: 'scheduled pod waits the default 30s', spec: { nodeName: 'n1' }, gone: false, period: 30 },
    {
      name: 'terminationGracePeriodSeconds is the default',
      spec: { nodeName: 'n1', terminationGracePeriodSeconds: 10 },
      gone: false,
      period: 10,
    },
    { name: 'an explicit grace period wins', spec: { nodeName: 'n1' }, grace: 5, gone: false, period: 5 },
    { name: 'grace 0 deletes at once', spec: { nodeName: 'n1' }, grace: 0, gone: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { api, sim } = newTestApi();
      api.create('pods', 'default', pod('p', c.spec), KUBECTL);
      sim.advance(1000);
      const out = api.delete(
        'pods',
        'default',
        'p',
        c.grace === undefined ? {} : { gracePeriodSeconds: c.grace },
        KUBECTL,
      );
      if (c.gone) {
        expect(statusOf(() => api.get('pods', 'default', 'p')).reason).toBe('NotFound');
        return;
      }
      const p = api.get('pods', 'default', 'p');
      expect(p.metadata.deletionGracePeriodSeconds).toBe(c.period);
      expect(p.metadata.deletionTimestamp).toBe(sim.clock.toRfc3339(1000 + (c.period ?? 0) * 1000));
      expect(p.metadata.generation).toBe(2);
      expect(out.metadata.resourceVersion).toBe(p.metadata.resourceVersion);
    });
  }

  it('a second delete may only shorten the grace period; grace 0 then removes the pod', () => {
    const { api, store } = newTestApi();
    api.create('pods', 'default', pod('p', { nodeName: 'n1' }), KUBECTL);
    const first = api.delete('pods', 'default', 'p', {}, KUBECTL);
    const rev = store.revision;
    api.delete('pods', 'default', 'p', { gracePeriodSeconds: 60 }, KUBECTL);
    expect(store.revision).toBe(rev);
    const shorter = api.delete('pods', 'default', 'p', { gracePeriodSeconds: 10 }, KUBECTL);
    expect(shorter.metadata.deletionTimestamp).toBe('2025-01-01T00:00:10Z');
    expect(first.metadata.deletionTimestamp).toBe('2025-01-01T00:00:30Z');
    api.delete('pods', 'default', 'p', { gracePeriodSeconds: 0 }, KUBECTL);
    expect(statusOf(() => api.get('pods', 'default', 'p')).code).toBe(404);
  });
});

describe('finalizers and propagation', () => {
  it('keeps an object with finalizers until an update removes the last one', () => {
    const { api, sim } = newTestApi();
    api.create(
      'cm',
      'default',
      configMap('c', {}, { metadata: { name: 'c', finalizers: ['example.com/keep'] } }),
      KUBECTL,
    );
    sim.advance(2000);
    const marked = api.delete('cm', 'default', 'c', {}, KUBECTL);
    expect(marked.metadata.deletionTimestamp).toBe('2025-01-01T00:00:02Z');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(0);
    const stillThere = api.get('cm', 'default', 'c');
    const cleared = structuredClone(stillThere);
    cleared.metadata.finalizers = [];
    api.update('cm', 'default', cleared, KUBECTL);
    expect(statusOf(() => api.get('cm', 'default', 'c')).reason).toBe('NotFound');
  });

  const policies = [
    { policy: 'Orphan' as const, finalizers: ['orphan'] },
    { policy: 'Foreground' as const, finalizers: ['foregroundDeletion'] },
    { policy: 'Background' as const, finalizers: undefined },
  ];
  for (const c of policies) {
    it(`propagationPolicy ${c.policy}`, () => {
      const { api } = newTestApi();
      api.create('cm', 'default', configMap('c'), KUBECTL);
      api.delete('cm', 'default', 'c', { propagationPolicy: c.policy }, KUBECTL);
      if (!c.finalizers) {
        expect(statusOf(() => api.get('cm', 'default', 'c')).reason).toBe('NotFound');
        return;
      }
      const o = api.get('cm', 'default', 'c');
      expect(o.metadata.finalizers).toEqual(c.finalizers);
      expect(o.metadata.deletionTimestamp).toBeDefined();
    });
  }

  it('checks uid and resourceVersion preconditions', () => {
    const { api } = newTestApi();
    const c = api.create('cm', 'default', configMap('c'), KUBECTL);
    expect(
      statusOf(() => api.delete('cm', 'default', 'c', { preconditions: { uid: 'x' } }, KUBECTL)).message,
    ).toBe(
      `Operation cannot be fulfilled on configmaps "c": the UID in the precondition (x) does not match the UID in record (${c.metadata.uid}). The object might have been deleted and then recreated`,
    );
    expect(
      statusOf(() => api.delete('cm', 'default', 'c', { preconditions: { resourceVersion: '1' } }, KUBECTL))
        .reason,
    ).toBe('Conflict');
    expect(statusOf(() => api.delete('cm', 'default', 'missing', {}, KUBECTL)).message).toBe(
      'configmaps "missing" not found',
    );
  });
});

describe('namespace lifecycle', () => {
  const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

  it('marks a deleted namespace Terminating and refuses new content in it', () => {
    const { api } = newTestApi();
    api.create('ns', undefined, ns('team'), KUBECTL);
    api.create('cm', 'team', configMap('c'), KUBECTL);
    const t = api.delete('ns', undefined, 'team', {}, KUBECTL);
    expect((t.status as { phase: string }).phase).toBe('Terminating');
    const s = statusOf(() => api.create('cm', 'team', configMap('d'), KUBECTL));
    expect([s.code, s.reason, s.message]).toEqual([
      403,
      'Forbidden',
      'configmaps "d" is forbidden: unable to create new content in namespace team because it is being terminated',
    ]);
  });

  it('the stand-in namespace controller empties and removes it', () => {
    const { api, sim } = newTestApi();
    api.create('ns', undefined, ns('team'), KUBECTL);
    sim.settle(10_000);
    api.create('pods', 'team', pod('p', { nodeName: 'n1' }), KUBECTL);
    api.create('cm', 'team', configMap('c'), KUBECTL);
    api.delete('ns', undefined, 'team', {}, KUBECTL);
    // the controller takes the namespace up namespaceDeletionGracePeriod (5s) later, and deletes pods first
    // (OrderedNamespaceDeletion): the ConfigMap waits while the pod is terminating
    sim.advance(5000);
    expect(api.get('pods', 'team', 'p').metadata.deletionTimestamp).toBeDefined();
    expect(api.get('cm', 'team', 'c').metadata.deletionTimestamp).toBeUndefined();
    expect(api.get('ns', undefined, 'team').metadata.deletionTimestamp).toBeDefined();
    // nothing finishes the pod's graceful deletion here (no kubelet): force it as the kubelet would
    api.delete('pods', 'team', 'p', { gracePeriodSeconds: 0 }, KUBECTL);
    sim.advance(20_000);
    expect(statusOf(() => api.get('cm', 'team', 'c')).reason).toBe('NotFound');
    expect(statusOf(() => api.get('ns', undefined, 'team')).message).toBe('namespaces "team" not found');
  });

  it('stays Terminating without the stand-in', () => {
    const { api, sim } = newTestApi({ namespaceControllerStandIn: false });
    api.create('ns', undefined, ns('team'), KUBECTL);
    api.delete('ns', undefined, 'team', {}, KUBECTL);
    sim.advance(10_000);
    expect((api.get('ns', undefined, 'team').status as { phase: string }).phase).toBe('Terminating');
  });

  it('refuses to delete an immortal namespace', () => {
    const { api } = newTestApi();
    expect(statusOf(() => api.delete('ns', undefined, 'default', {}, KUBECTL)).message).toBe(
      'namespaces "default" is forbidden: this namespace may not be deleted',
    );
  });

  it('leaves the default ServiceAccount to the serviceaccounts-controller, admitting pods meanwhile', () => {
    const { api, sim } = newTestApi();
    api.create('ns', undefined, ns('team'), KUBECTL);
    sim.settle(1000);
    expect(statusOf(() => api.get('sa', 'team', 'default')).reason).toBe('NotFound');
    expect(api.create('pods', 'team', pod('p'), KUBECTL).metadata.name).toBe('p');
  });
});
