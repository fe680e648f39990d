// podToEndpoint / getEndpointPorts cases (staging/src/k8s.io/endpointslice/utils_test.go TestPodToEndpoint, TestGetEndpointPorts).
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import {
  getAddressTypesForService,
  getEndpointPorts,
  podToEndpoint,
  shouldPodBeInEndpoints,
} from './podToEndpoint';
import { newService, node, podWith } from './testFixtures';

const svc = newService();
const publishing: Service = { ...svc, spec: { ...svc.spec, publishNotReadyAddresses: true } };

describe('podToEndpoint', () => {
  const rows: {
    name: string;
    pod: Pod;
    service: Service;
    expected: { ready: boolean; serving: boolean; terminating: boolean };
  }[] = [
    {
      name: 'ready pod',
      pod: podWith(1, {}),
      service: svc,
      expected: { ready: true, serving: true, terminating: false },
    },
    {
      name: 'not ready pod',
      pod: podWith(1, { ready: false }),
      service: svc,
      expected: { ready: false, serving: false, terminating: false },
    },
    {
      name: 'terminating ready pod',
      pod: podWith(1, { terminating: true }),
      service: svc,
      expected: { ready: false, serving: true, terminating: true },
    },
    {
      name: 'terminating not ready pod',
      pod: podWith(1, { terminating: true, ready: false }),
      service: svc,
      expected: { ready: false, serving: false, terminating: true },
    },
    {
      name: 'not ready pod, publishNotReadyAddresses',
      pod: podWith(1, { ready: false }),
      service: publishing,
      expected: { ready: true, serving: false, terminating: false },
    },
    {
      name: 'terminating pod, publishNotReadyAddresses',
      pod: podWith(1, { terminating: true }),
      service: publishing,
      expected: { ready: true, serving: true, terminating: true },
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      expect(podToEndpoint(r.pod, node('node-1', 'zone-a'), r.service, 'IPv4').conditions).toEqual(
        r.expected,
      );
    });
  }

  it('sets hostname only when the pod subdomain names the Service', () => {
    const base = podWith(1, {});
    const named: Pod = {
      ...base,
      spec: { ...base.spec, containers: [], hostname: 'web-0', subdomain: 'foo' },
    };
    const other: Pod = {
      ...base,
      spec: { ...base.spec, containers: [], hostname: 'web-0', subdomain: 'bar' },
    };
    expect(podToEndpoint(named, undefined, svc, 'IPv4').hostname).toBe('web-0');
    expect(podToEndpoint(other, undefined, svc, 'IPv4').hostname).toBeUndefined();
  });

  it('terminal pods and pods without an IP are left out; terminating ones stay', () => {
    const base = podWith(1, {});
    expect(shouldPodBeInEndpoints({ ...base, status: { ...base.status, phase: 'Succeeded' } }, true)).toBe(
      false,
    );
    expect(shouldPodBeInEndpoints({ ...base, status: { phase: 'Running' } }, true)).toBe(false);
    expect(shouldPodBeInEndpoints(podWith(1, { terminating: true }), true)).toBe(true);
  });
});

describe('getEndpointPorts', () => {
  it('resolves a named targetPort per pod and omits ports it cannot resolve', () => {
    const named: Service = {
      ...svc,
      spec: {
        ...svc.spec,
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
          { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP', appProtocol: 'http' },
        ],
      },
    };
    expect(getEndpointPorts(named, podWith(1, {}))).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('headless Service without ports gives no ports', () => {
    expect(
      getEndpointPorts({ ...svc, spec: { clusterIP: 'None', selector: { foo: 'bar' } } }, podWith(1, {})),
    ).toEqual([]);
  });
});

describe('getAddressTypesForService', () => {
  const rows: { name: string; spec: Service['spec']; expected: string[] }[] = [
    { name: 'ipFamilies', spec: { ipFamilies: ['IPv4', 'IPv6'] }, expected: ['IPv4', 'IPv6'] },
    { name: 'clusterIP family', spec: { clusterIP: 'fd00::10' }, expected: ['IPv6'] },
    { name: 'headless without families', spec: { clusterIP: 'None' }, expected: ['IPv4', 'IPv6'] },
  ];
  for (const r of rows)
    it(r.name, () => expect(getAddressTypesForService({ ...svc, spec: r.spec })).toEqual(r.expected));
});
