// kube-proxy model: endpoint selection (ready only, terminating fallback), traffic policies, affinity, ipvs rr.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/rng';
import { viewFromObjects } from '../view';
import { routeRequest, type RouteRequest } from './route';
import { proxyStateFor, type ProxyMode } from './state';
import { node, slice, svc, type EpSpec } from './testObjects';

const nodes = [node('node-1', '172.18.0.3', '10.244.1.0/24'), node('node-2', '172.18.0.4', '10.244.2.0/24')];
const req = (over: Partial<RouteRequest> = {}): RouteRequest => ({
  dstIp: '10.96.0.50',
  dstPort: 80,
  protocol: 'TCP',
  clientIp: '10.244.1.9',
  node: 'node-1',
  fromOutside: false,
  nowMs: 0,
  ...over,
});

function run(
  spec: Parameters<typeof svc>[2],
  eps: EpSpec[],
  n: number,
  over: Partial<RouteRequest> = {},
  mode: ProxyMode = 'iptables',
) {
  const view = viewFromObjects({
    services: [svc('web', '10.96.0.50', spec)],
    slices: [slice('web', eps)],
    nodes,
  });
  const state = proxyStateFor({}, () => createRng(7));
  const seen: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = routeRequest(view, state, mode, req({ nowMs: i * 1000, ...over }));
    seen.push(r.kind === 'dnat' ? r.endpoint.ip : r.kind);
  }
  return seen;
}

const A = { ip: '10.244.1.5', node: 'node-1' };
const B = { ip: '10.244.2.5', node: 'node-2' };
const C = { ip: '10.244.2.6', node: 'node-2', ready: false };

describe('routeRequest', () => {
  const rows: {
    name: string;
    spec?: Parameters<typeof svc>[2];
    eps: EpSpec[];
    over?: Partial<RouteRequest>;
    mode?: ProxyMode;
    expected: string[];
  }[] = [
    { name: 'no endpoints -> REJECT', eps: [], expected: ['reject'] },
    { name: 'only not-ready endpoints -> REJECT', eps: [C], expected: ['reject'] },
    { name: 'not-ready endpoint never chosen', eps: [A, C], expected: ['10.244.1.5'] },
    {
      name: 'terminating+serving used only when no ready',
      eps: [{ ...B, ready: false, serving: true, terminating: true }],
      expected: ['10.244.2.5'],
    },
    {
      name: 'terminating ignored while a ready one exists',
      eps: [A, { ...B, ready: false, serving: true, terminating: true }],
      expected: ['10.244.1.5'],
    },
    {
      name: 'internalTrafficPolicy Local: only same-node',
      spec: { internalTrafficPolicy: 'Local' },
      eps: [A, B],
      expected: ['10.244.1.5'],
    },
    {
      name: 'internalTrafficPolicy Local, none local -> DROP',
      spec: { internalTrafficPolicy: 'Local' },
      eps: [B],
      expected: ['drop'],
    },
    {
      name: 'externalTrafficPolicy Local on NodePort from outside',
      spec: {
        type: 'NodePort',
        externalTrafficPolicy: 'Local',
        ports: [{ name: 'http', port: 80, nodePort: 30080, protocol: 'TCP' }],
      },
      eps: [A, B],
      over: { dstIp: '172.18.0.4', dstPort: 30080, node: 'node-2', fromOutside: true },
      expected: ['10.244.2.5'],
    },
    {
      name: 'externalTrafficPolicy Local, node without endpoints -> DROP',
      spec: {
        type: 'NodePort',
        externalTrafficPolicy: 'Local',
        ports: [{ name: 'http', port: 80, nodePort: 30080, protocol: 'TCP' }],
      },
      eps: [A],
      over: { dstIp: '172.18.0.4', dstPort: 30080, node: 'node-2', fromOutside: true },
      expected: ['drop'],
    },
    {
      name: 'ipvs round robin',
      eps: [A, B],
      mode: 'ipvs',
      expected: ['10.244.1.5', '10.244.2.5', '10.244.1.5', '10.244.2.5'],
    },
    {
      name: 'ClientIP affinity sticks',
      spec: { sessionAffinity: 'ClientIP' },
      eps: [A, B],
      mode: 'ipvs',
      expected: ['10.244.1.5', '10.244.1.5', '10.244.1.5'],
    },
    { name: 'port not served -> direct (no rule)', eps: [A], over: { dstPort: 81 }, expected: ['direct'] },
  ];
  for (const r of rows)
    it(r.name, () => expect(run(r.spec ?? {}, r.eps, r.expected.length, r.over, r.mode)).toEqual(r.expected));

  it('iptables mode spreads over every ready endpoint and is seeded', () => {
    const seen = run({}, [A, B, { ip: '10.244.2.7', node: 'node-2' }, C], 300);
    const counts = new Map<string, number>();
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['10.244.1.5', '10.244.2.5', '10.244.2.7']);
    for (const c of counts.values()) expect(c).toBeGreaterThan(60);
    expect(run({}, [A, B], 20)).toEqual(run({}, [A, B], 20));
  });

  it('affinity expires after timeoutSeconds of silence', () => {
    const view = viewFromObjects({
      services: [
        svc('web', '10.96.0.50', {
          sessionAffinity: 'ClientIP',
          sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } },
        }),
      ],
      slices: [slice('web', [A, B])],
      nodes,
    });
    const state = proxyStateFor({}, () => createRng(1));
    const at = (ms: number) => {
      const r = routeRequest(view, state, 'ipvs', req({ nowMs: ms }));
      return r.kind === 'dnat' ? [r.endpoint.ip, r.sticky] : [];
    };
    expect(at(0)).toEqual(['10.244.1.5', false]);
    expect(at(9000)).toEqual(['10.244.1.5', true]);
    expect(at(30000)).toEqual(['10.244.2.5', false]);
  });

  it('prints iptables chains with probabilities and the DNAT', () => {
    const view = viewFromObjects({
      services: [svc('web', '10.96.0.50')],
      slices: [slice('web', [A, B])],
      nodes,
    });
    const r = routeRequest(
      view,
      proxyStateFor({}, () => createRng(1)),
      'iptables',
      req(),
    );
    if (r.kind !== 'dnat') throw new Error(r.kind);
    expect(r.rules[0]).toMatch(
      /^-A KUBE-SERVICES -d 10\.96\.0\.50\/32 -p tcp -m comment --comment "default\/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-[A-Z2-7]{16}$/,
    );
    expect(r.rules.some((l) => l.includes('--probability 0.5000000000'))).toBe(true);
    expect(r.rules.at(-1)).toContain(`DNAT --to-destination ${r.endpoint.ip}:8080`);
  });
});
