// The simulated cloud-controller-manager: LoadBalancer Services get an external address after provisioning,
// reachable from outside with `sim curl`; other types get none; the address is released on type change.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { LoadBalancerPool } from './pool';

describe('LoadBalancerPool', () => {
  it('hands out the lowest free address, keeps it per Service, and reuses released ones', () => {
    const p = new LoadBalancerPool('10.0.0.1', 2);
    expect(p.ensure('default/a')).toBe('10.0.0.1');
    expect(p.ensure('default/b')).toBe('10.0.0.2');
    expect(p.ensure('default/a')).toBe('10.0.0.1');
    expect(p.ensure('default/c')).toBeUndefined();
    expect(p.release('default/a')).toBe(true);
    expect(p.ensure('default/c')).toBe('10.0.0.1');
  });
});

describe('service-controller (cloud-controller-manager)', () => {
  it('provisions an external IP for a LoadBalancer Service, with events, and frees it on type change', () => {
    const c = createCluster();
    c.run('kubectl create deployment web --image=nginx --replicas=2');
    expect(c.run('kubectl expose deployment web --port 80 --type LoadBalancer').code).toBe(0);
    expect(c.run('kubectl get svc web').stdout).toMatch(
      /web\s+LoadBalancer\s+\S+\s+<pending>\s+80:3\d{4}\/TCP/,
    );
    c.run('sim settle');
    expect(c.run('kubectl get svc web').stdout).toMatch(
      /web\s+LoadBalancer\s+\S+\s+172\.18\.255\.200\s+80:3\d{4}\/TCP/,
    );
    const events = c.run('kubectl get events --field-selector involvedObject.name=web').stdout;
    expect(events).toContain('EnsuringLoadBalancer');
    expect(events).toContain('Ensured load balancer');
    const curl = c.run('sim curl http://172.18.255.200/');
    expect(curl.code).toBe(0);
    expect(curl.stdout).toMatch(/Hello from web-/);

    expect(c.run(`kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'`).code).toBe(0);
    c.run('sim settle');
    expect(c.run('kubectl get svc web').stdout).toMatch(/web\s+ClusterIP\s+\S+\s+<none>\s+80\/TCP/);
    expect(c.run('kubectl get events --field-selector involvedObject.name=web').stdout).toContain(
      'Deleted load balancer',
    );
  });

  it('leaves ClusterIP and NodePort Services without an external address', () => {
    const c = createCluster();
    c.run('kubectl create deployment web --image=nginx');
    c.run('kubectl expose deployment web --port 80 --type NodePort');
    c.run('sim settle');
    expect(c.run('kubectl get svc web -o jsonpath={.status.loadBalancer}').stdout).toBe('{}');
  });
});
