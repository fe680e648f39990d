// kubectl apply end to end: created / unchanged / configured, three-way merge behaviour, errors in kubectl's words.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { goJson, LAST_APPLIED, withLastApplied } from './apply';

const DEP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: fe}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;
const SVC =
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';

const live = (c: Cluster, res = 'deployments', name = 'web', ns = 'default') =>
  c.runtime.api.get(res, ns, name) as unknown as {
    metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec: { replicas: number; paused?: boolean };
  };

describe('kubectl apply', () => {
  it('creates, then is unchanged, then configured', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(c.run('kubectl apply -f -', DEP)).toEqual({
      code: 0,
      stdout: 'deployment.apps/web created\n',
      stderr: '',
    });
    expect(c.run('kubectl apply -f -', DEP).stdout).toBe('deployment.apps/web unchanged\n');
    expect(c.run('kubectl apply -f -', DEP.replace('replicas: 2', 'replicas: 3')).stdout).toBe(
      'deployment.apps/web configured\n',
    );
    expect(live(c).spec.replicas).toBe(3);
  });

  it('records last-applied-configuration as sorted compact JSON with a newline, namespace and annotations: {}', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.run('kubectl apply -f -', SVC);
    expect(live(c, 'services').metadata.annotations?.[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"web"}}}\n',
    );
  });

  it('removes a label dropped from the manifest but keeps fields set by someone else', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.run('kubectl apply -f -', DEP);
    // another writer sets a label and pauses the deployment
    expect(c.run('kubectl label deployment web owner=ops').code).toBe(0);
    c.runtime.api.patch(
      'deployments',
      'default',
      'web',
      'merge',
      { spec: { paused: true } },
      { actor: 'test' },
    );
    expect(c.run('kubectl apply -f -', DEP.replace(', tier: fe', '')).stdout).toBe(
      'deployment.apps/web configured\n',
    );
    const obj = live(c);
    expect(obj.metadata.labels).toEqual({ app: 'web', owner: 'ops' });
    expect(obj.spec.paused).toBe(true);
  });

  it('applies every document, prints successes first and errors after, exit 1', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    const bad = DEP.replace('name: web', 'name: bad').replace('replicas: 2', 'replicas: -1');
    const r = c.run('kubectl apply -f -', `${bad}---\n${SVC}`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('service/web created\n');
    expect(r.stderr).toBe(
      'The Deployment "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });

  it.each([
    {
      name: 'unknown kind',
      cmd: 'kubectl apply -f -',
      stdin: DEP.replace('kind: Deployment', 'kind: Deploymnt'),
      stderr:
        'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Deploymnt" in version "apps/v1"\nensure CRDs are installed first\n',
    },
    {
      name: 'namespace mismatch',
      cmd: 'kubectl apply -n b -f -',
      stdin: DEP.replace('name: web\n', 'name: web\n  namespace: a\n'),
      stderr: `error: the namespace from the provided object "a" does not match the namespace "b". You must pass '--namespace=a' to perform this operation.\n`,
    },
    {
      name: 'a file path',
      cmd: 'kubectl apply -f x.yaml',
      stdin: undefined,
      stderr: 'error: the path "x.yaml" does not exist\n',
    },
    {
      name: 'broken YAML',
      cmd: 'kubectl apply -f -',
      stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: a: b\n',
      stderr:
        'error: error parsing STDIN: error converting YAML to JSON: yaml: line 4, column 11: mapping values are not allowed in this context\n',
    },
    {
      name: 'missing kind',
      cmd: 'kubectl apply -f -',
      stdin: 'apiVersion: v1\nmetadata: {name: x}\n',
      stderr:
        'error: error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    },
    {
      name: 'server-side',
      cmd: 'kubectl apply --server-side -f -',
      stdin: DEP,
      stderr: /not supported by kubesim/,
    },
  ])('$name', ({ cmd, stdin, stderr }) => {
    const c = createCluster({ seed: 1, nodes: 1 });
    const r = c.run(cmd, stdin);
    expect(r.code).toBe(1);
    if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
  });

  it('uses -n for objects without a namespace and dry-run writes nothing', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.run('kubectl create namespace team');
    expect(c.run('kubectl apply -n team -f - --dry-run=client', SVC).stdout).toBe(
      'service/web created (dry run)\n',
    );
    expect(c.run('kubectl apply -n team -f - --dry-run=server', SVC).stdout).toBe(
      'service/web created (server dry run)\n',
    );
    expect(() => c.runtime.api.get('services', 'team', 'web')).toThrow();
    expect(c.run('kubectl apply -n team -f - -o name', SVC).stdout).toBe('service/web\n');
    expect(c.runtime.api.get('services', 'team', 'web').metadata.namespace).toBe('team');
  });

  it('warns when the live object lacks the annotation, then patches it in', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.run('kubectl create -f -', SVC);
    const r = c.run('kubectl apply -f -', SVC);
    expect(r.stderr).toMatch(
      /^Warning: resource services\/web is missing the kubectl.kubernetes.io\/last-applied-configuration annotation/,
    );
    expect(r.stdout).toBe('service/web configured\n');
    expect(live(c, 'services').metadata.annotations?.[LAST_APPLIED]).toBeDefined();
  });

  it('never pollutes Object.prototype through hostile keys', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const c = createCluster({ seed: 1, nodes: 1 });
    const hostile =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: evil\n__proto__: {polluted: yes}\ndata:\n  __proto__: x\n  constructor: y\n';
    c.run('kubectl apply -f -', hostile);
    c.run('kubectl apply -f -', hostile.replace('x\n', 'z\n'));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('apply helpers', () => {
  it('goJson sorts keys at every level like Go encoding/json', () => {
    expect(goJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
  it('withLastApplied never nests the old annotation', () => {
    const once = withLastApplied({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    const twice = withLastApplied(once);
    expect(twice.metadata.annotations?.[LAST_APPLIED]).toBe(once.metadata.annotations?.[LAST_APPLIED]);
  });
});
