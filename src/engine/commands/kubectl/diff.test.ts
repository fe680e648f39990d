// `kubectl diff`: GNU `diff -u -N` of LIVE and MERGED directories (file names, headers, hunks, exit status), the
// merged object from a server-side dry run of the apply, Secret masking, and CheckDiffErr's exit status 2.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { unifiedDiff } from './diff';

const dep = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.run('sim settle');
  return c;
}

describe('unified diff as GNU diff -u -N prints it', () => {
  const T = '2025-01-01 00:00:00.000000000 +0000';
  it.each([
    ['equal files print nothing', 'a\n', 'a\n', ''],
    ['a new file (absent = empty, -N)', '', 'x\ny\n', '@@ -0,0 +1,2 @@\n+x\n+y\n'],
    ['a one-line range has no count', 'a\nb\n', 'a\n', '@@ -1,2 +1 @@\n a\n-b\n'],
    [
      'changes more than 6 lines apart are two hunks of 3 context lines',
      'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n',
      'a\nB\nc\nd\ne\nf\ng\nh\ni\nJ\nk\n',
      '@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -7,5 +7,5 @@\n g\n h\n i\n-j\n+J\n k\n',
    ],
  ])('%s', (_name, from, to, hunks) => {
    const out = unifiedDiff('/tmp/L/f', '/tmp/M/f', from, to, T);
    expect(out).toBe(
      hunks === '' ? '' : `diff -u -N /tmp/L/f /tmp/M/f\n--- /tmp/L/f\t${T}\n+++ /tmp/M/f\t${T}\n${hunks}`,
    );
  });
});

describe('kubectl diff', () => {
  it('shows what apply would change, and exits 1; nothing and 0 once applied', () => {
    const c = cluster();
    const created = c.run('kubectl diff -f -', dep(2, 'nginx:1.27'));
    expect(created.code).toBe(1);
    expect(created.stdout).toMatch(
      /^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\n--- \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web\t2025-01-01 00:00:\d\d\.\d{9} \+0000\n\+\+\+ .*\n@@ -0,0 \+1,\d+ @@\n\+apiVersion: apps\/v1\n/,
    );
    // a dry run: nothing was created
    expect(c.run('kubectl get deploy web').code).toBe(1);
    c.run('kubectl apply -f -', dep(2, 'nginx:1.27'));
    c.run('sim settle');
    expect(c.run('kubectl diff -f -', dep(2, 'nginx:1.27'))).toEqual({ code: 0, stdout: '', stderr: '' });
    const changed = c.run('kubectl diff -f -', dep(3, 'nginx:1.28'));
    expect(changed.code).toBe(1);
    const lines = changed.stdout.split('\n');
    for (const l of [
      '-  generation: 1',
      '+  generation: 2',
      '-  replicas: 2',
      '+  replicas: 3',
      '-      - image: nginx:1.27',
      '+      - image: nginx:1.28',
    ])
      expect(lines).toContain(l);
    // still a dry run
    expect(c.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('2');
  });

  it('masks Secret data, marking changed values before and after', () => {
    const c = cluster();
    const secret = (a: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: ${a}\n  b: YQ==\n`;
    c.run('kubectl apply -f -', secret('eA=='));
    const out = c.run('kubectl diff -f -', secret('eQ==')).stdout;
    expect(out).toContain("-  a: '*** (before)'\n+  a: '*** (after)'\n");
    expect(out).toContain("   b: '***'\n");
    // only data is masked: the last-applied annotation still carries the values, as it does in kubectl
    expect(out).not.toMatch(/^[-+ ] {2}a: eQ==$/m);
    expect(c.run('kubectl diff --show-secrets -f -', secret('eQ==')).stdout).toContain('+  a: eQ==\n');
  });

  it('exits 2 with the error when kubectl or the server fails (CheckDiffErr)', () => {
    const c = cluster();
    expect(c.run('kubectl diff -f -', dep(-1, 'nginx'))).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    });
    expect(c.run('kubectl diff').code).toBe(2);
  });
});
