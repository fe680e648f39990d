// Which ReplicaSets `kubectl describe deployment` lists as OldReplicaSets / NewReplicaSet, and in what order
// (describe.go DeploymentDescriber.Describe -> kubectl/pkg/util/deployment GetAllReplicaSetsInChunks).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../types/object';
import { createCluster } from '../../../index';
import { describeDeployment } from './workloads';
import { webReplicaSet } from './testFixtures';

const deployment = (image: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'd1',
    creationTimestamp: '2025-01-01T00:00:00Z',
    // the revision annotation does not decide which ReplicaSet is new
    annotations: { 'deployment.kubernetes.io/revision': '1' },
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image }] },
    },
  },
});

/** a ReplicaSet of `web` created `created` seconds into 2025 */
const rs = (name: string, image: string, created: string, rev = '1', replicas = 0): KubeObject =>
  webReplicaSet(name, image, `2025-01-01T00:00:${created}Z`, rev, replicas);

/** the two lines, with the tabwriter padding after the title collapsed to one space */
const rsLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => /^(Old|New)ReplicaSets?:/.test(l))
    .map((l) => l.replace(/:\s+/, ': '));
const lines = (image: string, replicaSets: KubeObject[]) =>
  rsLines(describeDeployment(deployment(image), { nowMs: 0, events: undefined, replicaSets }));

describe('describe deployment: OldReplicaSets / NewReplicaSet', () => {
  it.each([
    {
      name: 'paused rollout: the template changed, no RS has it yet, though the revisions match',
      image: 'nginx:2',
      rss: [rs('web-a', 'nginx', '00', '1', 2)],
      want: ['OldReplicaSets: web-a (2/2 replicas created)', 'NewReplicaSet: <none>'],
    },
    {
      name: 'the new RS is the one whose template matches, whatever its revision annotation says',
      image: 'nginx:2',
      rss: [rs('web-a', 'nginx', '00', '1', 0), rs('web-b', 'nginx:2', '10', '7', 2)],
      want: ['OldReplicaSets: web-a (0/0 replicas created)', 'NewReplicaSet: web-b (2/2 replicas created)'],
    },
    {
      name: 'old ones in creation order, not name order',
      image: 'nginx:4',
      rss: [
        rs('web-c', 'nginx', '00'),
        rs('web-a', 'nginx:3', '20'),
        rs('web-d', 'nginx:4', '30', '4', 2),
        rs('web-b', 'nginx:2', '10'),
      ],
      want: [
        'OldReplicaSets: web-c (0/0 replicas created), web-b (0/0 replicas created), web-a (0/0 replicas created)',
        'NewReplicaSet: web-d (2/2 replicas created)',
      ],
    },
    {
      name: 'equal creation times are ordered by name',
      image: 'nginx:9',
      rss: [rs('web-z', 'nginx:1', '05'), rs('web-y', 'nginx:2', '05'), rs('web-x', 'nginx:3', '00')],
      want: [
        'OldReplicaSets: web-x (0/0 replicas created), web-y (0/0 replicas created), web-z (0/0 replicas created)',
        'NewReplicaSet: <none>',
      ],
    },
    {
      name: 'two RSs with the template: the oldest is new, the other is old',
      image: 'nginx',
      rss: [rs('web-b', 'nginx', '10', '2', 1), rs('web-a', 'nginx', '00', '1', 1)],
      want: ['OldReplicaSets: web-b (1/1 replicas created)', 'NewReplicaSet: web-a (1/1 replicas created)'],
    },
    {
      name: 'only the new one',
      image: 'nginx',
      rss: [rs('web-a', 'nginx', '00', '1', 2)],
      want: ['OldReplicaSets: <none>', 'NewReplicaSet: web-a (2/2 replicas created)'],
    },
    { name: 'no ReplicaSets: neither line', image: 'nginx', rss: [], want: [] },
  ])('$name', ({ image, rss, want }) => {
    expect(lines(image, rss)).toEqual(want);
  });
});

describe('kubectl describe deployment on a live cluster', () => {
  it('a paused Deployment whose template changed has no new ReplicaSet', () => {
    const c = createCluster();
    c.run('kubectl create deployment web --image=nginx --replicas=2');
    c.run('sim settle');
    c.run('kubectl rollout pause deployment/web');
    c.run('kubectl set image deployment/web nginx=nginx:2');
    c.run('sim settle');
    const rs = c.runtime.api.list('replicasets', 'default', {}).items[0]?.metadata.name ?? '';
    expect(rsLines(c.run('kubectl describe deploy web').stdout)).toEqual([
      `OldReplicaSets: ${rs} (2/2 replicas created)`,
      'NewReplicaSet: <none>',
    ]);
  });

  it('lists old ReplicaSets in the order they were created', () => {
    const c = createCluster();
    c.run('kubectl create deployment web --image=nginx --replicas=2');
    c.run('sim settle');
    for (const tag of ['2', '3', '4']) {
      c.run(`kubectl set image deployment/web nginx=nginx:${tag}`);
      c.run('sim settle');
    }
    const byImage = new Map(
      c.runtime.api
        .list('replicasets', 'default', {})
        .items.map((o) => [
          (o.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]
            ?.image,
          o.metadata.name ?? '',
        ]),
    );
    const name = (image: string) => byImage.get(image) ?? '';
    expect(rsLines(c.run('kubectl describe deploy web').stdout)).toEqual([
      `OldReplicaSets: ${name('nginx')} (0/0 replicas created), ${name('nginx:2')} (0/0 replicas created), ${name('nginx:3')} (0/0 replicas created)`,
      `NewReplicaSet: ${name('nginx:4')} (2/2 replicas created)`,
    ]);
  });
});
