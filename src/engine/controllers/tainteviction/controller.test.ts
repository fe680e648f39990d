// Taint eviction end to end through kubectl: cancelling a pending eviction when the pod goes away (with the
// TaintManagerEviction event, taint_eviction.go handlePodUpdate -> cancelWorkWithEvent), and pods already being
// deleted still evicted (processPodOnNode does not look at deletionTimestamp).
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';

const POD = (tolerationSeconds: number | null, finalizer: boolean) => `apiVersion: v1
kind: Pod
metadata:
  name: p
${finalizer ? '  finalizers: [example.com/hold]\n' : ''}spec:
  nodeName: node-1
  terminationGracePeriodSeconds: 5
${tolerationSeconds === null ? '' : `  tolerations: [{key: k, operator: Exists, effect: NoExecute, tolerationSeconds: ${tolerationSeconds}}]\n`}  containers: [{name: c, image: nginx}]
`;

function eventMessages(c: Cluster): string[] {
  return c.runtime.api
    .list('events', 'default', { fieldSelector: 'reason=TaintManagerEviction' })
    .items.map((e) => (e as { message?: string }).message ?? '');
}

function runAll(c: Cluster, lines: readonly string[]): void {
  for (const l of lines) expect(c.run(l).code, l).toBe(0);
}

describe('taint eviction: pods that go away or are already going', () => {
  it.each([
    {
      name: 'force delete of a pod with a pending eviction cancels it with an event',
      pod: POD(300, false),
      steps: [
        'kubectl taint node node-1 k=v:NoExecute',
        'sim advance 5s',
        'kubectl delete pod p --force --grace-period=0',
      ],
      want: ['Cancelling deletion of Pod default/p'],
    },
    {
      name: 'a graceful delete that completes before tolerationSeconds cancels it with an event',
      pod: POD(300, false),
      steps: ['kubectl taint node node-1 k=v:NoExecute', 'sim advance 5s', 'kubectl delete pod p'],
      want: ['Cancelling deletion of Pod default/p'],
    },
    {
      name: 'a pod already terminating (held by a finalizer) is still evicted when a taint comes',
      pod: POD(null, true),
      steps: [
        'kubectl delete pod p --wait=false',
        'sim advance 10s',
        'kubectl taint node node-1 k=v:NoExecute',
      ],
      want: ['Marking for deletion Pod default/p'],
    },
  ])('$name', ({ pod, steps, want }) => {
    const c = createCluster({ seed: 1 });
    expect(c.run('kubectl apply -f -', pod).code).toBe(0);
    c.run('sim settle');
    runAll(c, steps);
    c.run('sim advance 10m');
    expect(eventMessages(c)).toEqual(want);
    expect(c.run('kubectl get pod p').stderr).toBe(
      want[0]?.startsWith('Marking') ? '' : 'Error from server (NotFound): pods "p" not found\n',
    );
  });

  it('marks the terminating pod with the DisruptionTarget condition', () => {
    const c = createCluster({ seed: 1 });
    c.run('kubectl apply -f -', POD(null, true));
    c.run('sim settle');
    runAll(c, [
      'kubectl delete pod p --wait=false',
      'sim advance 10s',
      'kubectl taint node node-1 k=v:NoExecute',
    ]);
    c.run('sim advance 5s');
    const conditions = (
      c.runtime.api.get('pods', 'default', 'p').status as { conditions?: { type: string; reason?: string }[] }
    ).conditions;
    expect(conditions?.find((x) => x.type === 'DisruptionTarget')?.reason).toBe('DeletionByTaintManager');
  });
});
