// The namespace controller stand-in: it never gives up on a Terminating namespace (namespace_controller.go worker
// requeues for as long as content remains) and reports progress in status.conditions (status_condition_utils.go).
import { describe, expect, it } from 'vitest';
import { KUBECTL, configMap, newTestApi, pod, statusOf } from './testSupport';
import { createCluster } from '../index';
import { updateConditions, type NamespaceCondition } from './namespaceContent';

const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const HOLD = 'example.com/hold';

type Row = [type: string, status: string, reason: string, message: string];
function conditionRows(conditions: unknown): Row[] {
  return ((conditions ?? []) as NamespaceCondition[]).map((c) => [c.type, c.status, c.reason, c.message]);
}

const OK: Record<string, Row> = {
  discovery: [
    'NamespaceDeletionDiscoveryFailure',
    'False',
    'ResourcesDiscovered',
    'All resources successfully discovered',
  ],
  parsing: [
    'NamespaceDeletionGroupVersionParsingFailure',
    'False',
    'ParsedGroupVersions',
    'All legacy kube types successfully parsed',
  ],
  content: [
    'NamespaceDeletionContentFailure',
    'False',
    'ContentDeleted',
    'All content successfully deleted, may be waiting on finalization',
  ],
  remaining: ['NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed'],
  finalizers: [
    'NamespaceFinalizersRemaining',
    'False',
    'ContentHasNoFinalizers',
    'All content-preserving finalizers finished',
  ],
};

/** a namespace `team` with the given content, deleted at once */
function terminating(content: (api: ReturnType<typeof newTestApi>['api']) => void) {
  const t = newTestApi();
  t.api.create('ns', undefined, ns('team'), KUBECTL);
  t.sim.settle(10_000);
  content(t.api);
  t.api.delete('ns', undefined, 'team', {}, KUBECTL);
  return t;
}

describe('namespace deletion never gives up', () => {
  it.each([
    { name: 'a finalizer held 3 minutes', holdMs: 3 * 60_000 },
    { name: 'a finalizer held 2 hours', holdMs: 2 * 3_600_000 },
  ])('$name: the namespace goes once the finalizer is removed', ({ holdMs }) => {
    const { api, sim } = terminating((a) =>
      a.create(
        'cm',
        'team',
        configMap('held', {}, { metadata: { name: 'held', finalizers: [HOLD] } }),
        KUBECTL,
      ),
    );
    sim.advance(holdMs);
    expect((api.get('ns', undefined, 'team').status as { phase: string }).phase).toBe('Terminating');
    api.patch('cm', 'team', 'held', 'merge', { metadata: { finalizers: null } }, KUBECTL);
    // the next pass comes within finalizerEstimateSeconds/2+1 = 8s
    sim.advance(8_000);
    expect(statusOf(() => api.get('ns', undefined, 'team')).reason).toBe('NotFound');
  });

  it('waits on a held finalizer as background work: one status write, nothing for settle to wait on', () => {
    const { sim } = terminating((a) =>
      a.create(
        'cm',
        'team',
        configMap('held', {}, { metadata: { name: 'held', finalizers: [HOLD] } }),
        KUBECTL,
      ),
    );
    const passes = () =>
      sim.trace.all().filter((r) => r.actor === 'namespace-controller' && r.action === 'updateStatus').length;
    sim.advance(3_600_000);
    // one status write (the conditions), then passes that change nothing
    expect(passes()).toBe(1);
    expect(sim.pendingCount(true)).toBe(0);
  });
});

describe('namespace deletion conditions', () => {
  it.each([
    {
      name: 'content held by a finalizer',
      content: (a: ReturnType<typeof newTestApi>['api']) => {
        a.create(
          'cm',
          'team',
          configMap('held', {}, { metadata: { name: 'held', finalizers: [HOLD] } }),
          KUBECTL,
        );
        a.create('cm', 'team', configMap('free'), KUBECTL);
      },
      afterMs: 6_000,
      want: [
        OK.discovery,
        OK.parsing,
        OK.content,
        [
          'NamespaceContentRemaining',
          'True',
          'SomeResourcesRemain',
          'Some resources are remaining: configmaps. has 1 resource instances',
        ],
        [
          'NamespaceFinalizersRemaining',
          'True',
          'SomeFinalizersRemain',
          'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
        ],
      ],
    },
    {
      // pods go first; while they remain, the rest waits and the content totals are not reported
      name: 'a pod still terminating within its grace period',
      content: (a: ReturnType<typeof newTestApi>['api']) => {
        a.create('pods', 'team', pod('p', { nodeName: 'n1' }), KUBECTL);
        a.create(
          'cm',
          'team',
          configMap('held', {}, { metadata: { name: 'held', finalizers: [HOLD] } }),
          KUBECTL,
        );
      },
      afterMs: 6_000,
      want: [OK.discovery, OK.parsing, OK.content, OK.remaining, OK.finalizers],
    },
    {
      // past its grace period with nothing holding it, a remaining pod is an error
      name: 'a pod that outlives its grace period (no kubelet)',
      content: (a: ReturnType<typeof newTestApi>['api']) => {
        a.create('pods', 'team', pod('p', { nodeName: 'n1' }), KUBECTL);
      },
      afterMs: 60_000,
      want: [
        OK.discovery,
        OK.parsing,
        [
          'NamespaceDeletionContentFailure',
          'True',
          'ContentDeletionFailed',
          'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: team for gvr: /v1, Resource=pods',
        ],
        OK.remaining,
        OK.finalizers,
      ],
    },
  ])('$name', ({ content, afterMs, want }) => {
    const { api, sim } = terminating(content);
    sim.advance(afterMs);
    const status = api.get('ns', undefined, 'team').status as { phase: string; conditions?: unknown };
    expect(status.phase).toBe('Terminating');
    expect(conditionRows(status.conditions)).toEqual(want);
  });

  it('keeps the cm while a pod remains, then deletes it once the pod is gone', () => {
    const { api, sim } = terminating((a) => {
      a.create('pods', 'team', pod('p', { nodeName: 'n1' }), KUBECTL);
      a.create('cm', 'team', configMap('c'), KUBECTL);
    });
    sim.advance(60_000);
    expect(api.get('cm', 'team', 'c').metadata.deletionTimestamp).toBeUndefined();
    api.delete('pods', 'team', 'p', { gracePeriodSeconds: 0 }, KUBECTL);
    // the failing namespace is retried with at most 60s of backoff
    sim.advance(60_000);
    expect(statusOf(() => api.get('ns', undefined, 'team')).reason).toBe('NotFound');
  });
});

describe('updateConditions', () => {
  const at = (s: number) => `2025-01-01T00:00:${String(s).padStart(2, '0')}Z`;
  const fail = new Map([['NamespaceContentRemaining', { reason: 'SomeResourcesRemain', message: 'm' }]]);
  it.each([
    { name: 'first write adds all five', old: [] as NamespaceCondition[], failing: fail, changed: true },
    {
      name: 'same verdicts change nothing',
      old: updateConditions([], fail, at(1)) ?? [],
      failing: fail,
      changed: false,
    },
    {
      name: 'a flip moves lastTransitionTime of that condition only',
      old: updateConditions([], fail, at(1)) ?? [],
      failing: new Map(),
      changed: true,
    },
  ])('$name', ({ old, failing, changed }) => {
    const next = updateConditions(old, failing, at(9));
    expect(next !== undefined).toBe(changed);
    if (!next || old.length === 0) return;
    const flipped = next
      .filter((c, i) => c.lastTransitionTime !== old[i]?.lastTransitionTime)
      .map((c) => c.type);
    expect(flipped).toEqual(failing.size === 0 ? ['NamespaceContentRemaining'] : []);
  });
});

describe('kubectl describe ns', () => {
  it('prints the deletion conditions of a Terminating namespace', () => {
    const c = createCluster({ seed: 1 });
    c.run('kubectl create ns demo');
    c.run(
      'kubectl apply -f -',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  namespace: demo\n  finalizers: [example.com/hold]\n',
    );
    c.run('kubectl delete ns demo --wait=false');
    c.run('sim advance 1m');
    const out = c.run('kubectl describe ns demo').stdout;
    expect(out).toContain('Status:       Terminating\nConditions:\n');
    expect(out).toMatch(
      /^ {2}NamespaceFinalizersRemaining +True +\w{3}, \d\d \w{3} \d{4} [\d:]{8} \+0000 +SomeFinalizersRemain +Some content in the namespace has finalizers remaining: example\.com\/hold in 1 resource instances$/m,
    );
    c.run(`kubectl patch cm held -n demo --type=merge -p '{"metadata":{"finalizers":null}}'`);
    c.run('sim advance 10s');
    expect(c.run('kubectl get ns demo').stderr).toBe(
      'Error from server (NotFound): namespaces "demo" not found\n',
    );
  });
});
