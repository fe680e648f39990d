// `kubectl config`: the kubeconfig as kubectl prints it, and the current context's namespace as the default
// namespace of every later command (clientcmd), with -n still winning and manifests keeping their own namespace.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../index';

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.run('sim settle');
  return c;
}

const VIEW = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;

describe('kubectl config', () => {
  it('shows a kubeadm-style kubeconfig with its credentials redacted', () => {
    const c = cluster();
    expect(c.run('kubectl config view')).toEqual({ code: 0, stdout: VIEW, stderr: '' });
    expect(c.run('kubectl config current-context').stdout).toBe('kubernetes-admin@kubernetes\n');
    expect(c.run('kubectl config get-contexts').stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n' +
        '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n',
    );
    expect(c.run('kubectl config get-clusters').stdout).toBe('NAME\nkubernetes\n');
    expect(c.run('kubectl config get-users').stdout).toBe('NAME\nkubernetes-admin\n');
  });

  it('prints -o json in the Go struct order of v1.Config', () => {
    const out = cluster().run('kubectl config view -o json').stdout;
    expect(Object.keys(JSON.parse(out))).toEqual([
      'kind',
      'apiVersion',
      'preferences',
      'clusters',
      'users',
      'contexts',
      'current-context',
    ]);
  });

  it('makes the current context namespace the default of later commands; -n and manifests still win', () => {
    const c = cluster();
    c.run('kubectl create namespace dev');
    expect(c.run('kubectl config set-context --current --namespace=dev').stdout).toBe(
      'Context "kubernetes-admin@kubernetes" modified.\n',
    );
    expect(c.run('kubectl config view --minify -o jsonpath={..namespace}').stdout).toBe('dev');
    expect(c.run('kubectl config get-contexts').stdout).toMatch(/kubernetes-admin\s+dev\n$/);
    c.run('kubectl create deployment web --image=nginx');
    c.run('sim settle');
    expect(c.run('kubectl get deploy web -n dev -o name').stdout).toBe('deployment.apps/web\n');
    expect(c.run('kubectl get deploy').stdout).toMatch(/^NAME .*\nweb /);
    expect(c.run('kubectl get pods -n default')).toMatchObject({
      stderr: 'No resources found in default namespace.\n',
    });
    // a manifest with a namespace keeps it (enforceNamespace is only for an explicit -n); one without goes to dev
    const cm = (ns: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n${ns}`;
    expect(c.run('kubectl apply -f -', cm('  namespace: default\n'))).toMatchObject({ code: 0 });
    expect(c.run('kubectl apply -f -', cm(''))).toMatchObject({ code: 0 });
    expect(c.run('kubectl get configmap cfg -n default -o name').stdout).toBe('configmap/cfg\n');
    expect(c.run('kubectl get configmap cfg -o jsonpath={.metadata.namespace}').stdout).toBe('dev');
    expect(c.run('kubectl apply -n kube-system -f -', cm('  namespace: default\n')).stderr).toContain(
      'does not match the namespace "kube-system"',
    );
    // sim commands follow the context too
    const pod = c.run('kubectl get pods -o name').stdout.trim().replace('pod/', '');
    expect(c.run(`sim pod crash ${pod}`).code).toBe(0);
  });

  it('switches contexts with use-context', () => {
    const c = cluster();
    expect(
      c.run('kubectl config set-context other --cluster=kubernetes --user=kubernetes-admin -n kube-system')
        .stdout,
    ).toBe('Context "other" created.\n');
    expect(c.run('kubectl config use-context other').stdout).toBe('Switched to context "other".\n');
    expect(c.run('kubectl get deploy -o name').stdout).toBe('deployment.apps/coredns\n');
    expect(c.run('kubectl config get-contexts -o name').stdout).toBe('kubernetes-admin@kubernetes\nother\n');
    c.run('kubectl config use-context kubernetes-admin@kubernetes');
    expect(c.run('kubectl get deploy')).toMatchObject({
      stderr: 'No resources found in default namespace.\n',
    });
  });

  it.each([
    ['kubectl config use-context nope', 'error: no context exists with the name: "nope"\n'],
    ['kubectl config set-context', 'error: you must specify a non-empty context name or --current\n'],
    [
      'kubectl config set-context x --current',
      'error: you cannot specify both a context name and --current\n',
    ],
    [
      'kubectl config get-contexts -o wide',
      'error: --output wide is not available in kubectl config get-contexts; resetting to default output format\n',
    ],
  ])('%s fails as kubectl does', (line, stderr) => {
    expect(cluster().run(line)).toEqual({ code: 1, stdout: '', stderr });
  });
});
