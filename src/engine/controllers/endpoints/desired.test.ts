// The legacy Endpoints subsets: ready vs notReady addresses, publishNotReadyAddresses, repacking by port set.
import { describe, expect, it } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import { desiredSubsets } from './desired';
import { newService, podWith } from '../endpointslice/testFixtures';

describe('desiredSubsets', () => {
  it('ready pods go to addresses, not-ready ones to notReadyAddresses, terminating ones are left out', () => {
    const subsets = desiredSubsets(newService(), [
      podWith(1, {}),
      podWith(2, { ready: false }),
      podWith(3, { terminating: true }),
    ]);
    expect(subsets).toEqual([
      {
        addresses: [
          {
            ip: '1.2.0.1',
            nodeName: 'node-1',
            targetRef: { kind: 'Pod', namespace: 'test', name: 'pod1', uid: 'pod-uid-1' },
          },
        ],
        notReadyAddresses: [
          {
            ip: '1.2.0.2',
            nodeName: 'node-1',
            targetRef: { kind: 'Pod', namespace: 'test', name: 'pod2', uid: 'pod-uid-2' },
          },
        ],
        ports: [{ name: 'foo', port: 80, protocol: 'TCP' }],
      },
    ]);
  });

  it('publishNotReadyAddresses lists every pod, terminating ones too, as ready', () => {
    const base = newService();
    const svc: Service = { ...base, spec: { ...base.spec, publishNotReadyAddresses: true } };
    const subsets = desiredSubsets(svc, [podWith(1, { ready: false }), podWith(3, { terminating: true })]);
    expect(subsets.map((s) => [(s.addresses ?? []).length, (s.notReadyAddresses ?? []).length])).toEqual([
      [2, 0],
    ]);
  });

  it('pods resolving a named port differently land in different subsets', () => {
    const base = newService();
    const svc: Service = {
      ...base,
      spec: { ...base.spec, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
    };
    const other = podWith(2, {});
    const moved = {
      ...other,
      spec: { ...other.spec, containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 9090 }] }] },
    };
    const subsets = desiredSubsets(svc, [podWith(1, {}), moved]);
    expect(subsets.map((s) => [s.ports?.[0]?.port, s.addresses?.map((a) => a.ip)])).toEqual([
      [8080, ['1.2.0.1']],
      [9090, ['1.2.0.2']],
    ]);
  });
});
