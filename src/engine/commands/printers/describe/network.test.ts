// describe.go (kubectl v0.35) describeService / buildIngressString / describeEndpoints, table-style.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../types/object';
import { buildIngressString, describeEndpoints, describeService } from './network';

const meta = { name: 'web', namespace: 'default', uid: 'u1', creationTimestamp: '2025-01-01T00:00:00Z' };
const inputs = { nowMs: 0, events: [] };

function service(spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: meta, spec, status } as unknown as KubeObject;
}

describe('buildIngressString', () => {
  it.each([
    [[{ ip: '1.2.3.4', ipMode: 'VIP' }], '1.2.3.4 (VIP)'],
    [[{ ip: '1.2.3.4' }, { hostname: 'lb.example.com' }], '1.2.3.4, lb.example.com'],
    [
      [
        { ip: '1.2.3.4', ipMode: 'Proxy' },
        { ip: '5.6.7.8', ipMode: 'VIP' },
      ],
      '1.2.3.4 (Proxy), 5.6.7.8 (VIP)',
    ],
  ])('%j -> %s', (ingress, want) => {
    expect(buildIngressString(ingress)).toBe(want);
  });
});

describe('describeService', () => {
  const base = {
    type: 'LoadBalancer',
    clusterIP: '10.96.0.10',
    clusterIPs: ['10.96.0.10'],
    selector: { app: 'web' },
    ports: [
      { name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080, appProtocol: 'http' },
    ],
    sessionAffinity: 'None',
    externalTrafficPolicy: 'Cluster',
  };
  it.each([
    // v0.35 has no AppProtocol line (added in v1.36)
    { name: 'no AppProtocol line', spec: base, has: [], hasNot: ['AppProtocol'] },
    {
      name: 'LoadBalancer Source Ranges and Traffic Distribution after HealthCheck NodePort',
      spec: {
        ...base,
        loadBalancerSourceRanges: ['10.0.0.0/8', '1.2.3.0/24'],
        trafficDistribution: 'PreferClose',
      },
      has: [
        'External Traffic Policy:     Cluster\nLoadBalancer Source Ranges:  10.0.0.0/8,1.2.3.0/24\n' +
          'Traffic Distribution:        PreferClose\nEvents:',
      ],
      hasNot: [],
    },
  ])('$name', ({ spec, has, hasNot }) => {
    const out = describeService(
      service(spec, { loadBalancer: { ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }] } }),
      inputs,
    );
    expect(out).toContain('LoadBalancer Ingress:');
    expect(out).toMatch(/LoadBalancer Ingress:\s+1\.2\.3\.4 \(VIP\)\n/);
    for (const s of has) expect(out).toContain(s);
    for (const s of hasNot) expect(out).not.toContain(s);
  });
});

describe('describeEndpoints', () => {
  const ep = (subsets: unknown[]): KubeObject =>
    ({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta, subsets }) as unknown as KubeObject;
  it.each([
    {
      name: 'ready and not-ready addresses with a port table',
      subsets: [
        {
          addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.2.2' }],
          notReadyAddresses: [{ ip: '10.244.3.2' }],
          ports: [
            { port: 80, protocol: 'TCP' },
            { name: 'metrics', port: 9090, protocol: 'TCP' },
          ],
        },
      ],
      want:
        'Subsets:\n  Addresses:          10.244.1.2,10.244.2.2\n  NotReadyAddresses:  10.244.3.2\n  Ports:\n' +
        '    Name     Port  Protocol\n    ----     ----  --------\n    <unset>  80    TCP\n' +
        '    metrics  9090  TCP\n\nEvents:  <none>\n',
    },
    {
      name: 'no subsets',
      subsets: [],
      want: 'Subsets:\nEvents:  <none>\n',
    },
    {
      name: 'only not-ready addresses, no ports',
      subsets: [{ notReadyAddresses: [{ ip: '10.244.3.2' }] }],
      want: 'Subsets:\n  Addresses:          <none>\n  NotReadyAddresses:  10.244.3.2\n\nEvents:  <none>\n',
    },
  ])('$name', ({ subsets, want }) => {
    const out = describeEndpoints(ep(subsets), inputs);
    expect(out).toMatch(/^Name:\s+web\nNamespace:\s+default\nLabels:\s+<none>\nAnnotations:\s+<none>\n/);
    expect(out.slice(out.indexOf('Subsets:'))).toBe(want);
  });
});
