// ClusterIP / NodePort allocation through the API server: ranges, static band, errors, release, immutability.
import { describe, expect, it } from 'vitest';
import type { ServiceSpec } from 'kubernetes-types/core/v1';
import { createCluster } from '../../index';
import type { KubeObject } from '../../types/object';
import { StatusError } from '../types';
import { createRng } from '../../sim/rng';
import { BitmapAllocator } from './bitmap';
import { formatIPv4, ipRangeOffset, parseIPv4, parseIPv4Range, portRangeOffset } from './ranges';

const kubectl = { actor: 'kubectl' };

function svc(name: string, spec: ServiceSpec = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...spec },
  };
}

const specOf = (o: KubeObject) => o.spec as ServiceSpec;

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e.message;
    throw e;
  }
  return '';
}

describe('range offsets (calculateRangeOffset)', () => {
  const rows = [
    { name: '/24', size: 256, expected: 16 },
    { name: '/12', size: 2 ** 20, expected: 256 },
    { name: '/28', size: 16, expected: 0 },
    { name: '/20', size: 4096, expected: 256 },
  ];
  for (const r of rows)
    it(`ip ${r.name} -> ${r.expected}`, () => expect(ipRangeOffset(r.size)).toBe(r.expected));
  it('node ports 30000-32767 -> 86', () => expect(portRangeOffset(2768)).toBe(86));
  it('10.96.0.0/12 spans 10.96.0.1 .. 10.111.255.254', () => {
    const r = parseIPv4Range('10.96.0.0/12');
    expect(formatIPv4(r.base)).toBe('10.96.0.1');
    expect(formatIPv4(r.base + r.max - 1)).toBe('10.111.255.254');
    expect(parseIPv4('10.96.0.300')).toBeUndefined();
  });
});

describe('BitmapAllocator (randomScanStrategyWithOffset)', () => {
  it('prefers the upper band until it is full, then uses the static band', () => {
    const b = new BitmapAllocator(32, 16);
    const rng = createRng(7);
    for (let i = 0; i < 16; i++) {
      const at = b.pickNext(rng);
      expect(at).toBeGreaterThanOrEqual(16);
      b.allocate(at);
    }
    const low = b.pickNext(rng);
    expect(low).toBeLessThan(16);
    for (let i = 0; i < 16; i++) b.allocate(b.pickNext(rng));
    expect(b.pickNext(rng)).toBe(-1);
  });
});

describe('Service allocation in the API server', () => {
  it('dynamic ClusterIPs come from the upper band, deterministically per seed', () => {
    const ips = (seed: number) => {
      const c = createCluster({ seed, nodes: 1 });
      return ['a', 'b', 'c'].map(
        (n) => specOf(c.runtime.api.create('services', 'default', svc(n), kubectl)).clusterIP,
      );
    };
    const first = ips(3);
    expect(ips(3)).toEqual(first);
    const base = parseIPv4('10.96.0.1') as number;
    for (const ip of first) expect((parseIPv4(ip ?? '') as number) - base).toBeGreaterThanOrEqual(256);
  });

  it('sets clusterIPs, ipFamilies and ipFamilyPolicy; explicit IPs in the static band are honoured', () => {
    const c = createCluster({ nodes: 1 });
    // bootstrap's kube-system/kube-dns asked for 10.96.0.10 explicitly
    expect(specOf(c.runtime.api.get('services', 'kube-system', 'kube-dns')).clusterIP).toBe('10.96.0.10');
    const dns = specOf(
      c.runtime.api.create('services', 'default', svc('my-dns', { clusterIP: '10.96.0.11' }), kubectl),
    );
    expect(dns.clusterIPs).toEqual(['10.96.0.11']);
    expect(dns.ipFamilies).toEqual(['IPv4']);
    expect(dns.ipFamilyPolicy).toBe('SingleStack');
    expect(
      errorOf(() =>
        c.runtime.api.create('services', 'default', svc('dup', { clusterIP: '10.96.0.10' }), kubectl),
      ),
    ).toBe(
      'Service "dup" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
  });

  it('the bootstrap kubernetes Service holds 10.96.0.1', () => {
    const c = createCluster({ nodes: 1 });
    expect(
      errorOf(() =>
        c.runtime.api.create('services', 'default', svc('x', { clusterIP: '10.96.0.1' }), kubectl),
      ),
    ).toContain('provided IP is already allocated');
  });

  it('headless and ExternalName Services get no IP', () => {
    const c = createCluster({ nodes: 1 });
    const headless = specOf(
      c.runtime.api.create('services', 'default', svc('h', { clusterIP: 'None' }), kubectl),
    );
    expect(headless.clusterIPs).toEqual(['None']);
    const ext = c.runtime.api.create(
      'services',
      'default',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'ext', namespace: 'default' },
        spec: { type: 'ExternalName', externalName: 'example.com' },
      },
      kubectl,
    );
    expect(specOf(ext).clusterIP).toBeUndefined();
  });

  it('a deleted Service releases its IP and node port; a dry run reserves nothing', () => {
    const c = createCluster({ nodes: 1 });
    const api = c.runtime.api;
    api.create(
      'services',
      'default',
      svc('n', { type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30100 }] }),
      {
        actor: 'kubectl',
        dryRun: true,
      },
    );
    const made = api.create(
      'services',
      'default',
      svc('n', { type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30100 }] }),
      kubectl,
    );
    expect(specOf(made).ports?.[0]?.nodePort).toBe(30100);
    api.delete('services', 'default', 'n', {}, kubectl);
    const again = api.create(
      'services',
      'default',
      svc('m', { type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30100 }] }),
      kubectl,
    );
    expect(specOf(again).clusterIP).toBe('10.96.0.50');
  });

  it('an update that omits clusterIP and nodePort keeps them; changing clusterIP is refused', () => {
    const c = createCluster({ nodes: 1 });
    const api = c.runtime.api;
    const made = api.create('services', 'default', svc('w', { type: 'NodePort' }), kubectl);
    const port = specOf(made).ports?.[0]?.nodePort;
    const replaced = api.update('services', 'default', svc('w', { type: 'NodePort' }), kubectl);
    expect(specOf(replaced).clusterIP).toBe(specOf(made).clusterIP);
    expect(specOf(replaced).ports?.[0]?.nodePort).toBe(port);
    const moved = svc('w', { type: 'NodePort', clusterIP: '10.96.9.9', clusterIPs: ['10.96.9.9'] });
    expect(errorOf(() => api.update('services', 'default', moved, kubectl))).toMatch(
      /^Service "w" is invalid: spec\.clusterIPs\[0\]: Invalid value: .*may not change once set/,
    );
  });

  it('NodePort -> ClusterIP releases the node port; ClusterIP -> NodePort allocates one', () => {
    const c = createCluster({ nodes: 1 });
    const api = c.runtime.api;
    api.create(
      'services',
      'default',
      svc('p', { type: 'NodePort', ports: [{ port: 80, nodePort: 30200 }] }),
      kubectl,
    );
    const cur = api.get('services', 'default', 'p');
    const asClusterIP = {
      ...cur,
      spec: { ...specOf(cur), type: 'ClusterIP', externalTrafficPolicy: undefined },
    } as KubeObject;
    const down = api.update(
      'services',
      'default',
      JSON.parse(JSON.stringify(asClusterIP)) as KubeObject,
      kubectl,
    );
    expect(specOf(down).ports?.[0]?.nodePort).toBeUndefined();
    const q = api.create(
      'services',
      'default',
      svc('q', { type: 'NodePort', ports: [{ port: 80, nodePort: 30200 }] }),
      kubectl,
    );
    expect(specOf(q).ports?.[0]?.nodePort).toBe(30200);
    const curQ = api.get('services', 'default', 'p');
    const up = api.update(
      'services',
      'default',
      { ...curQ, spec: { ...specOf(curQ), type: 'NodePort' } } as KubeObject,
      kubectl,
    );
    const np = specOf(up).ports?.[0]?.nodePort ?? 0;
    expect(np).toBeGreaterThanOrEqual(30000 + 86);
    expect(np).toBeLessThanOrEqual(32767);
  });

  it('errors through kubectl apply, and kubectl get svc shows the allocations', () => {
    const c = createCluster({ nodes: 1 });
    const manifest = (name: string, extra: string, port = '') =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: web\n${extra}  ports:\n  - port: 80\n    targetPort: 8080\n${port}`;
    expect(c.run('kubectl apply -f -', manifest('web', '  type: NodePort\n')).code).toBe(0);
    expect(
      c.run('kubectl apply -f -', manifest('fixed', '  type: NodePort\n', '    nodePort: 30080\n')).code,
    ).toBe(0);
    expect(
      c.run('kubectl apply -f -', manifest('again', '  type: NodePort\n', '    nodePort: 30080\n')).stderr,
    ).toBe(
      'The Service "again" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
    );
    expect(
      c.run('kubectl apply -f -', manifest('low', '  type: NodePort\n', '    nodePort: 80\n')).stderr,
    ).toBe(
      'The Service "low" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
    expect(c.run('kubectl apply -f -', manifest('far', '  clusterIP: 10.200.0.1\n')).stderr).toBe(
      'The Service "far" is invalid: spec.clusterIPs: Invalid value: []string{"10.200.0.1"}: failed to allocate IP 10.200.0.1: the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12\n',
    );
    // re-applying the same manifest is not a change (the allocated values are kept)
    expect(c.run('kubectl apply -f -', manifest('web', '  type: NodePort\n')).stdout).toBe(
      'service/web unchanged\n',
    );
    const out = c.run('kubectl get svc web').stdout;
    const web = specOf(c.runtime.api.get('services', 'default', 'web'));
    expect(out).toContain(web.clusterIP ?? 'missing');
    expect(out).toMatch(/80:3\d{4}\/TCP/);
    expect(c.run('kubectl get svc fixed').stdout).toContain('80:30080/TCP');
  });
});
