// kubectl's kubeconfig, kept beside the cluster (the file ~/.kube/config would be): one cluster and one user, as
// kubeadm's admin.conf names them, and contexts that pair them with a namespace. The current context's namespace is
// the default namespace of every kubectl command (clientcmd DirectClientConfig.Namespace), which is what
// `kubectl config set-context --current --namespace=dev` changes (dispatch.ts withContextNamespace).

export const CLUSTER_NAME = 'kubernetes';
export const USER_NAME = 'kubernetes-admin';
export const SERVER = 'https://127.0.0.1:6443';

export interface KubeContext {
  cluster: string;
  user: string;
  namespace: string;
}

export interface KubeConfig {
  /** cluster name -> API server URL */
  readonly clusters: Map<string, string>;
  readonly users: Set<string>;
  readonly contexts: Map<string, KubeContext>;
  currentContext: string;
}

export function defaultKubeConfig(): KubeConfig {
  const name = `${USER_NAME}@${CLUSTER_NAME}`;
  return {
    clusters: new Map([[CLUSTER_NAME, SERVER]]),
    users: new Set([USER_NAME]),
    contexts: new Map([[name, { cluster: CLUSTER_NAME, user: USER_NAME, namespace: '' }]]),
    currentContext: name,
  };
}

const sorted = <T>(m: Map<string, T>): [string, T][] =>
  [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The config as `kubectl config view` shows it: clientcmd's v1 Config with the credentials redacted (DATA+OMITTED).
 * Fields in the Go struct order (which -o json keeps); minify: only what the current context uses.
 */
export function viewConfig(cfg: KubeConfig, minify: boolean): Record<string, unknown> {
  const current = cfg.contexts.get(cfg.currentContext);
  const contexts = sorted(cfg.contexts).filter(([n]) => !minify || n === cfg.currentContext);
  const clusters = sorted(cfg.clusters).filter(([n]) => !minify || n === current?.cluster);
  const users = [...cfg.users].sort().filter((n) => !minify || n === current?.user);
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: clusters.map(([name, server]) => ({
      name,
      cluster: { server, 'certificate-authority-data': 'DATA+OMITTED' },
    })),
    users: users.map((name) => ({
      name,
      user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' },
    })),
    contexts: contexts.map(([name, c]) => ({
      name,
      context: { cluster: c.cluster, user: c.user, ...(c.namespace ? { namespace: c.namespace } : {}) },
    })),
    'current-context': cfg.currentContext,
  };
}
