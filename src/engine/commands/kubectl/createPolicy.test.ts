// kubectl create pdb / serviceaccount: the objects they generate and create_pdb.go's validation messages.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { parseToLabelSelector } from './createPolicy';

describe('parseToLabelSelector (metav1.ParseToLabelSelector)', () => {
  it.each([
    { text: 'app=web', want: { matchLabels: { app: 'web' } } },
    { text: 'app==web,tier=db', want: { matchLabels: { app: 'web', tier: 'db' } } },
    {
      text: 'app in (a,b),env!=prod,canary,!legacy',
      want: {
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'Exists' },
          { key: 'env', operator: 'NotIn', values: ['prod'] },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      },
    },
  ])('$text', ({ text, want }) => {
    const got = parseToLabelSelector(text) as { matchExpressions?: { key: string }[] };
    got.matchExpressions?.sort((a, b) => a.key.localeCompare(b.key));
    expect(got).toEqual(want);
  });
});

describe('kubectl create pdb', () => {
  it('creates a policy/v1 PDB the disruption controller fills in', () => {
    const c = createCluster({ seed: 4 });
    c.run('kubectl create deployment web --image=nginx --replicas=3');
    expect(c.run('kubectl create pdb web --selector=app=web --min-available=2').stdout).toBe(
      'poddisruptionbudget.policy/web created\n',
    );
    c.run('sim settle');
    expect(c.run('kubectl get pdb web').stdout).toMatch(/^web\s+2\s+N\/A\s+1\s+/m);
    const pdb = JSON.parse(c.run('kubectl get pdb web -o json').stdout) as { spec: unknown };
    expect(pdb.spec).toEqual({ selector: { matchLabels: { app: 'web' } }, minAvailable: 2 });
    expect(c.run('kubectl create pdb half --selector=app=web --max-unavailable=50%').code).toBe(0);
    expect(
      (JSON.parse(c.run('kubectl get pdb half -o json').stdout) as { spec: { maxUnavailable: unknown } }).spec
        .maxUnavailable,
    ).toBe('50%');
  });

  it.each([
    { flags: '--min-available=1', err: 'error: a selector must be specified\n' },
    {
      flags: '--selector=app=web',
      err: 'error: one of min-available or max-unavailable must be specified\n',
    },
    {
      flags: '--selector=app=web --min-available=1 --max-unavailable=1',
      err: 'error: min-available and max-unavailable cannot be both specified\n',
    },
    {
      flags: '--selector=app=web --min-available=10Gb',
      err: 'error: invalid format specified for min-available\n',
    },
  ])('$flags is refused', ({ flags, err }) => {
    const c = createCluster({ seed: 4 });
    const r = c.run(`kubectl create pdb web ${flags}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(err);
  });
});

describe('kubectl create serviceaccount', () => {
  it('creates it; the pod admission then accepts pods that name it', () => {
    const c = createCluster({ seed: 4 });
    expect(c.run('kubectl create sa builder').stdout).toBe('serviceaccount/builder created\n');
    expect(c.run('kubectl get sa builder').stdout).toMatch(/^builder\s+0\s+/m);
  });
});
