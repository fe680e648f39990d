// `kubectl rollout undo --dry-run=client|server` and -o (polymorphichelpers/rollback.go, cmd/rollout/rollout_undo.go).
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Deployment } from 'kubernetes-types/apps/v1';
import { parse } from 'yaml';
import type { Cluster } from '../../index';
import type { KubeObject } from '../../types/object';
import { describePodTemplate } from './rolloutPodTemplate';
import { daemonSetWithHistory, image, rsTemplate, withHistory } from './rolloutTestFixtures';

describe('kubectl rollout undo --dry-run (rollback.go)', () => {
  const rev2 = (c: Cluster) => describePodTemplate(rsTemplate(c, 2));

  it.each([
    {
      name: 'client: the target ReplicaSet template as stored (hash label kept), nothing sent',
      setup: {},
      cmd: '--dry-run=client',
      want: (c: Cluster) => `deployment.apps/web ${rev2(c)} (dry run)\n`,
    },
    {
      name: 'client prints before the paused check',
      setup: { paused: true },
      cmd: '--dry-run=client',
      want: (c: Cluster) => `deployment.apps/web ${rev2(c)} (dry run)\n`,
    },
    {
      name: 'client prints before the already-matches check',
      setup: {},
      cmd: '--dry-run=client --to-revision=3',
      want: (c: Cluster) => `deployment.apps/web ${describePodTemplate(rsTemplate(c, 3))} (dry run)\n`,
    },
    {
      name: 'server: the request is sent with DryRun=All',
      setup: {},
      cmd: '--dry-run=server',
      want: () => 'deployment.apps/web rolled back (server dry run)\n',
    },
    {
      name: 'server: the skip message gets the note too',
      setup: {},
      cmd: '--dry-run=server --to-revision=3',
      want: () =>
        'deployment.apps/web skipped rollback (current template already matches revision 3) (server dry run)\n',
    },
    {
      name: 'none: rolls back for real',
      setup: {},
      cmd: '--dry-run=none',
      want: () => 'deployment.apps/web rolled back\n',
      image: 'nginx:1.26',
    },
  ])('$name', ({ setup, cmd, want, image: after }) => {
    const c = withHistory(setup);
    const r = c.run(`kubectl rollout undo deployment/web ${cmd}`);
    expect(r).toEqual({ code: 0, stdout: want(c), stderr: '' });
    expect(image(c)).toBe(after ?? 'nginx:1.27');
  });

  it.each([
    {
      name: 'server dry run of a paused Deployment is refused',
      setup: { paused: true },
      cmd: '--dry-run=server',
      stderr:
        "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    },
    {
      name: 'a bad value',
      setup: {},
      cmd: '--dry-run=maybe',
      stderr: 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    },
  ])('errors: $name', ({ setup, cmd, stderr }) => {
    const c = withHistory(setup);
    const r = c.run(`kubectl rollout undo deployment/web ${cmd}`);
    expect([r.code, r.stderr]).toEqual([1, stderr]);
    expect(image(c)).toBe('nginx:1.27');
  });

  it.each(['DaemonSet', 'StatefulSet'] as const)(
    '%s: client prints "will roll back to" the template; server sends nothing',
    (kind) => {
      const c = daemonSetWithHistory(kind);
      const type = kind.toLowerCase();
      const client = c.run(`kubectl rollout undo ${type}/agent --dry-run=client`);
      expect(client.stdout).toMatch(new RegExp(`^${type}\\.apps/agent will roll back to Pod Template:\n`));
      expect(client.stdout).toContain('    Image:\tbusybox:1.35\n');
      expect(client.stdout.endsWith('  Tolerations:\t<none>\n (dry run)\n')).toBe(true);
      expect(c.run(`kubectl rollout undo ${type}/agent --dry-run=server`).stdout).toBe(
        `${type}.apps/agent rolled back (server dry run)\n`,
      );
      expect(c.run(`kubectl rollout undo ${type}/agent --dry-run=server --to-revision=2`).stdout).toBe(
        `${type}.apps/agent skipped rollback (current template already matches revision 2) (server dry run)\n`,
      );
      const obj = c.runtime.api.get(`${type}s`, 'default', 'agent') as DaemonSet & KubeObject;
      expect(obj.spec?.template.spec?.containers[0]?.image).toBe('busybox:1.36');
    },
  );
});

describe('kubectl rollout undo -o (PrintFlags)', () => {
  it('-o name prints kind/name only; the rollback still happens', () => {
    const c = withHistory();
    expect(c.run('kubectl rollout undo deployment/web -o name')).toEqual({
      code: 0,
      stdout: 'deployment.apps/web\n',
      stderr: '',
    });
    expect(image(c)).toBe('nginx:1.26');
  });

  it('-o yaml prints the object as read before the rollback', () => {
    const c = withHistory();
    const out = parse(c.run('kubectl rollout undo deployment/web -o yaml').stdout) as Deployment;
    expect(out.spec?.template?.spec?.containers[0]?.image).toBe('nginx:1.27');
    expect(image(c)).toBe('nginx:1.26');
  });

  it('an unknown format errors after the rollback, as kubectl builds the printer afterwards', () => {
    const c = withHistory();
    const r = c.run('kubectl rollout undo deployment/web -o wide');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unable to match a printer suitable for the output format "wide"');
    expect(image(c)).toBe('nginx:1.26');
  });
});
