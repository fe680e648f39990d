// End-to-end with the scheduler and kubelets: pods become Ready, status counts follow, GC foreground waits for termination.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { StatusError } from '../../apiserver/types';
import { kubeletComponent } from '../../kubelet/index';
import { createScheduler } from '../../scheduler/scheduler';
import { controllerManagerComponents, defaultControllers } from '../manager';

const rsYaml = `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;

describe('ReplicaSet with scheduler and kubelet', () => {
  it('reports 3 ready and available replicas, then a foreground delete waits for pod termination', () => {
    const c = createCluster({ seed: 11, nodes: 2 });
    c.runtime.addComponent(createScheduler());
    c.runtime.addComponent(kubeletComponent());
    for (const comp of controllerManagerComponents(defaultControllers)) c.runtime.addComponent(comp);
    expect(c.run('kubectl apply -f -', rsYaml).code).toBe(0);
    const api = c.runtime.api;
    const ready = c.runtime.sim.runUntil(
      () =>
        (api.get('rs', 'default', 'web').status as { availableReplicas?: number }).availableReplicas === 3,
      120_000,
    );
    expect(ready).toBe(true);
    expect(api.get('rs', 'default', 'web').status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(c.run('kubectl delete rs web --cascade=foreground --wait=false').code).toBe(0);
    c.runtime.sim.advance(100);
    expect(api.get('rs', 'default', 'web').metadata.finalizers).toEqual(['foregroundDeletion']);
    const gone = c.runtime.sim.runUntil(() => {
      try {
        api.get('rs', 'default', 'web');
        return false;
      } catch (e) {
        return e instanceof StatusError && e.status.code === 404;
      }
    }, 120_000);
    expect(gone).toBe(true);
    expect(api.list('pods', 'default').items).toHaveLength(0);
  });
});
