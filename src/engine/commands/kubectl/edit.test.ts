// `kubectl edit` as kubesim runs it without $EDITOR: opening gives the file kubectl would open; running the command
// again with the saved file as stdin saves it with editoptions.go's rules and messages.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.run('sim settle');
  c.run('kubectl create deployment web --image=nginx --replicas=2');
  c.run('sim settle');
  return c;
}

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

function open(c: Cluster, target = 'deployment/web'): string {
  const r = c.run(`kubectl edit ${target}`);
  expect(r.code).toBe(0);
  expect(r.editor).toBe(r.stdout);
  return r.editor ?? '';
}

describe('kubectl edit', () => {
  it("opens the object as YAML under kubectl's header, and saves a changed file as a patch", () => {
    const c = cluster();
    const file = open(c);
    expect(file.startsWith(`${HEADER}apiVersion: apps/v1\nkind: Deployment\n`)).toBe(true);
    expect(c.run('kubectl edit deployment/web', file.replace('  replicas: 2\n', '  replicas: 4\n'))).toEqual({
      code: 0,
      stdout: 'deployment.apps/web edited\n',
      stderr: '',
    });
    expect(c.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('4');
  });

  it("cancels an unchanged or emptied file with kubectl's words", () => {
    const c = cluster();
    const file = open(c);
    // comments are ignored when comparing
    expect(c.run('kubectl edit deployment/web', `# a note\n${file}`)).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Edit cancelled, no changes made.\n',
    });
    open(c);
    expect(c.run('kubectl edit deployment/web', '# nothing left\n\n')).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Edit cancelled, saved file was empty.\n',
    });
  });

  it('patches from the object as opened, so a change made meanwhile is kept (a two-way patch)', () => {
    const c = cluster();
    const file = open(c);
    c.run('kubectl scale deployment web --replicas=5');
    expect(
      c.run('kubectl edit deployment/web', file.replace('image: nginx\n', 'image: nginx:1.27\n')).stdout,
    ).toBe('deployment.apps/web edited\n');
    expect(
      c.run('kubectl get deploy web -o jsonpath={.spec.replicas}/{.spec.template.spec.containers[0].image}')
        .stdout,
    ).toBe('5/nginx:1.27');
  });

  it("reopens the file with the server's reasons on top when the object is invalid", () => {
    const c = cluster();
    const file = open(c);
    const bad = file.replace('  replicas: 2\n', '  replicas: -1\n');
    const r = c.run('kubectl edit deployment/web', bad);
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith('error: deployments.apps "web" is invalid\n')).toBe(true);
    expect(r.editor).toBe(
      `${HEADER}# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n${bad.slice(HEADER.length)}`,
    );
    // fixing it in the reopened file saves
    expect(
      c.run('kubectl edit deployment/web', (r.editor ?? '').replace('replicas: -1', 'replicas: 1')).stdout,
    ).toBe('deployment.apps/web edited\n');
  });

  it('reopens on a syntax error, and refuses a changed name', () => {
    const c = cluster();
    open(c);
    const r = c.run('kubectl edit deployment/web', 'spec: [\n');
    expect(r.code).toBe(1);
    expect(r.editor).toMatch(
      /^# Please edit[\s\S]*#\n# The edited file had a syntax error: error converting YAML to JSON: yaml: line \d+/,
    );
    const file = open(c);
    const renamed = c.run('kubectl edit deployment/web', file.replace('  name: web\n', '  name: other\n'));
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toMatch(
      /^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: At least one of apiVersion, kind and name was changed\n$/,
    );
  });

  it('fails as kubectl does without a resource, or for a missing one', () => {
    const c = cluster();
    expect(c.run('kubectl edit deployment nope')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    });
    expect(c.run('kubectl edit').stderr).toMatch(/^error: You must provide one or more resources/);
  });
});
