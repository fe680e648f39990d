// End-to-end `kubectl get` behaviour against a fresh simulated cluster (createCluster), as a user would see it.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import type { KubeObject } from '../../types/object';

const ctx = { actor: 'test' };

function cm(name: string, ns: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: ns, labels },
    data: { k: name },
  };
}

function cluster(): Cluster {
  const c = createCluster({ nodes: 2 });
  const api = c.runtime.api;
  api.create('configmaps', 'default', cm('b-config', 'default', { app: 'web', tier: 'fe' }), ctx);
  api.create('configmaps', 'default', cm('a-config10', 'default', { app: 'db' }), ctx);
  api.create('configmaps', 'default', cm('a-config9', 'default', { app: 'db' }), ctx);
  api.create('configmaps', 'kube-system', cm('sys', 'kube-system'), ctx);
  return c;
}

describe('kubectl get', () => {
  it('prints a table of the namespace', () => {
    const r = cluster().run('kubectl get configmaps');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+DATA\s+AGE$/);
    expect(r.stdout).toContain('b-config ');
    expect(r.stdout).not.toContain('sys');
  });
  it('says No resources found on stderr for an empty namespace, and without it for -A', () => {
    const c = cluster();
    expect(c.run('kubectl get pods')).toEqual({
      code: 0,
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
    });
    expect(c.run('kubectl get pods -n kube-public').stderr).toBe(
      'No resources found in kube-public namespace.\n',
    );
    // kube-system's pods (CoreDNS, kube-proxy, ...) make -A non-empty, as on a kind cluster
    const all = c.run('kubectl get pods -A');
    expect(all.stderr).toBe('');
    expect(all.stdout).toMatch(/\nkube-system\s+etcd-control-plane\s/);
    expect(c.run('kubectl get rc -A')).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' });
  });
  it('adds NAMESPACE first with -A', () => {
    const out = cluster().run('kubectl get cm -A').stdout;
    expect(out.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+DATA\s+AGE$/);
    expect(out).toMatch(/\nkube-system\s+sys\s+1\s+0s\n/);
  });
  it('filters with -l and shows labels', () => {
    const out = cluster().run('kubectl get cm -l app=db --show-labels').stdout;
    expect(out).toContain('LABELS');
    expect(out).toMatch(/a-config9\s+1\s+0s\s+app=db/);
    expect(out).not.toContain('b-config');
  });
  it('reports an unknown resource type without the server prefix', () => {
    expect(cluster().run('kubectl get deploymnets')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "deploymnets"\n',
    });
  });
  it('prints found objects and then NotFound errors, exit 1', () => {
    const r = cluster().run('kubectl get cm b-config nope');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('b-config');
    expect(r.stderr).toBe('Error from server (NotFound): configmaps "nope" not found\n');
  });
  it('prints TYPE/NAME tables for several kinds separated by a blank line', () => {
    const out = cluster().run('kubectl get svc,cm').stdout;
    const [svc, cms] = out.split('\n\n');
    expect(svc).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP/);
    expect(svc).toContain('service/kubernetes');
    expect(cms).toContain('configmap/b-config');
  });
  it('-o name', () => {
    expect(cluster().run('kubectl get cm -l app=db -o name').stdout).toBe(
      'configmap/a-config10\nconfigmap/a-config9\n',
    );
    expect(cluster().run('kubectl get nodes -o name').stdout).toContain('node/node-1\n');
  });
  it('-o json wraps a list request in a List with sorted keys', () => {
    const r = cluster().run('kubectl get cm -l app=web -o json');
    const parsed = JSON.parse(r.stdout) as { kind: string; items: KubeObject[]; metadata: object };
    expect(Object.keys(parsed)).toEqual(['apiVersion', 'items', 'kind', 'metadata']);
    expect(parsed.kind).toBe('List');
    expect(parsed.metadata).toEqual({ resourceVersion: '' });
    expect(parsed.items.map((i) => i.metadata.name)).toEqual(['b-config']);
    expect(r.stdout).toMatch(/^\{\n {4}"apiVersion": "v1",/);
  });
  it('-o yaml of one named object prints the object', () => {
    const out = cluster().run('kubectl get cm b-config -o yaml').stdout;
    expect(out.startsWith('apiVersion: v1\ndata:\n  k: b-config\nkind: ConfigMap\nmetadata:\n')).toBe(true);
    expect(out).toMatch(/creationTimestamp: "2025-01-01T00:00:00Z"/);
  });
  it('-o jsonpath', () => {
    const c = cluster();
    expect(c.run("kubectl get cm -o jsonpath='{.items[*].metadata.name}'").stdout).toBe(
      'a-config10 a-config9 b-config kube-root-ca.crt',
    );
    expect(c.run('kubectl get cm b-config -o jsonpath={.data.k}').stdout).toBe('b-config');
    expect(c.run('kubectl get cm -o jsonpath=\'{range .items[*]}{.metadata.name}{"\\n"}{end}\'').stdout).toBe(
      'a-config10\na-config9\nb-config\nkube-root-ca.crt\n',
    );
  });
  it('-o custom-columns', () => {
    const out = cluster().run(
      'kubectl get cm -o custom-columns=NAME:.metadata.name,APP:.metadata.labels.app',
    ).stdout;
    // every namespace also holds root-ca-cert-publisher's kube-root-ca.crt
    expect(out).toBe(
      'NAME               APP\na-config10         db\na-config9          db\nb-config           web\nkube-root-ca.crt   <none>\n',
    );
  });
  it('--sort-by uses natural order', () => {
    const out = cluster().run('kubectl get cm --sort-by=.metadata.name -o name').stdout;
    expect(out).toBe(
      'configmap/a-config9\nconfigmap/a-config10\nconfigmap/b-config\nconfigmap/kube-root-ca.crt\n',
    );
  });
  it('--no-headers', () => {
    expect(cluster().run('kubectl get cm --no-headers').stdout.split('\n')[0]).toMatch(
      /^a-config10\s+1\s+0s$/,
    );
  });
  it('rejects an unknown output format', () => {
    const r = cluster().run('kubectl get cm -o foo');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: unable to match a printer suitable for the output format "foo"/);
  });
  it('asks for a resource type when none is given', () => {
    const r = cluster().run('kubectl get');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: Required resource not specified.');
  });
  it('accepts TYPE/NAME arguments', () => {
    const out = cluster().run('kubectl get cm/b-config node/node-1').stdout;
    expect(out).toContain('configmap/b-config');
    expect(out).toContain('node/node-1');
  });
  it('get all lists the kubernetes service', () => {
    expect(cluster().run('kubectl get all').stdout).toMatch(
      /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nservice\/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/,
    );
  });
  it('prints nodes like kubectl', () => {
    const out = cluster().run('kubectl get nodes').stdout;
    expect(out).toMatch(
      /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\ncontrol-plane\s+Ready\s+control-plane\s+0s\s+v1\.35\.0\n/,
    );
  });
});
