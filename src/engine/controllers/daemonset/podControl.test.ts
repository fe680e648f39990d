// daemonPodFromTemplate: one template per sync serves every node without leaking one node's pinning into another.
import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { deepFreeze } from '../../store/deepFreeze';
import { daemonPodFromTemplate, daemonPodTemplate, newDaemonPod } from './podControl';

const ds = deepFreeze<DaemonSet>({
  metadata: { name: 'agent', namespace: 'default', uid: 'u1' },
  spec: {
    selector: { matchLabels: { app: 'a' } },
    template: {
      metadata: { labels: { app: 'a' } },
      spec: {
        containers: [{ name: 'c', image: 'x' }],
        affinity: { podAffinity: {} },
      },
    },
  },
});

const target = (p: unknown) =>
  (p as Pod).spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;

describe('daemonPodFromTemplate', () => {
  it('pins each pod to its own node, equal to a freshly built pod, and leaves the shared template unchanged', () => {
    const template = daemonPodTemplate(ds, 'h1');
    const before = structuredClone(template);
    const a = daemonPodFromTemplate(ds, template, 'n1');
    const b = daemonPodFromTemplate(ds, template, 'n2');
    expect(target(a)).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }]);
    expect(target(b)).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }]);
    expect((a as Pod).spec?.affinity?.podAffinity).toEqual({});
    expect(template).toEqual(before);
    expect(a).toEqual(newDaemonPod(ds, 'h1', 'n1'));
    expect(a.metadata.labels).toEqual({ app: 'a', 'controller-revision-hash': 'h1' });
  });
});
