// --help / -h for every command, and the help of command groups, as kubectl's cobra templates lay them out.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { kubectlCommands } from './kubectl/index';
import { simCommands } from './sim/index';

const cluster = createCluster({ seed: 1, nodes: 1, controlPlane: false });

describe('command help', () => {
  it.each([
    ...kubectlCommands.map((c) => ['kubectl', ...c.path].join(' ')),
    ...simCommands.map((c) => ['sim', ...c.path].join(' ')),
  ])('%s --help prints its usage', (command) => {
    for (const flag of ['--help', '-h']) {
      const r = cluster.run(`${command} ${flag}`);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout).toContain(`Usage:\n  ${command} [options]\n`);
    }
  });

  it('lists a command’s options sorted, with defaults and descriptions, leaving out the global --namespace', () => {
    const r = cluster.run('kubectl set env deployment/web --help');
    expect(
      r.stdout.startsWith('Update environment variables on a pod template.\n\nOptions:\n    --all=false:\n'),
    ).toBe(true);
    expect(r.stdout).toContain(
      "    -c, --containers='*':\n\tThe names of containers in the selected pod templates to change - may use wildcards\n\n",
    );
    expect(r.stdout).toContain('    --overwrite=true:\n');
    expect(r.stdout).toContain('    -e, --env=[]:\n');
    expect(r.stdout).not.toContain('--namespace');
    expect(
      r.stdout.endsWith(
        'Usage:\n  kubectl set env [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
      ),
    ).toBe(true);
  });

  it('takes kubectl’s own description for a flag kubesim’s spec leaves undescribed', () => {
    expect(cluster.run('kubectl patch --help').stdout).toContain(
      "    --type='strategic':\n\tThe type of patch being provided; one of [json merge strategic]\n",
    );
    expect(cluster.run('kubectl create deployment --help').stdout).toContain(
      '    --save-config=false:\n\tIf true, the configuration of current object will be saved in its annotation.',
    );
  });

  it('prints a group’s subcommands: on stdout for --help, on stderr with exit 1 when bare', () => {
    const help = cluster.run('kubectl set --help');
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(
      [
        'Configure application resources.',
        '',
        ' These commands help you make changes to existing application resources.',
        '',
        'Available Commands:',
        '  env              Update environment variables on a pod template',
        '  image            Update the image of a pod template',
        '  resources        Update resource requests/limits on objects with pod templates',
        '  selector         Set the selector on a resource',
        '  serviceaccount   Update the service account of a resource',
        '',
        'Usage:',
        '  kubectl set SUBCOMMAND [options]',
        '',
        'Use "kubectl set <command> --help" for more information about a given command.',
        'Use "kubectl options" for a list of global command-line options (applies to all commands).',
        '',
      ].join('\n'),
    );
    const bare = cluster.run('kubectl set');
    expect({ code: bare.code, stdout: bare.stdout, stderr: bare.stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: help.stdout,
    });
    expect(cluster.run('kubectl rollout -h').stdout).toContain(
      'Available Commands:\n  history   View rollout history\n',
    );
  });

  it('serves the `kubectl options` every help points to', () => {
    expect(cluster.run('kubectl help').stdout).toContain(
      'Use "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
    const r = cluster.run('kubectl options');
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 0,
      stdout:
        "The following options can be passed to any command:\n\n    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n\n" +
        "    --request-timeout='0':\n\tThe length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.\n\n",
      stderr: '',
    });
  });

  it('takes the global --request-timeout on every kubectl command, before or after the verb', () => {
    expect(cluster.run('kubectl --request-timeout 5s get nodes').code).toBe(0);
    expect(cluster.run('kubectl version --request-timeout=1m').code).toBe(0);
    expect(cluster.run('kubectl get nodes --help').stdout).not.toContain('--request-timeout');
    expect(cluster.run('kubectl delete pod x --request-timeout=later')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
    });
  });

  it('answers an unknown subcommand of a group as DefaultSubCommandRun does', () => {
    const r = cluster.run('kubectl rollout nope deploy/web');
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 1,
      stderr: 'error: unknown command "nope deploy/web"\nSee \'kubectl rollout -h\' for help and examples\n',
    });
  });

  it('leaves a -h after -- to the command it runs', () => {
    expect(cluster.run('kubectl exec web -- ls -h').stderr).toBe(
      'Error from server (NotFound): pods "web" not found\n',
    );
  });
});
