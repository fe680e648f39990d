// kubectl wait: --for forms, virtual time advancing until the condition holds, timeouts and their message.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import type { KubeObject } from '../../types/object';
import { conditionMet, jsonPathSegments, jsonPathValue, parseFor } from './wait';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: c, image: nginx}]\n';

/** a cluster where, 5 s of virtual time from now, the pod gets a condition and a phase */
function cluster(): Cluster {
  // bare cluster: no kubelet, so only the test's scheduled status write makes the pod ready
  const c = createCluster({ seed: 1, nodes: 1, controlPlane: false });
  expect(c.run('kubectl apply -f -', POD).code).toBe(0);
  c.runtime.sim.schedule({
    delayMs: 5000,
    actor: 'test',
    label: 'make web ready',
    run: () => {
      const pod = structuredClone(c.runtime.api.get('pods', 'default', 'web')) as KubeObject;
      pod.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
      c.runtime.api.updateStatus('pods', 'default', pod, { actor: 'test' });
    },
  });
  return c;
}

describe('kubectl wait', () => {
  it.each([
    { name: 'condition', cmd: 'kubectl wait --for=condition=Ready pod/web --timeout=60s' },
    {
      name: 'condition, lower case, explicit status',
      cmd: 'kubectl wait --for=condition=ready=true pods web',
    },
    { name: 'jsonpath', cmd: "kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web" },
    { name: 'selector', cmd: 'kubectl wait --for=condition=Ready pod -l run!=x --timeout=1m' },
  ])('$name: advances virtual time until met', ({ cmd }) => {
    const c = cluster();
    const start = c.nowMs();
    expect(c.run(cmd)).toEqual({ code: 0, stdout: 'pod/web condition met\n', stderr: '' });
    expect(c.nowMs() - start).toBeGreaterThanOrEqual(5000);
    expect(c.nowMs() - start).toBeLessThan(60_000);
  });

  it("times out with kubectl's message after exactly the timeout", () => {
    const c = cluster();
    const start = c.nowMs();
    expect(c.run('kubectl wait --for=condition=Ready pod/web --timeout=2s')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: timed out waiting for the condition on pods/web\n',
    });
    expect(c.nowMs() - start).toBe(2000);
  });

  it('--for=delete is met once the object is gone', () => {
    const c = cluster();
    c.run('kubectl delete pod web --force --grace-period=0');
    expect(c.run('kubectl wait --for=delete pod/web --timeout=5s').stdout).toBe('pod/web condition met\n');
  });

  it.each([
    { cmd: 'kubectl wait pod/web', stderr: 'error: --for must be specified\n' },
    { cmd: 'kubectl wait --for=bogus pod/web', stderr: 'error: unrecognized condition: "bogus"\n' },
    {
      cmd: 'kubectl wait --for=condition=Ready pod/nope',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
    },
    {
      cmd: 'kubectl wait --for=condition=Ready pod -l app=none',
      stderr: 'error: no matching resources found\n',
    },
    {
      cmd: 'kubectl wait --for=condition=Ready pod/web --timeout=5x',
      stderr: /^error: invalid argument "5x" for "--timeout" flag: time: unknown unit "x"/,
    },
  ])('$cmd', ({ cmd, stderr }) => {
    const r = cluster().run(cmd);
    expect(r.code).toBe(1);
    if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
  });
});

describe('wait pure parts', () => {
  const obj = (status: unknown, generation?: number): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: generation === undefined ? { name: 'x' } : { name: 'x', generation },
    status,
  });
  it.each([
    { name: 'met', o: obj({ conditions: [{ type: 'Available', status: 'True' }] }), want: true },
    { name: 'other status', o: obj({ conditions: [{ type: 'Available', status: 'False' }] }), want: false },
    { name: 'absent', o: obj({}), want: false },
    {
      name: 'stale observedGeneration',
      o: obj({ observedGeneration: 1, conditions: [{ type: 'Available', status: 'True' }] }, 2),
      want: false,
    },
    {
      name: 'current observedGeneration',
      o: obj({ observedGeneration: 2, conditions: [{ type: 'Available', status: 'True' }] }, 2),
      want: true,
    },
  ])('conditionMet: $name', ({ o, want }) => {
    expect(conditionMet(o, 'available', 'true')).toBe(want);
  });

  it.each([
    { input: '{.status.phase}', expected: ['status', 'phase'] },
    { input: '.status.conditions[0].type', expected: ['status', 'conditions', 0, 'type'] },
    {
      input: "{.metadata.labels['app.kubernetes.io/name']}",
      expected: ['metadata', 'labels', 'app.kubernetes.io/name'],
    },
    {
      input: '{.metadata.labels.app\\.kubernetes\\.io/name}',
      expected: ['metadata', 'labels', 'app.kubernetes.io/name'],
    },
  ])('jsonPathSegments $input', ({ input, expected }) => {
    expect(jsonPathSegments(input)).toEqual(expected);
  });

  it('jsonPathValue reads arrays and maps and never the prototype', () => {
    expect(jsonPathValue({ a: [{ b: 1 }] }, ['a', 0, 'b'])).toBe(1);
    expect(jsonPathValue({ a: [1, 2] }, ['a', -1])).toBe(2);
    expect(jsonPathValue({}, ['constructor'])).toBeUndefined();
  });

  it('jsonpath without a value waits for the field to exist', () => {
    const { check } = parseFor('jsonpath={.status.readyReplicas}');
    expect(check(obj({}))).toBe(false);
    expect(check(obj({ readyReplicas: 0 }))).toBe(true);
  });
});
