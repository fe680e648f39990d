// kubectl set resources: requests and limits merged into the selected containers, and the lines kubectl prints.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { parseResourceList } from './setResources';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: nginx, image: nginx, resources: {requests: {memory: 64Mi}}}
      - {name: sidecar, image: busybox}
`;

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.run('kubectl apply -f -', DEPLOY);
  return c;
}
const resources = (c: Cluster) =>
  (
    c.runtime.api.get('deployments.apps', 'default', 'web').spec as {
      template: { spec: { containers: { resources?: unknown }[] } };
    }
  ).template.spec.containers.map((x) => x.resources);

describe('kubectl set resources', () => {
  it.each([
    {
      name: 'limits on one container; a request it had is kept',
      cmd: 'kubectl set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi',
      stdout: 'deployment.apps/web resource requirements updated\n',
      stderr: '',
      after: [{ requests: { memory: '64Mi' }, limits: { cpu: '200m', memory: '512Mi' } }, undefined],
    },
    {
      name: 'every container by default, quantities in canonical form',
      cmd: 'kubectl set resources deploy/web --requests=cpu=0.1,memory=1024Mi',
      stdout: 'deployment.apps/web resource requirements updated\n',
      stderr: '',
      after: [{ requests: { cpu: '100m', memory: '1Gi' } }, { requests: { cpu: '100m', memory: '1Gi' } }],
    },
    {
      name: 'a request of another resource joins the ones the container has',
      cmd: 'kubectl set resources deployment web -c nginx --requests=cpu=50m',
      stdout: 'deployment.apps/web resource requirements updated\n',
      stderr: '',
      after: [{ requests: { cpu: '50m', memory: '64Mi' } }, undefined],
    },
    {
      name: 'no change: no line',
      cmd: 'kubectl set resources deployment web -c nginx --requests=memory=64Mi',
      stdout: '',
      stderr: '',
      after: [{ requests: { memory: '64Mi' } }, undefined],
    },
    {
      name: 'a wildcard selects by name',
      cmd: 'kubectl set resources deployment web -c side* --limits=memory=32Mi',
      stdout: 'deployment.apps/web resource requirements updated\n',
      stderr: '',
      after: [{ requests: { memory: '64Mi' } }, { limits: { memory: '32Mi' } }],
    },
    {
      name: 'no container matches',
      cmd: 'kubectl set resources deployment web -c db --limits=cpu=1',
      stdout: '',
      stderr: 'error: unable to find container named db\n',
      after: [{ requests: { memory: '64Mi' } }, undefined],
    },
    {
      name: 'nothing to set',
      cmd: 'kubectl set resources deployment web',
      stdout: '',
      stderr:
        'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n',
      after: [{ requests: { memory: '64Mi' } }, undefined],
    },
    {
      name: 'dry run changes nothing',
      cmd: 'kubectl set resources deployment web --limits=cpu=1 --dry-run=client',
      stdout: 'deployment.apps/web resource requirements updated (dry run)\n',
      stderr: '',
      after: [{ requests: { memory: '64Mi' } }, undefined],
    },
  ])('$name', ({ cmd, stdout, stderr, after }) => {
    const c = cluster();
    const r = c.run(cmd);
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({
      stdout,
      stderr,
      code: stderr ? 1 : 0,
    });
    expect(resources(c)).toEqual(after);
  });

  it.each([
    { spec: 'cpu=100m,memory=256Mi', out: { cpu: '100m', memory: '256Mi' } },
    { spec: 'cpu=0.5', out: { cpu: '500m' } },
    { spec: 'cpu=0,memory=0', out: { cpu: '0', memory: '0' } },
    { spec: '', out: undefined },
  ])('parseResourceList($spec)', ({ spec, out }) => {
    expect(parseResourceList(spec)).toEqual(out);
  });

  it.each([
    { spec: 'cpu', message: 'invalid argument syntax cpu, expected <resource>=<value>' },
    { spec: 'cpu=1=2', message: 'invalid argument syntax cpu=1=2, expected <resource>=<value>' },
    {
      spec: 'cpu=lots',
      message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    },
  ])('rejects $spec', ({ spec, message }) => {
    expect(() => parseResourceList(spec)).toThrow(message);
  });

  it('--local changes the objects of -f and prints them, without the API server', () => {
    const c = cluster();
    const before = c.runtime.store.revision;
    const r = c.run('kubectl set resources -f - --local --limits=cpu=1 -c nginx -o yaml', DEPLOY);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('resources:\n          limits:\n            cpu: "1"\n          requests:');
    expect(c.runtime.store.revision).toBe(before);
    expect(c.run('kubectl set image -f - --local nginx=nginx:2', DEPLOY).stdout).toBe(
      'deployment.apps/web image updated\n',
    );
    expect(c.runtime.store.revision).toBe(before);
  });

  it.each([
    {
      cmd: 'kubectl set resources deployment web --local --limits=cpu=1',
      stderr:
        "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
    },
    {
      cmd: 'kubectl set env -f - --local --dry-run=server A=1',
      stderr: 'error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n',
    },
  ])('$cmd fails', ({ cmd, stderr }) => {
    const r = cluster().run(cmd, DEPLOY);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr });
  });

  it('rolls the Deployment out with the new resources', () => {
    const c = cluster();
    c.run('sim settle --timeout 5m');
    c.run('kubectl set resources deployment web -c nginx --limits=cpu=250m');
    c.run('sim settle --timeout 5m');
    expect(c.run('kubectl rollout history deployment/web').stdout).toMatch(/\n2\s+<none>/);
    const pods = c.runtime.api.list('pods', 'default').items;
    expect(pods).toHaveLength(1);
    expect(pods[0]?.spec).toMatchObject({ containers: [{ resources: { limits: { cpu: '250m' } } }, {}] });
  });
});
