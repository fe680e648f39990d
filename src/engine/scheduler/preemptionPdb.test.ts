// PodDisruptionBudgets in preemption: filterPodsWithPDBViolation tables (in the style of default_preemption_test.go)
// and a cluster where the preemptor avoids the node whose victims are protected by a PDB.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster } from '../index';
import type { KubeObject } from '../types/object';
import { filterPodsWithPDBViolation, pdbLiteOf } from './preemptionPdb';
import { pickOneNodeForPreemption } from './preemption';

const pod = (name: string, labels: Record<string, string>, ns = 'default'): Pod => ({
  metadata: { name, namespace: ns, labels },
  spec: { containers: [] },
});
const pdb = (
  allowed: number,
  matchLabels: Record<string, string>,
  disrupted: string[] = [],
  ns = 'default',
) =>
  pdbLiteOf({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'b', namespace: ns },
    spec: { selector: { matchLabels } },
    status: {
      disruptionsAllowed: allowed,
      disruptedPods: Object.fromEntries(disrupted.map((d) => [d, 'x'])),
    },
  } as KubeObject);

const names = (ps: Pod[]) => ps.map((p) => p.metadata?.name);

describe('filterPodsWithPDBViolation', () => {
  const a1 = pod('a1', { app: 'a' });
  const a2 = pod('a2', { app: 'a' });
  const b1 = pod('b1', { app: 'b' });
  it.each([
    { name: 'no PDBs: nobody violates', pdbs: [], violating: [], nonViolating: ['a1', 'a2', 'b1'] },
    {
      name: 'budget 1: the second matching pod violates',
      pdbs: [pdb(1, { app: 'a' })],
      violating: ['a2'],
      nonViolating: ['a1', 'b1'],
    },
    {
      name: 'budget 0: every matching pod violates',
      pdbs: [pdb(0, { app: 'a' })],
      violating: ['a1', 'a2'],
      nonViolating: ['b1'],
    },
    {
      name: 'already disrupted pods do not spend the budget',
      pdbs: [pdb(0, { app: 'a' }, ['a1'])],
      violating: ['a2'],
      nonViolating: ['a1', 'b1'],
    },
    {
      name: 'a PDB in another namespace does not apply',
      pdbs: [pdb(0, { app: 'a' }, [], 'other')],
      violating: [],
      nonViolating: ['a1', 'a2', 'b1'],
    },
    {
      name: 'an empty selector matches nothing',
      pdbs: [pdb(0, {})],
      violating: [],
      nonViolating: ['a1', 'a2', 'b1'],
    },
  ])('$name', ({ pdbs, violating, nonViolating }) => {
    const r = filterPodsWithPDBViolation([a1, a2, b1], pdbs);
    expect(names(r.violating)).toEqual(violating);
    expect(names(r.nonViolating)).toEqual(nonViolating);
  });
});

describe('pickOneNodeForPreemption with PDB violations', () => {
  it('prefers fewer violations over lower victim priority', () => {
    const low = { metadata: { name: 'l' }, spec: { containers: [], priority: 1 } } as Pod;
    const mid = { metadata: { name: 'm' }, spec: { containers: [], priority: 5 } } as Pod;
    const chosen = pickOneNodeForPreemption([
      { node: 'a', victims: [low], numPDBViolations: 1 },
      { node: 'b', victims: [mid], numPDBViolations: 0 },
    ]);
    expect(chosen.node).toBe('b');
  });
});

describe('preemption respects PodDisruptionBudgets', () => {
  it('evicts the unprotected pod, not the one whose PDB allows no disruption', () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    c.run(
      'kubectl apply -f -',
      'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n',
    );
    const filler = (name: string, node: string, app: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: ${app}}}
spec:
  nodeName: ${node}
  containers: [{name: c, image: nginx, resources: {requests: {cpu: "3500m"}}}]
`;
    c.run('kubectl apply -f -', filler('guarded', 'node-1', 'db'));
    c.run('kubectl apply -f -', filler('plain', 'node-2', 'batch'));
    c.run('kubectl create pdb db --selector=app=db --min-available=1');
    c.run('sim settle');
    c.run(
      'kubectl apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: vip}\nspec:\n  priorityClassName: high\n  containers: [{name: c, image: nginx, resources: {requests: {cpu: "3"}}}]\n',
    );
    c.run('sim advance 5s');
    const status = (n: string) => JSON.parse(c.run(`kubectl get pod ${n} -o json`).stdout) as Pod;
    expect(status('vip').status?.nominatedNodeName).toBe('node-2');
    expect(c.run('kubectl get pod guarded').code).toBe(0);
    expect(status('guarded').metadata?.deletionTimestamp).toBeUndefined();
  });
});
