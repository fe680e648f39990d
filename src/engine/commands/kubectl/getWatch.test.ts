// `kubectl get --watch` as a user sees it: the list, then one row per watch event, on virtual time until the cluster
// is quiet (or for --request-timeout); kubectl's own errors for what a watch cannot do.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';

const SETTLED = (after: string): string =>
  `(kubesim stopped watching after ${after} of virtual time: the cluster has nothing left to do; kubectl keeps watching until interrupted)\n`;

function oneNode(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.run('sim settle');
  return c;
}

describe('kubectl get --watch', () => {
  it('lists, then prints each change as a row of its own whose columns only ever widen', () => {
    const c = oneNode();
    c.run('kubectl create deployment web --image=nginx --replicas=1');
    expect(c.run('kubectl get pods -w')).toEqual({
      code: 0,
      stdout: [
        'NAME                   READY   STATUS    RESTARTS   AGE',
        'web-7957885594-gk2j5   0/1     Pending   0          0s',
        // bound to the node
        'web-7957885594-gk2j5   0/1     Pending   0          0s',
        // STATUS widens from here on (tabwriter.RememberWidths); the header is not printed again
        'web-7957885594-gk2j5   0/1     ContainerCreating   0          0s',
        'web-7957885594-gk2j5   1/1     Running             0          2s',
        '',
      ].join('\n'),
      stderr: SETTLED('2.888s'),
    });
  });

  it('--watch-only skips the list and prints the header with the first change; --output-watch-events adds EVENT', () => {
    const c = oneNode();
    c.run('kubectl create deployment web --image=nginx --replicas=1');
    c.run('sim settle');
    c.run('kubectl scale deploy web --replicas=2');
    const r = c.run('kubectl get pods --watch-only --output-watch-events');
    expect(r.stdout).toBe(
      [
        'EVENT      NAME                   READY   STATUS    RESTARTS   AGE',
        'ADDED      web-7957885594-s66pp   0/1     Pending   0          0s',
        'MODIFIED   web-7957885594-s66pp   0/1     Pending   0          0s',
        'MODIFIED   web-7957885594-s66pp   0/1     ContainerCreating   0          0s',
        'MODIFIED   web-7957885594-s66pp   1/1     Running             0          2s',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(SETTLED('2.268s'));
  });

  it('shows a scale-down: Terminating, then the stopped pod until it is gone', () => {
    const c = oneNode();
    c.run('kubectl create deployment web --image=nginx --replicas=2');
    c.run('sim settle');
    c.run('kubectl scale deploy web --replicas=1');
    const rows = c.run('kubectl get pods --watch-only --output-watch-events').stdout.trim().split('\n');
    const gone = rows.filter((l) => l.includes('Terminating') || l.startsWith('DELETED'));
    expect(gone[0]).toMatch(/^MODIFIED\s+web-\S+\s+1\/1\s+Terminating\s/);
    expect(rows[rows.length - 1]).toMatch(/^DELETED\s+web-\S+\s+0\/1\s+Completed\s/);
  });

  it('watches a named object without printing it twice, and only its own changes', () => {
    const c = oneNode();
    c.run('kubectl create deployment web --image=nginx --replicas=1');
    c.run('kubectl create deployment other --image=nginx --replicas=1');
    const rows = c.run('kubectl get deployment web -w').stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    expect(rows[1]).toMatch(/^web\s+0\/1\s+0\s+0\s+0s$/);
    expect(rows.slice(1).every((l) => l.startsWith('web '))).toBe(true);
    expect(rows[rows.length - 1]).toMatch(/^web\s+1\/1\s+1\s+1\s+\d+s$/);
  });

  it('--request-timeout watches exactly that much virtual time and ends quietly, as a timed-out watch does', () => {
    const c = oneNode();
    const t0 = c.runtime.sim.clock.nowMs();
    expect(c.run('kubectl get nodes -w --request-timeout=90s')).toMatchObject({ code: 0, stderr: '' });
    expect(c.runtime.sim.clock.nowMs() - t0).toBe(90_000);
    // a bare number is seconds (clientcmd ParseTimeout)
    c.run('kubectl get nodes -w --request-timeout=5');
    expect(c.runtime.sim.clock.nowMs() - t0).toBe(95_000);
  });

  it('prints -o yaml documents with --- between them, and -o name one line per event', () => {
    const c = oneNode();
    c.run('kubectl create deployment web --image=nginx --replicas=1');
    const yaml = c.run('kubectl get deployment web -w -o yaml').stdout;
    const docs = yaml.split('---\n');
    expect(docs.length).toBeGreaterThan(2);
    for (const d of docs) expect(d).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    c.run('kubectl scale deploy web --replicas=2');
    const names = c.run('kubectl get deploy --watch-only -o name').stdout.trim().split('\n');
    expect(new Set(names)).toEqual(new Set(['deployment.apps/web']));
    expect(names.length).toBeGreaterThan(1);
  });

  it('prints watch events as metav1.WatchEvent JSON with --output-watch-events -o json', () => {
    const c = oneNode();
    c.run('kubectl create configmap cfg --from-literal=a=b');
    const out = c.run('kubectl get configmap cfg -w -o json --output-watch-events').stdout;
    expect(out.startsWith('{\n    "type": "ADDED",\n    "object": {\n        "apiVersion": "v1",\n')).toBe(
      true,
    );
    expect(JSON.parse(out)).toMatchObject({ type: 'ADDED', object: { kind: 'ConfigMap', data: { a: 'b' } } });
  });

  it.each([
    ['kubectl get pods,services -w', 'error: you may only specify a single resource type\n'],
    ['kubectl get all -w', 'error: you may only specify a single resource type\n'],
    [
      'kubectl get -w',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    [
      'kubectl get pods --output-watch-events',
      'error: --output-watch-events option can only be used with --watch or --watch-only\n',
    ],
    ['kubectl get pod nope -w', 'Error from server (NotFound): pods "nope" not found\n'],
    [
      'kubectl get pods -w --request-timeout=soon',
      'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
    ],
    [
      'kubectl get pods --request-timeout=-1',
      'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
    ],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(oneNode().run(line)).toEqual({ code: 1, stdout: '', stderr });
  });

  it('prints no list when both --watch and --watch-only are given (watch-only wins, as outputObjects does)', () => {
    const c = oneNode();
    c.run('kubectl create configmap a');
    expect(c.run('kubectl get configmap a -w --watch-only').stdout).toBe('');
  });

  it('prints several named objects, then refuses to watch more than one', () => {
    const c = oneNode();
    c.run('kubectl create configmap a');
    c.run('kubectl create configmap b');
    const r = c.run('kubectl get configmap a b -w');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^NAME\s+DATA\s+AGE\na\s+0\s+0s\nb\s+0\s+0s\n$/);
    expect(r.stderr).toBe('error: you may only watch a single resource or type of resource at a time\n');
  });

  it('ignores --sort-by with kubectl warning, and a missing named object with --ignore-not-found', () => {
    const c = oneNode();
    expect(c.run('kubectl get pods -w --sort-by=.metadata.name').stderr).toMatch(
      /^warning: --watch requested, --sort-by will be ignored for watch events received\n\(kubesim stopped watching/,
    );
    expect(c.run('kubectl get pods --watch-only --sort-by=.metadata.name').stderr).toMatch(
      /^warning: --watch-only requested, --sort-by will be ignored\n/,
    );
    expect(c.run('kubectl get pod nope -w --ignore-not-found')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
