import { describe, expect, it } from 'vitest';
import { ctx, deployment, replicaSet } from './rolloutTestFixtures';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { createCluster, type Cluster } from '../../index';
import type { KubeObject } from '../../types/object';

/** revisions 1..3 (nginx:1.25, 1.26, 1.27), the first and last with a change-cause; the Deployment is at 1.27 */
function withHistory(): Cluster {
  const c = createCluster();
  const d = deployment(c, 'nginx:1.27');
  replicaSet(c, d, 1, 'nginx:1.25', 'kubectl create deployment web --image=nginx:1.25');
  replicaSet(c, d, 2, 'nginx:1.26');
  replicaSet(c, d, 3, 'nginx:1.27', 'image bump');
  return c;
}

const getDeployment = (c: Cluster) =>
  c.runtime.api.get('deployments', 'default', 'web') as Deployment & KubeObject;

describe('kubectl rollout history', () => {
  it('prints the REVISION / CHANGE-CAUSE table', () => {
    expect(withHistory().run('kubectl rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         kubectl create deployment web --image=nginx:1.25\n2         <none>\n3         image bump\n\n',
    );
  });
  it('prints one revision as a pod template', () => {
    const out = withHistory().run('kubectl rollout history deploy web --revision=2').stdout;
    expect(out).toContain(
      'deployment.apps/web with revision #2\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=h2\n',
    );
    expect(out).toContain('  Containers:\n   web:\n    Image:\tnginx:1.26\n    Port:\t80/TCP\n');
  });
  it('errors on an unknown revision and an unknown kind', () => {
    const c = withHistory();
    expect(c.run('kubectl rollout history deployment/web --revision=9').stderr).toBe(
      'error: unable to find the specified revision\n',
    );
    expect(c.run('kubectl rollout history widgets/web').stderr).toBe(
      'error: the server doesn\'t have a resource type "widgets"\n',
    );
    expect(c.run('kubectl rollout history deployment/nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });
  it('reports no history for a Deployment without ReplicaSets', () => {
    const c = createCluster();
    deployment(c, 'nginx');
    expect(c.run('kubectl rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nNo rollout history found.\n',
    );
  });
});

describe('kubectl rollout undo', () => {
  it('rolls back to the previous revision, stripping pod-template-hash', () => {
    const c = withHistory();
    expect(c.run('kubectl rollout undo deployment/web')).toEqual({
      code: 0,
      stdout: 'deployment.apps/web rolled back\n',
      stderr: '',
    });
    const d = getDeployment(c);
    expect(d.spec?.template?.spec?.containers[0]?.image).toBe('nginx:1.26');
    expect(d.spec?.template?.metadata?.labels).toEqual({ app: 'web' });
    // the Deployment keeps its own revision annotation; the RS's revision is not copied
    expect(d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });
  it('rolls back to a given revision and copies its change-cause', () => {
    const c = withHistory();
    expect(c.run('kubectl rollout undo deployment/web --to-revision=1').stdout).toBe(
      'deployment.apps/web rolled back\n',
    );
    const d = getDeployment(c);
    expect(d.spec?.template?.spec?.containers[0]?.image).toBe('nginx:1.25');
    expect(d.metadata?.annotations?.['kubernetes.io/change-cause']).toBe(
      'kubectl create deployment web --image=nginx:1.25',
    );
  });
  it('skips when the template already matches', () => {
    expect(withHistory().run('kubectl rollout undo deployment/web --to-revision=3').stdout).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 3)\n',
    );
  });
  it('errors as kubectl does', () => {
    const c = withHistory();
    expect(c.run('kubectl rollout undo deployment/web --to-revision=9').stderr).toBe(
      'error: unable to find specified revision 9 in history\n',
    );
    c.run('kubectl rollout pause deployment/web');
    expect(c.run('kubectl rollout undo deployment/web').stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    const lone = createCluster();
    deployment(lone, 'nginx');
    expect(lone.run('kubectl rollout undo deployment/web').stderr).toBe(
      'error: no rollout history found for deployment "web"\n',
    );
  });
});

describe('kubectl rollout pause / resume / restart', () => {
  it('pauses and resumes', () => {
    const c = withHistory();
    expect(c.run('kubectl rollout pause deployment/web').stdout).toBe('deployment.apps/web paused\n');
    expect(getDeployment(c).spec?.paused).toBe(true);
    expect(c.run('kubectl rollout pause deployment/web')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: deployments.apps "web" is already paused\n',
    });
    // several errors: utilerrors.NewAggregate through CheckErr prints one per line
    c.run('kubectl create deployment api --image=nginx');
    c.run('kubectl rollout pause deployment/api');
    expect(c.run('kubectl rollout pause deployment/web deployment/api').stderr).toBe(
      'error: deployments.apps "web" is already paused\nerror: deployments.apps "api" is already paused\n',
    );
    expect(c.run('kubectl rollout restart deployment/web').stderr).toBe(
      'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n',
    );
    expect(c.run('kubectl rollout resume deployment/web').stdout).toBe('deployment.apps/web resumed\n');
    expect(getDeployment(c).spec?.paused).toBeFalsy();
    expect(c.run('kubectl rollout resume deployment/web').stderr).toBe(
      'error: deployments.apps "web" is not paused\n',
    );
  });
  it('restart stamps the template with the virtual time', () => {
    const c = withHistory();
    c.run('sim advance 90s');
    expect(c.run('kubectl rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n');
    expect(getDeployment(c).spec?.template?.metadata?.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:01:30Z',
    });
    expect(c.run('kubectl rollout restart deployment/web').stderr).toBe(
      'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    );
  });
  it('restart with only a type restarts every Deployment in the namespace; none -> message', () => {
    const c = withHistory();
    expect(c.run('kubectl rollout restart deployment').stdout).toBe('deployment.apps/web restarted\n');
    expect(c.run('kubectl rollout restart deployment -n kube-public')).toEqual({
      code: 0,
      stdout: '',
      stderr: 'No resources found in kube-public namespace.\n',
    });
  });
});

describe('kubectl rollout status', () => {
  it('prints the done line at once for a finished rollout', () => {
    const c = createCluster();
    const d = deployment(c, 'nginx');
    c.runtime.api.updateStatus(
      'deployments',
      'default',
      {
        ...d,
        status: {
          observedGeneration: d.metadata.generation,
          replicas: 3,
          updatedReplicas: 3,
          availableReplicas: 3,
        },
      },
      ctx,
    );
    expect(c.run('kubectl rollout status deployment/web').stdout).toBe(
      'deployment "web" successfully rolled out\n',
    );
  });

  it('follows a real rollout by the Deployment controller, scheduler and kubelet to the end', () => {
    const c = createCluster();
    deployment(c, 'nginx');
    const r = c.run('kubectl rollout status deployment/web');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Waiting for deployment spec update to be observed...');
    expect(lines).toContain(
      'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
    );
    expect(lines.slice(-2)).toEqual(['deployment "web" successfully rolled out', '']);
    expect(new Set(lines).size).toBe(lines.length); // each distinct line once
    expect(c.runtime.api.get('deployments', 'default', 'web').status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
    });
  });

  it('follows progress over virtual time, each distinct line once', () => {
    // bare cluster: the test plays the Deployment controller with scripted status writes
    const c = createCluster({ controlPlane: false });
    const d = deployment(c, 'nginx');
    const gen = d.metadata.generation;
    const steps = [
      { observedGeneration: gen, replicas: 3, updatedReplicas: 1, availableReplicas: 2 },
      { observedGeneration: gen, replicas: 3, updatedReplicas: 1, availableReplicas: 2 },
      { observedGeneration: gen, replicas: 4, updatedReplicas: 3, availableReplicas: 3 },
      { observedGeneration: gen, replicas: 3, updatedReplicas: 3, availableReplicas: 2 },
      { observedGeneration: gen, replicas: 3, updatedReplicas: 3, availableReplicas: 3 },
    ];
    steps.forEach((status, i) =>
      c.runtime.sim.schedule({
        delayMs: (i + 1) * 5000,
        actor: 'fake-deployment-controller',
        label: 'status',
        run: () =>
          c.runtime.api.updateStatus(
            'deployments',
            'default',
            { ...c.runtime.api.get('deployments', 'default', 'web'), status },
            ctx,
          ),
      }),
    );
    const r = c.run('kubectl rollout status deployment/web');
    expect(r.stdout).toBe(
      [
        'Waiting for deployment spec update to be observed...',
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
        'deployment "web" successfully rolled out',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
    expect(c.nowMs()).toBe(25_000);
  });

  it('--watch=false prints the current state and returns', () => {
    const c = createCluster();
    deployment(c, 'nginx');
    expect(c.run('kubectl rollout status deployment/web --watch=false')).toEqual({
      code: 0,
      stdout: 'Waiting for deployment spec update to be observed...\n',
      stderr: '',
    });
  });

  it('times out after --timeout', () => {
    // bare cluster: no Deployment controller ever observes the spec
    const c = createCluster({ controlPlane: false });
    deployment(c, 'nginx');
    const r = c.run('kubectl rollout status deployment/web --timeout=30s');
    expect(r).toEqual({
      code: 1,
      stdout: 'Waiting for deployment spec update to be observed...\n',
      stderr: 'error: timed out waiting for the condition\n',
    });
    expect(c.nowMs()).toBe(30_000);
  });

  it('stops when the object is deleted', () => {
    const c = createCluster();
    deployment(c, 'nginx');
    c.runtime.sim.schedule({
      delayMs: 1000,
      actor: 't',
      label: 'rm',
      run: () => c.runtime.api.delete('deployments', 'default', 'web', {}, ctx),
    });
    expect(c.run('kubectl rollout status deployment/web').stderr).toBe('error: object has been deleted\n');
  });
});
