// kubectl patch, scale, set image, replace and create -f: output lines and error texts.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { parsePatchText } from './patch';
import { parseImagePairs, setImages } from './setImage';

const DEP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: init, image: busybox}]
      containers: [{name: nginx, image: nginx:1.25}, {name: side, image: envoy}]
`;

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  expect(c.run('kubectl create -f -', DEP).stdout).toBe('deployment.apps/web created\n');
  return c;
}
const dep = (c: Cluster) =>
  c.runtime.api.get('deployments', 'default', 'web') as unknown as {
    spec: {
      replicas: number;
      template: { spec: { containers: { image: string }[]; initContainers: { image: string }[] } };
    };
  };

describe('kubectl patch', () => {
  it.each([
    {
      name: 'strategic',
      cmd: `kubectl patch deployment web -p '{"spec":{"replicas":5}}'`,
      stdout: 'deployment.apps/web patched\n',
      replicas: 5,
    },
    {
      name: 'merge, YAML text',
      cmd: `kubectl patch deploy/web --type merge -p 'spec: {replicas: 4}'`,
      stdout: 'deployment.apps/web patched\n',
      replicas: 4,
    },
    {
      name: 'json',
      cmd: `kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'`,
      stdout: 'deployment.apps/web patched\n',
      replicas: 3,
    },
    {
      name: 'no change',
      cmd: `kubectl patch deploy web -p '{"spec":{"replicas":2}}'`,
      stdout: 'deployment.apps/web patched (no change)\n',
      replicas: 2,
    },
    {
      name: 'dry run',
      cmd: `kubectl patch deploy web -p '{"spec":{"replicas":9}}' --dry-run=client`,
      stdout: 'deployment.apps/web patched (dry run)\n',
      replicas: 2,
    },
  ])('$name', ({ cmd, stdout, replicas }) => {
    const c = cluster();
    expect(c.run(cmd)).toEqual({ code: 0, stdout, stderr: '' });
    expect(dep(c).spec.replicas).toBe(replicas);
  });

  it.each([
    {
      cmd: `kubectl patch deploy web --type foo -p '{}'`,
      stderr: 'error: --type must be one of [json merge strategic], not "foo"\n',
    },
    {
      cmd: 'kubectl patch deploy web',
      stderr: 'error: must specify --patch or --patch-file containing the contents of the patch\n',
    },
    {
      cmd: `kubectl patch deploy nope -p '{"spec":{}}'`,
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    },
    {
      cmd: `kubectl patch deploy web -p '{"spec":{"replicas":-1}}'`,
      stderr:
        'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    },
  ])('$cmd', ({ cmd, stderr }) => {
    expect(cluster().run(cmd)).toEqual({ code: 1, stdout: '', stderr });
  });

  it('parsePatchText reads JSON and YAML 1.1 and rejects garbage', () => {
    expect(parsePatchText('{"a":1}')).toEqual({ a: 1 });
    expect(parsePatchText('a: 0644')).toEqual({ a: 420 });
    expect(() => parsePatchText('{a: [')).toThrow(/^unable to parse "\{a: \[": /);
  });
});

describe('kubectl scale', () => {
  it.each([
    {
      cmd: 'kubectl scale deployment web --replicas=3',
      code: 0,
      stdout: 'deployment.apps/web scaled\n',
      stderr: '',
      replicas: 3,
    },
    {
      cmd: 'kubectl scale --replicas=0 deploy/web',
      code: 0,
      stdout: 'deployment.apps/web scaled\n',
      stderr: '',
      replicas: 0,
    },
    {
      cmd: 'kubectl scale deploy web --replicas=4 --current-replicas=2',
      code: 0,
      stdout: 'deployment.apps/web scaled\n',
      stderr: '',
      replicas: 4,
    },
    {
      cmd: 'kubectl scale deploy web --replicas=4 --current-replicas=3',
      code: 1,
      stdout: '',
      stderr: 'error: Expected replicas to be 3, was 2\n',
      replicas: 2,
    },
    {
      cmd: 'kubectl scale deploy web',
      code: 1,
      stdout: '',
      stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
      replicas: 2,
    },
  ])('$cmd', ({ cmd, code, stdout, stderr, replicas }) => {
    const c = cluster();
    expect(c.run(cmd)).toEqual({ code, stdout, stderr });
    expect(dep(c).spec.replicas).toBe(replicas);
  });
});

describe('kubectl set image', () => {
  it('updates named containers and prints image updated', () => {
    const c = cluster();
    expect(c.run('kubectl set image deployment/web nginx=nginx:1.26')).toEqual({
      code: 0,
      stdout: 'deployment.apps/web image updated\n',
      stderr: '',
    });
    expect(dep(c).spec.template.spec.containers.map((x) => x.image)).toEqual(['nginx:1.26', 'envoy']);
  });
  it('`*` updates every container, init containers included', () => {
    const c = cluster();
    c.run('kubectl set image deploy web *=img:2');
    expect(dep(c).spec.template.spec.containers.map((x) => x.image)).toEqual(['img:2', 'img:2']);
    expect(dep(c).spec.template.spec.initContainers[0]?.image).toBe('img:2');
  });
  it('unknown container', () => {
    expect(cluster().run('kubectl set image deployment/web x=y')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: unable to find container named "x"\n',
    });
  });
  it('pure helpers', () => {
    expect(() => parseImagePairs(['nginx='])).toThrow('invalid image nginx=');
    const spec = { containers: [{ name: 'a', image: 'x' }] };
    expect(setImages(spec, new Map([['a', 'x']]))).toBe(false);
    expect(setImages(spec, new Map([['a', 'y']]))).toBe(true);
  });
});

describe('kubectl replace and create -f', () => {
  it('replace updates, --force deletes and recreates', () => {
    const c = cluster();
    expect(c.run('kubectl replace -f -', DEP.replace('replicas: 2', 'replicas: 6')).stdout).toBe(
      'deployment.apps/web replaced\n',
    );
    expect(dep(c).spec.replicas).toBe(6);
    const uid = c.runtime.api.get('deployments', 'default', 'web').metadata.uid;
    expect(c.run('kubectl replace --force -f -', DEP).stdout).toBe(
      'deployment.apps "web" deleted\ndeployment.apps/web replaced\n',
    );
    expect(c.runtime.api.get('deployments', 'default', 'web').metadata.uid).not.toBe(uid);
  });
  it('replace of a missing object', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(c.run('kubectl replace -f -', DEP).stderr).toBe(
      'Error from server (NotFound): error when replacing "STDIN": deployments.apps "web" not found\n',
    );
  });
  it('create of an existing object', () => {
    expect(cluster().run('kubectl create -f -', DEP)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "STDIN": deployments.apps "web" already exists\n',
    });
  });
  it('create without -f', () => {
    expect(cluster().run('kubectl create').stderr).toBe('error: must specify one of -f and -k\n');
  });
});
