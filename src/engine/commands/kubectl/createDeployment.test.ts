// kubectl create deployment|namespace|configmap|service, kubectl run and kubectl expose: generated objects and lines.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createCluster, type Cluster } from '../../index';
import { parseTcp } from './createDeployment';
import { buildRunPod, parseLabelList } from './run';

const cluster = (): Cluster => createCluster({ seed: 1, nodes: 1 });

describe('kubectl create generators', () => {
  it.each([
    {
      cmd: 'kubectl create deployment web --image=nginx --replicas=3 --port=80',
      stdout: 'deployment.apps/web created\n',
    },
    { cmd: 'kubectl create deploy web --image=nginx', stdout: 'deployment.apps/web created\n' },
    { cmd: 'kubectl create namespace team', stdout: 'namespace/team created\n' },
    { cmd: 'kubectl create ns team', stdout: 'namespace/team created\n' },
    {
      cmd: 'kubectl create configmap cfg --from-literal=a=1 --from-literal=b=x=y',
      stdout: 'configmap/cfg created\n',
    },
    { cmd: 'kubectl create service clusterip web --tcp=80:8080', stdout: 'service/web created\n' },
    { cmd: 'kubectl create svc nodeport web --tcp=80', stdout: 'service/web created\n' },
  ])('$cmd', ({ cmd, stdout }) => {
    expect(cluster().run(cmd)).toEqual({ code: 0, stdout, stderr: '' });
  });

  it('the deployment kubectl builds', () => {
    const c = cluster();
    c.run('kubectl create deployment web --image=registry.io/team/nginx:1.25 --replicas=3 --port=80');
    const d = c.runtime.api.get('deployments', 'default', 'web') as unknown as {
      metadata: { labels: Record<string, string> };
      spec: { replicas: number; selector: unknown; template: { spec: { containers: unknown[] } } };
    };
    expect(d.metadata.labels).toEqual({ app: 'web' });
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(d.spec.template.spec.containers[0]).toMatchObject({
      name: 'nginx',
      image: 'registry.io/team/nginx:1.25',
      ports: [{ containerPort: 80 }],
    });
  });

  it('the configmap keeps `=` in values', () => {
    const c = cluster();
    c.run('kubectl create cm cfg --from-literal=a=1 --from-literal=b=x=y');
    expect(c.runtime.api.get('configmaps', 'default', 'cfg').data).toEqual({ a: '1', b: 'x=y' });
  });

  it.each([
    { cmd: 'kubectl create deployment web', stderr: 'error: required flag(s) "image" not set\n' },
    {
      cmd: 'kubectl create cm c --from-literal=novalue',
      stderr: 'error: invalid literal source novalue, expected key=value\n',
    },
    {
      cmd: 'kubectl create service clusterip web',
      stderr: 'error: at least one tcp port specifier must be provided\n',
    },
  ])('$cmd', ({ cmd, stderr }) => {
    expect(cluster().run(cmd)).toEqual({ code: 1, stdout: '', stderr });
  });

  it('AlreadyExists is wrapped as kubectl create deployment does', () => {
    const c = cluster();
    c.run('kubectl create deployment web --image=nginx');
    expect(c.run('kubectl create deployment web --image=nginx').stderr).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
  });

  it('parseTcp names ports like kubectl', () => {
    expect(parseTcp(['80:8080', '443'])).toEqual([
      { name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 },
      { name: '443', port: 443, protocol: 'TCP', targetPort: 443 },
    ]);
    expect(() => parseTcp(['x:1'])).toThrow('invalid port: x:1');
  });
});

describe('kubectl run', () => {
  it('--dry-run=client -o yaml prints the Pod kubectl would create', () => {
    const r = cluster().run(
      'kubectl run web --image=nginx --port=80 --labels=app=web,tier=fe --restart=Never --dry-run=client -o yaml',
    );
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: null, labels: { app: 'web', tier: 'fe' }, name: 'web' },
      spec: {
        containers: [{ image: 'nginx', name: 'web', ports: [{ containerPort: 80 }], resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Never',
      },
      status: {},
    });
  });
  it('creates the pod', () => {
    const c = cluster();
    expect(c.run('kubectl run web --image=nginx')).toEqual({
      code: 0,
      stdout: 'pod/web created\n',
      stderr: '',
    });
    expect(c.runtime.api.get('pods', 'default', 'web').metadata.labels).toEqual({ run: 'web' });
  });
  it.each([
    { cmd: 'kubectl run --image=nginx', stderr: 'error: NAME is required for run\n' },
    { cmd: 'kubectl run web', stderr: 'error: required flag(s) "image" not set\n' },
    {
      cmd: 'kubectl run web --image=x --restart=Sometimes',
      stderr: 'error: invalid restart policy: Sometimes\n',
    },
  ])('$cmd', ({ cmd, stderr }) => {
    expect(cluster().run(cmd)).toEqual({ code: 1, stdout: '', stderr });
  });
  it('args after -- and --command', () => {
    const base = { image: 'busybox', restart: 'Always', env: ['A=1'], words: ['sleep', '10'] };
    const pod = buildRunPod('b', { ...base, command: true }) as unknown as {
      spec: { containers: Record<string, unknown>[] };
    };
    expect(pod.spec.containers[0]).toMatchObject({
      command: ['sleep', '10'],
      env: [{ name: 'A', value: '1' }],
    });
    expect(() => parseLabelList('a')).toThrow('invalid label spec: a');
  });
});

describe('kubectl expose', () => {
  it('creates a service selecting the deployment pods', () => {
    const c = cluster();
    c.run('kubectl create deployment web --image=nginx');
    expect(c.run('kubectl expose deployment web --port 80 --target-port 8080')).toEqual({
      code: 0,
      stdout: 'service/web exposed\n',
      stderr: '',
    });
    const svc = c.runtime.api.get('services', 'default', 'web') as unknown as {
      spec: { selector: unknown; ports: unknown[] };
    };
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080, protocol: 'TCP' });
  });
  it('takes the port from the containers, or says it cannot', () => {
    const c = cluster();
    c.run('kubectl run a --image=nginx --port=8080');
    c.run('kubectl run b --image=nginx');
    expect(c.run('kubectl expose pod a --name a-svc').stdout).toBe('service/a-svc exposed\n');
    expect(c.run('kubectl expose pod b').stderr).toBe(
      "error: couldn't find port via --port flag or introspection\n",
    );
  });
});
