// kubectl set env: argument parsing, updateEnv's order, --from, --list, --overwrite and the lines kubectl prints.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { parseEnv, splitEnvironmentFromResources, updateEnv } from './setEnv';

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
      - name: nginx
        image: nginx
        env: [{name: A, value: "1"}, {name: B, value: "2"}]
      - {name: sidecar, image: busybox}
`;

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.run('kubectl apply -f -', DEPLOY);
  c.run('kubectl create configmap cfg --from-literal=log.level=debug --from-literal=MODE=fast');
  return c;
}
const envs = (c: Cluster) =>
  (
    c.runtime.api.get('deployments.apps', 'default', 'web').spec as {
      template: { spec: { containers: { env?: unknown }[] } };
    }
  ).template.spec.containers.map((x) => x.env);

describe('kubectl set env', () => {
  it.each([
    {
      name: 'set and replace in place, append new ones, in every container',
      cmd: 'kubectl set env deployment/web B=20 C=3',
      stdout: 'deployment.apps/web env updated\n',
      stderr: '',
      after: [
        [
          { name: 'A', value: '1' },
          { name: 'B', value: '20' },
          { name: 'C', value: '3' },
        ],
        [
          { name: 'B', value: '20' },
          { name: 'C', value: '3' },
        ],
      ],
    },
    {
      name: 'remove with KEY-, one container with -c',
      cmd: 'kubectl set env deployment web -c nginx A-',
      stdout: 'deployment.apps/web env updated\n',
      stderr: '',
      after: [[{ name: 'B', value: '2' }], undefined],
    },
    {
      name: 'an empty value is left out, as Go omits it',
      cmd: 'kubectl set env deployment/web -c nginx -e EMPTY=',
      stdout: 'deployment.apps/web env updated\n',
      stderr: '',
      after: [[{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'EMPTY' }], undefined],
    },
    {
      name: 'from a ConfigMap, names upper-cased with a warning, prefixed',
      cmd: 'kubectl set env deployment/web -c nginx --from=configmap/cfg --prefix=APP_',
      stdout: 'deployment.apps/web env updated\n',
      stderr: 'Warning: key log.level transferred to LOG_LEVEL\n',
      after: [
        [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
          { name: 'APP_MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } },
          { name: 'APP_LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'log.level' } } },
        ],
        undefined,
      ],
    },
    {
      name: '--keys picks keys of --from',
      cmd: 'kubectl set env deployment/web -c nginx --from=configmap/cfg --keys=MODE',
      stdout: 'deployment.apps/web env updated\n',
      stderr: '',
      after: [
        [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
          { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } },
        ],
        undefined,
      ],
    },
    {
      name: 'the same value is no change: no line',
      cmd: 'kubectl set env deployment/web -c nginx A=1',
      stdout: '',
      stderr: '',
      after: [
        [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        undefined,
      ],
    },
    {
      name: '--overwrite=false refuses another value',
      cmd: 'kubectl set env deployment/web A=9 --overwrite=false',
      stdout: '',
      stderr: "error: deployments.apps/web 'A' already has a value (1), and --overwrite is false\n",
      after: [
        [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        undefined,
      ],
    },
    {
      name: 'no container matches: a warning only',
      cmd: 'kubectl set env deployment/web -c db X=1',
      stdout: '',
      stderr: 'Warning: Deployment/web does not have any containers matching "db"\n',
      after: [
        [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        undefined,
      ],
    },
  ])('$name', ({ cmd, stdout, stderr, after }) => {
    const c = cluster();
    const r = c.run(cmd);
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({
      stdout,
      stderr,
      code: stderr.startsWith('error') ? 1 : 0,
    });
    expect(envs(c)).toEqual(after);
  });

  it('--list prints the environment with the changes, and writes nothing', () => {
    const c = cluster();
    c.run('kubectl set env deployment/web -c nginx --from=configmap/cfg --keys=MODE');
    const r = c.run('kubectl set env deployment/web --list C=3');
    expect(r.stdout).toBe(
      [
        '# Deployment web, container nginx',
        'A=1',
        'B=2',
        '# MODE from configmap cfg, key MODE',
        'C=3',
        '# Deployment web, container sidecar',
        'C=3',
        '',
      ].join('\n'),
    );
    expect(envs(c)[1]).toBeUndefined();
  });

  it.each([
    {
      cmd: 'kubectl set env deployment/web X=1 deployment/other',
      stderr:
        'error: all resources must be specified before environment changes: deployment/web X=1 deployment/other\n',
    },
    {
      cmd: 'kubectl set env X=1',
      stderr: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    },
    {
      cmd: 'kubectl set env deployment/web --keys=MODE',
      stderr: 'error: when specifying --keys, a configmap or secret must be provided with --from\n',
    },
    {
      cmd: 'kubectl set env deployment/web --list -o yaml',
      stderr: 'error: --list and --output may not be specified together\n',
    },
    {
      cmd: 'kubectl set env deployment/web A=1 A-',
      stderr: 'error: can not both modify and remove the same environment variable in the same command\n',
    },
    {
      cmd: 'kubectl set env deployment/web --from=deployment/web',
      stderr: 'error: unsupported resource specified in --from\n',
    },
    {
      cmd: 'kubectl set nope deployment/web',
      stderr: 'error: unknown command "nope deployment/web"\nSee \'kubectl set -h\' for help and examples\n',
    },
  ])('$cmd fails', ({ cmd, stderr }) => {
    const r = cluster().run(cmd);
    expect({ stderr: r.stderr, code: r.code }).toEqual({ stderr, code: 1 });
  });

  it('checks names as validation.IsEnvVarName does', () => {
    expect(() => parseEnv(['1BAD=x'], undefined)).toThrow(
      `"1BAD" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnv1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
    );
    expect(() => parseEnv(['..X=1'], undefined)).toThrow(
      `"..X" is not a valid key name: must not start with '..'`,
    );
    expect(() => parseEnv(['-'], undefined)).toThrow("when '-' is used, STDIN must be open");
    expect(parseEnv(['-'], 'A=1\n# comment\nB=x=y # tail\nnot-a-pair\n')).toEqual({
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: 'x=y ' },
      ],
      remove: [],
    });
  });

  it.each([
    { args: ['deploy/web', 'A=1', 'B-'], out: { resources: ['deploy/web'], envArgs: ['A=1', 'B-'] } },
    { args: ['deploy', 'web', 'A=1'], out: { resources: ['deploy', 'web'], envArgs: ['A=1'] } },
    { args: ['deploy/web', 'A=1', 'deploy/x'], out: undefined },
  ])('splits $args', ({ args, out }) => {
    expect(splitEnvironmentFromResources(args)).toEqual(out);
  });

  it('updateEnv replaces in place, drops removed names and appends the rest once', () => {
    expect(
      updateEnv(
        [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
          { name: 'C', value: '3' },
        ],
        [
          { name: 'C', value: '30' },
          { name: 'D', value: '4' },
          { name: 'D', value: '5' },
        ],
        ['A'],
      ),
    ).toEqual([
      { name: 'B', value: '2' },
      { name: 'C', value: '30' },
      { name: 'D', value: '4' },
    ]);
  });
});
