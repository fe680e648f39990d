// IPAM per plugin model, and the per-plugin datapath/policy declarations that `sim cni compare` prints.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { node } from '../kubeproxy/testObjects';
import { cidrContains } from '../ip';
import { ALL_CNI, createPlugin } from './index';

const n1 = node('node-1', '172.18.0.3', '10.244.1.0/24');
const n2 = node('node-2', '172.18.0.4', '10.244.2.0/24');
const pod = { metadata: { name: 'p' } };

describe('IPAM per plugin', () => {
  const rows: { cni: (typeof ALL_CNI)[number]; first1: string; first2: string; range2: string }[] = [
    { cni: 'flannel', first1: '10.244.1.2', first2: '10.244.2.2', range2: '10.244.2.0/24' },
    { cni: 'antrea', first1: '10.244.1.2', first2: '10.244.2.2', range2: '10.244.2.0/24' },
    { cni: 'cilium', first1: '10.0.0.2', first2: '10.0.1.2', range2: '10.0.1.0/24' },
    { cni: 'calico', first1: '192.168.0.0', first2: '192.168.0.64', range2: '192.168.0.64/26' },
    { cni: 'weave', first1: '10.32.0.1', first2: '10.40.0.1', range2: '10.40.0.0-10.47.255.255' },
  ];
  for (const r of rows)
    it(`${r.cni}: first addresses and node ranges`, () => {
      const p = createPlugin(r.cni);
      expect(p.ipam.allocate(n1, pod)).toBe(r.first1);
      expect(p.ipam.allocate(n2, pod)).toBe(r.first2);
      expect(p.ipam.rangeOf(n2)).toBe(r.range2);
    });
  it('calico claims a second /26 block when the first is full', () => {
    const p = createPlugin('calico');
    for (let i = 0; i < 64; i++) p.ipam.allocate(n1, pod);
    p.ipam.allocate(n2, pod);
    expect(p.ipam.allocate(n1, pod)).toBe('192.168.0.128');
    expect(p.ipam.rangeOf(n1)).toBe('192.168.0.0/26,192.168.0.128/26');
  });
  it('never hands out an address twice while in use, and stays in the node range (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_CNI), fc.array(fc.boolean(), { maxLength: 300 }), (cni, ops) => {
        const p = createPlugin(cni);
        const live: string[] = [];
        for (const alloc of ops) {
          if (alloc || live.length === 0) {
            const ip = p.ipam.allocate(n1, pod);
            if (ip === undefined) continue;
            expect(live).not.toContain(ip);
            live.push(ip);
          } else p.ipam.release(live.shift() as string);
        }
        if (cni === 'flannel' || cni === 'antrea')
          for (const ip of live) expect(cidrContains('10.244.1.0/24', ip)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('plugin declarations', () => {
  it('only flannel leaves NetworkPolicy unenforced; only cilium does L7', () => {
    const ps = ALL_CNI.map((n) => createPlugin(n));
    expect(ps.filter((p) => !p.enforcesPolicy).map((p) => p.name)).toEqual(['flannel']);
    expect(ps.filter((p) => p.policyLevel.includes('L7')).map((p) => p.name)).toEqual(['cilium']);
  });
  it('calico encapsulation modes change the cross-node hops', () => {
    const a = { ip: '192.168.0.1', node: 'node-1', nodeIp: '172.18.0.3' };
    const b = { ip: '192.168.0.65', node: 'node-2', nodeIp: '172.18.0.4' };
    const view = { node: () => undefined } as never;
    const at = (p: ReturnType<typeof createPlugin>) => p.path(a, b, view).map((h) => h.at);
    expect(at(createPlugin('calico', { calicoEncapsulation: 'IPIP' }))).toContain('tunl0');
    expect(at(createPlugin('calico', { calicoEncapsulation: 'VXLAN' }))).toContain('vxlan.calico');
    expect(
      at(createPlugin('calico', { calicoEncapsulation: 'None' })).filter(
        (x) => x.includes('tunl0') || x.includes('vxlan'),
      ),
    ).toEqual([]);
    // same node: no bridge for calico, a bridge for flannel
    expect(
      createPlugin('calico')
        .path(a, { ...b, node: 'node-1' }, view)
        .map((h) => h.at),
    ).not.toContain('cni0');
  });
});
