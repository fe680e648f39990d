// Property tests: the reused claim / grouping of nodesToDaemonPods equals a from-scratch ClaimPods + grouping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReconcileContext } from '../../client/controller';
import { InformerFactory } from '../../client/informer';
import { KUBECTL, newTestApi } from '../../apiserver/testSupport';
import { selectorFromLabelSelector } from '../../labels/selector';
import type { KubeObject } from '../../types/object';
import { claimDecision } from '../shared/claimPods';
import { nodesToDaemonPods } from './daemonPods';
import { daemonSetController } from './index';
import { getTargetNodeName } from './nodeShouldRun';
import { OWNER_INDEX } from './state';

type Op =
  | { kind: 'create'; owned: boolean; match: boolean; node: number; pinned: boolean }
  | { kind: 'relabel'; pick: number; match: boolean }
  | { kind: 'phase'; pick: number; phase: 'Running' | 'Succeeded' | 'Failed' }
  | { kind: 'delete'; pick: number; thenPhase?: 'Succeeded' | 'Failed' }
  | { kind: 'query'; withTerminal: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    // mostly owned matching pods, so many claims have no side effect and are reused
    owned: fc.constantFrom(true, true, true, false),
    match: fc.constantFrom(true, true, true, false),
    node: fc.integer({ min: 0, max: 3 }),
    pinned: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('relabel' as const),
    pick: fc.nat(),
    match: fc.constantFrom(true, true, false),
  }),
  fc.record({
    kind: fc.constant('phase' as const),
    pick: fc.nat(),
    phase: fc.constantFrom('Running' as const, 'Succeeded' as const, 'Failed' as const),
  }),
  fc.record(
    {
      kind: fc.constant('delete' as const),
      pick: fc.nat(),
      thenPhase: fc.constantFrom('Succeeded' as const, 'Failed' as const),
    },
    { requiredKeys: ['kind', 'pick'] },
  ),
  fc.record({ kind: fc.constant('query' as const), withTerminal: fc.boolean() }),
);

/** the original getDaemonPods + getNodesToDaemonPods, side-effect free: every keep/adopt decision claims */
function reference(inf: ReturnType<InformerFactory['for']>, ds: Readonly<DaemonSet>, withTerminal: boolean) {
  const owner = ds as unknown as KubeObject;
  const sel = selectorFromLabelSelector(ds.spec?.selector);
  const cands = [
    ...inf.byIndex(OWNER_INDEX, ds.metadata?.uid ?? ''),
    ...inf.byIndex(OWNER_INDEX, `orphan/${ds.metadata?.namespace ?? ''}`),
  ];
  const out = new Map<string, string[]>();
  for (const obj of cands) {
    const d = claimDecision(owner, sel, obj);
    if (d !== 'keep' && d !== 'adopt') continue;
    const pod = obj as unknown as Pod;
    const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    if (!withTerminal && terminal && pod.metadata?.deletionTimestamp) continue;
    const node = getTargetNodeName(pod);
    if (node === undefined) continue;
    out.set(node, [...(out.get(node) ?? []), pod.metadata?.name ?? '']);
  }
  return out;
}

function names(m: ReadonlyMap<string, readonly Readonly<Pod>[]>): Map<string, string[]> {
  return new Map([...m].map(([k, v]) => [k, v.map((p) => p.metadata?.name ?? '')]));
}

function run(ops: Op[]): void {
  const { api } = newTestApi();
  const informers = new InformerFactory(api);
  daemonSetController.setup?.(informers);
  for (const r of ['pods', 'daemonsets', 'controllerrevisions', 'nodes']) informers.for(r);
  informers.startAll();
  const labels = { app: 'agent' };
  api.create(
    'daemonsets',
    'default',
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'x' }] } },
      },
    },
    KUBECTL,
  );
  const ctx = { api, informers, request: KUBECTL } as unknown as ReconcileContext;
  const dsOf = () => informers.for('daemonsets').get('default/agent') as unknown as DaemonSet;
  const podNames: string[] = [];
  let seq = 0;
  const picked = (pick: number) => (podNames.length ? podNames[pick % podNames.length] : undefined);
  const current = (name: string) => informers.for('pods').get(`default/${name}`);
  for (const op of ops) {
    const ds = dsOf();
    if (op.kind === 'create') {
      const name = `p${seq++}`;
      const nodeName = `n${op.node}`;
      const affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] },
            ],
          },
        },
      };
      const owner = {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        name: 'agent',
        uid: ds.metadata?.uid ?? '',
        controller: true,
      };
      api.create(
        'pods',
        'default',
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name,
            labels: op.match ? labels : { app: 'other' },
            ...(op.owned ? { ownerReferences: [owner] } : {}),
          },
          spec: { containers: [{ name: 'c', image: 'x' }], ...(op.pinned ? { affinity } : { nodeName }) },
        },
        KUBECTL,
      );
      podNames.push(name);
    } else if (op.kind === 'relabel' || op.kind === 'phase' || op.kind === 'delete') {
      const name = picked(op.pick);
      const obj = name === undefined ? undefined : current(name);
      if (!obj || name === undefined) continue;
      if (op.kind === 'relabel') {
        const meta = { ...obj.metadata, labels: op.match ? labels : { app: 'other' } };
        api.update('pods', 'default', { ...obj, metadata: meta }, KUBECTL);
      } else if (op.kind === 'phase') {
        api.updateStatus('pods', 'default', { ...obj, status: { phase: op.phase } }, KUBECTL);
      } else {
        // a bound running pod is deleted gracefully; turning terminal afterwards leaves a terminal pod being deleted
        api.delete('pods', 'default', name, {}, KUBECTL);
        const left = current(name);
        if (left && op.thenPhase)
          api.updateStatus('pods', 'default', { ...left, status: { phase: op.thenPhase } }, KUBECTL);
      }
    } else {
      // both variants, in either order, as one sync asks for them
      for (const withTerminal of [op.withTerminal, !op.withTerminal]) {
        const want = reference(informers.for('pods'), ds, withTerminal);
        expect(names(nodesToDaemonPods(ctx, ds, withTerminal))).toEqual(want);
      }
    }
  }
}

describe('nodesToDaemonPods reuse', () => {
  it('equals a from-scratch claim and grouping for any sequence of pod writes and queries', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => run(ops)),
      { numRuns: 200 },
    );
  });
});
