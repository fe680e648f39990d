// `kubectl rollout history`: the change-cause in --revision output (polymorphichelpers/history.go ViewHistory) and
// -o (cmd/rollout/rollout_history.go Run with PrintFlags, HistoryViewer.GetHistory).
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { parse } from 'yaml';
import { createCluster } from '../../index';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { deploymentHistory } from './rolloutHistoryData';
import {
  CAUSE,
  daemonSetWithHistory,
  deployment,
  rsTemplate,
  template,
  withHistory,
} from './rolloutTestFixtures';

/** the `  Annotations:` lines of a printed pod template ('' when it prints none) */
const annotationLines = (out: string) => /^ {2}Annotations:.*\n(?:\t.*\n)*/m.exec(out)?.[0] ?? '';

describe('kubectl rollout history --revision: the change-cause (DeploymentHistoryViewer.ViewHistory)', () => {
  it.each([
    {
      name: "the RS's change-cause is copied into the printed template",
      revision: 3,
      want: `  Annotations:\t${CAUSE}: image bump\n`,
    },
    {
      name: "no change-cause on the RS: the template's own annotation stays",
      revision: 2,
      want: `  Annotations:\t${CAUSE}: from the template\n`,
    },
    {
      name: "merged with the template's annotations, sorted",
      revision: 1,
      want: `  Annotations:\texample.com/note: x\n\t${CAUSE}: create\n`,
    },
  ])('$name', ({ revision, want }) => {
    const out = withHistory().run(`kubectl rollout history deployment/web --revision=${revision}`).stdout;
    expect(annotationLines(out)).toBe(want);
  });

  it("the table reads the change-cause from the template, so a template's own one shows", () => {
    expect(withHistory().run('kubectl rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         create\n2         from the template\n3         image bump\n\n',
    );
  });

  it('a rollout restart after annotating the Deployment (the reported case)', () => {
    const c = createCluster();
    c.run('kubectl create deployment web --image=nginx');
    c.run('sim settle');
    c.run('kubectl rollout restart deploy/web');
    c.run('sim settle');
    c.run(`kubectl annotate deploy web ${CAUSE}=restart-test`);
    c.run('kubectl rollout restart deploy/web');
    c.run('sim settle');
    const out = c.run('kubectl rollout history deploy/web --revision=3').stdout;
    expect(out).toMatch(
      /^ {2}Annotations:\tkubectl\.kubernetes\.io\/restartedAt: \S+\n\tkubernetes\.io\/change-cause: restart-test\n/m,
    );
  });

  it('a later ReplicaSet (creation order, then name) wins a duplicated revision', () => {
    const rs = (name: string, created: string, image: string): ReplicaSet => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        uid: name,
        creationTimestamp: created,
        annotations: { 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd', controller: true },
        ],
      },
      spec: { selector: {}, template: template(image) },
    });
    // listed in name order, created the other way round: kubectl's map keeps the one created last
    const items = [
      rs('web-a', '2025-01-01T00:00:10Z', 'nginx:a'),
      rs('web-b', '2025-01-01T00:00:05Z', 'nginx:b'),
    ];
    const rt = { api: { list: () => ({ items }) } } as unknown as ClusterRuntime;
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', uid: 'd' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: template('nginx:new') },
    } as Deployment & KubeObject;
    expect(deploymentHistory(rt, d).get(1)?.source.metadata.name).toBe('web-a');
  });
});

describe('kubectl rollout history of a DaemonSet: ControllerRevision change-causes stay out of the template', () => {
  it('shows the change-cause in the table, not in --revision (printHistory)', () => {
    const c = daemonSetWithHistory();
    expect(c.run('kubectl rollout history ds/agent').stdout).toBe(
      'daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         first\n2         <none>\n\n',
    );
    const out = c.run('kubectl rollout history ds/agent --revision=1').stdout;
    expect(out).toContain('    Image:\tbusybox:1.35\n');
    expect(out).not.toContain('Annotations:');
  });
});

describe('kubectl rollout history -o (GetHistory + PrintFlags)', () => {
  it.each([
    {
      name: '-o name: every revision, ascending',
      cmd: '-o name',
      want: 'replicaset.apps/web-h1\nreplicaset.apps/web-h2\nreplicaset.apps/web-h3\n',
    },
    { name: '-o name --revision: that one', cmd: '-o name --revision=2', want: 'replicaset.apps/web-h2\n' },
    {
      name: 'an empty -o is still "specified": the name printer without an operation',
      cmd: "-o ''",
      want: 'replicaset.apps/web-h1\nreplicaset.apps/web-h2\nreplicaset.apps/web-h3\n',
    },
    {
      name: '-o NAME (formats are case-insensitive)',
      cmd: '-o NAME --revision=1',
      want: 'replicaset.apps/web-h1\n',
    },
    {
      name: '-o jsonpath',
      cmd: "--revision=2 -o 'jsonpath={.spec.template.spec.containers[0].image}'",
      want: 'nginx:1.26',
    },
  ])('$name', ({ cmd, want }) => {
    expect(withHistory().run(`kubectl rollout history deployment/web ${cmd}`)).toEqual({
      code: 0,
      stdout: want,
      stderr: '',
    });
  });

  it('-o yaml prints each ReplicaSet as stored (no change-cause copied in), separated by ---', () => {
    const c = withHistory();
    const out = c.run('kubectl rollout history deployment/web -o yaml').stdout;
    const docs = out.split(/^---\n/m).map((d) => parse(d) as ReplicaSet & KubeObject);
    expect(docs.map((d) => [d.kind, d.apiVersion, d.metadata.name])).toEqual([
      ['ReplicaSet', 'apps/v1', 'web-h1'],
      ['ReplicaSet', 'apps/v1', 'web-h2'],
      ['ReplicaSet', 'apps/v1', 'web-h3'],
    ]);
    expect(docs[2]?.spec?.template).toEqual(rsTemplate(c, 3));
    expect(docs[2]?.spec?.template?.metadata?.annotations).toBeUndefined();
  });

  it('-o json --revision prints that ReplicaSet alone', () => {
    const c = withHistory();
    const out = c.run('kubectl rollout history deployment/web -o json --revision=3').stdout;
    expect(JSON.parse(out)).toEqual(c.runtime.api.get('replicasets', 'default', 'web-h3'));
    expect(out.startsWith('{\n    "apiVersion": "apps/v1",\n')).toBe(true);
  });

  it('a DaemonSet revision is the DaemonSet with that template', () => {
    const c = daemonSetWithHistory();
    const ds = parse(c.run('kubectl rollout history ds/agent -o yaml --revision=1').stdout) as DaemonSet;
    expect([ds.kind, ds.metadata?.name, ds.spec?.template.spec?.containers[0]?.image]).toEqual([
      'DaemonSet',
      'agent',
      'busybox:1.35',
    ]);
    expect(c.run('kubectl rollout history ds/agent -o name').stdout).toBe(
      'daemonset.apps/agent\ndaemonset.apps/agent\n',
    );
  });

  it.each([
    {
      name: 'a format no printer takes',
      cmd: 'deployment/web -o wide',
      stderr:
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    },
    {
      name: 'the printer is built before a missing object is met',
      cmd: 'deployment/nope -o custom-columns=N:.metadata.name',
      stderr:
        'error: unable to match a printer suitable for the output format "custom-columns=N:.metadata.name", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    },
    {
      name: 'an unknown revision',
      cmd: 'deployment/web -o name --revision=9',
      stderr: 'error: unable to find the specified revision\n',
    },
  ])('errors: $name', ({ cmd, stderr }) => {
    const r = withHistory().run(`kubectl rollout history ${cmd}`);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', stderr]);
  });

  it('no history prints nothing', () => {
    const c = createCluster();
    deployment(c, 'nginx');
    expect(c.run('kubectl rollout history deployment/web -o name')).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });
});
