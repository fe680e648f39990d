// `kubectl set serviceaccount|sa` and `kubectl set selector`, end to end: what they change, what they print, and
// kubectl's refusals (set_serviceaccount.go, set_selector.go).
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';

function cluster(): Cluster {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.run('sim settle');
  c.run('kubectl create deployment web --image=nginx');
  c.run('kubectl expose deployment web --port=80');
  c.run('sim settle');
  return c;
}

describe('kubectl set serviceaccount', () => {
  it('sets the pod template service account (also as `set sa`), which rolls the Deployment out', () => {
    const c = cluster();
    c.run('kubectl create serviceaccount builder');
    expect(c.run('kubectl set serviceaccount deployment web builder').stdout).toBe(
      'deployment.apps/web serviceaccount updated\n',
    );
    c.run('sim settle');
    expect(c.run('kubectl get pods -l app=web -o jsonpath={.items[*].spec.serviceAccountName}').stdout).toBe(
      'builder',
    );
    expect(c.run('kubectl set sa deploy/web default --dry-run=client -o name').stdout).toBe(
      'deployment.apps/web\n',
    );
    expect(c.run('kubectl get deploy web -o jsonpath={.spec.template.spec.serviceAccountName}').stdout).toBe(
      'builder',
    );
  });

  it.each([
    ['kubectl set serviceaccount', 'error: serviceaccount is required\n'],
    ['kubectl set serviceaccount service/web x', 'error: service/web does not have a pod template\n'],
  ])('%s fails', (line, stderr) => {
    expect(cluster().run(line)).toMatchObject({ code: 1, stderr });
  });
});

describe('kubectl set selector', () => {
  it("replaces a Service's selector, and the EndpointSlice follows", () => {
    const c = cluster();
    expect(c.run('kubectl set selector service web app=other').stdout).toBe('service/web selector updated\n');
    expect(c.run('kubectl get svc web -o jsonpath={.spec.selector}').stdout).toBe('{"app":"other"}');
    c.run('sim settle');
    expect(c.run('kubectl get endpointslices -l kubernetes.io/service-name=web').stdout).toMatch(
      /<unset>\s+<unset>/,
    );
    c.run('kubectl set selector service web app=web');
    c.run('sim settle');
    expect(c.run('kubectl get endpointslices -l kubernetes.io/service-name=web').stdout).toMatch(
      /80\s+10\.244\./,
    );
  });

  it.each([
    ['kubectl set selector', 'error: one selector is required\n'],
    [
      "kubectl set selector svc web 'tier in (a,b)'",
      'error: match expression [{tier In [a b]}] not supported on this object\n',
    ],
    [
      'kubectl set selector svc web tier!=a',
      'error: match expression [{tier NotIn [a]}] not supported on this object\n',
    ],
    ['kubectl set selector deploy web app=x', 'error: setting a selector is only supported for Services\n'],
  ])('%s fails', (line, stderr) => {
    expect(cluster().run(line)).toMatchObject({ code: 1, stderr });
  });
});
