// The simulated cloud: instances spread over zones, exist / shut down as the CCM asks, and a routes table.
import { describe, expect, it } from 'vitest';
import { SimulatedCloud } from './cloud';

const launch = (c: SimulatedCloud, name: string, zone?: string) =>
  c.launchInstance({ name, zone, cpu: '4', memory: '16Gi', internalIP: `10.0.0.${name.length}` });

describe('SimulatedCloud', () => {
  it('spreads zoneless workers over zone-a/b/c after the control plane, honouring explicit zones', () => {
    const c = new SimulatedCloud();
    launch(c, 'control-plane', 'zone-a');
    for (const n of ['node-1', 'node-2', 'node-3', 'node-4']) launch(c, n);
    launch(c, 'edge', 'zone-x');
    expect(c.listInstances().map((i) => [i.name, i.zone])).toEqual([
      ['control-plane', 'zone-a'],
      ['node-1', 'zone-a'],
      ['node-2', 'zone-b'],
      ['node-3', 'zone-c'],
      ['node-4', 'zone-a'],
      ['edge', 'zone-x'],
    ]);
  });

  it('answers InstanceExists / InstanceShutdown / InstanceMetadata by providerID or, without one, by name', () => {
    const c = new SimulatedCloud();
    const i = launch(c, 'node-1');
    expect(c.instanceExists(i.providerID, 'node-1')).toBe(true);
    expect(c.instanceExists(undefined, 'node-1')).toBe(true);
    expect(c.instanceExists('kind://docker/kind/other', 'node-1')).toBe(false);
    expect(c.instanceMetadata(undefined, 'node-1')).toEqual({
      providerID: 'kind://docker/kind/node-1',
      instanceType: 'e2-standard-4',
      nodeAddresses: [
        { type: 'InternalIP', address: i.internalIP },
        { type: 'Hostname', address: 'node-1' },
      ],
      zone: 'zone-a',
      region: 'region-1',
    });
    i.state = 'stopped';
    expect(c.instanceShutdown(i.providerID, 'node-1')).toBe(true);
    expect(c.deleteInstance('node-1')).toBe(true);
    expect(c.deleteInstance('node-1')).toBe(false);
    expect(c.instanceExists(i.providerID, 'node-1')).toBe(false);
    expect(c.instanceShutdown(i.providerID, 'node-1')).toBe(false);
    expect(c.instanceMetadata(i.providerID, 'node-1')).toBeUndefined();
  });

  it('names routes <cluster>-<nameHint> and deletes them by name', () => {
    const c = new SimulatedCloud();
    const r = c.createRoute('uid-1', 'node-1', '10.244.1.0/24');
    expect(r.name).toBe('kubernetes-uid-1');
    expect(c.listRoutes()).toEqual([r]);
    expect(c.deleteRoute(r.name)).toBe(true);
    expect(c.listRoutes()).toEqual([]);
  });
});
