// Corefile parsing, Kubernetes DNS records per the DNS spec, and resolv.conf search-path expansion.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_COREFILE } from '../../cluster/systemWorkloads/coredns';
import { slice, svc } from '../kubeproxy/testObjects';
import { viewFromObjects } from '../view';
import { parseCorefile, type ServerBlock } from './corefile';
import { candidateNames, podResolvConf, renderResolvConf } from './resolvConf';
import { coreDnsServe } from './server';

const STUB = `${DEFAULT_COREFILE}example.com:53 {
    errors
    cache 30
    forward . 10.0.0.53
}
`;

describe('parseCorefile', () => {
  it('parses the kubeadm Corefile and a stub zone', () => {
    const r = parseCorefile(STUB);
    if (!r.ok) throw new Error(r.error);
    expect(r.blocks.map((b) => b.zones)).toEqual([
      [{ zone: '.', port: 53 }],
      [{ zone: 'example.com.', port: 53 }],
    ]);
    const k8s = r.blocks[0]?.directives.find((d) => d.name === 'kubernetes');
    expect(k8s?.args).toEqual(['cluster.local', 'in-addr.arpa', 'ip6.arpa']);
    expect(k8s?.block.map((d) => [d.name, ...d.args])).toEqual([
      ['pods', 'insecure'],
      ['fallthrough', 'in-addr.arpa', 'ip6.arpa'],
      ['ttl', '30'],
    ]);
    expect(r.blocks[0]?.directives.map((d) => d.name)).toEqual([
      'errors',
      'health',
      'ready',
      'kubernetes',
      'prometheus',
      'forward',
      'cache',
      'loop',
      'reload',
      'loadbalance',
    ]);
  });
  const bad: { name: string; text: string; error: string }[] = [
    {
      name: 'unknown plugin',
      text: '.:53 {\n  errors\n  bogus\n}\n',
      error: "Corefile:3 - Error during parsing: Unknown directive 'bogus'",
    },
    {
      name: 'unclosed block',
      text: '.:53 {\n  errors\n',
      error: 'Corefile:2 - Error during parsing: Unexpected EOF',
    },
    {
      name: 'stray brace',
      text: '}\n',
      error: "Corefile:1 - Error during parsing: Unexpected '}' because no matching opening brace",
    },
    {
      name: 'forward without upstream',
      text: '.:53 {\n  forward .\n}\n',
      error:
        "Corefile:2 - Error during parsing: Wrong argument count or unexpected line ending after 'forward'",
    },
    {
      name: 'bad pods mode',
      text: '.:53 {\n kubernetes cluster.local {\n  pods maybe\n }\n}\n',
      error:
        'Corefile:3 - Error during parsing: plugin/kubernetes: Value for pods must be one of: disabled, verified, insecure',
    },
  ];
  for (const b of bad)
    it(`reports ${b.name}`, () => expect(parseCorefile(b.text)).toEqual({ ok: false, error: b.error }));
});

const headless = svc('nginx', 'None', { ports: [{ name: 'web', port: 80, protocol: 'TCP' }] });
const view = viewFromObjects({
  namespaces: [{ metadata: { name: 'default' } }, { metadata: { name: 'kube-system' } }],
  services: [
    svc('web', '10.96.0.50'),
    headless,
    svc('ext', '', { type: 'ExternalName', externalName: 'example.com', clusterIP: undefined, ports: [] }),
    svc('empty', 'None', { ports: [{ name: 'web', port: 80 }] }),
  ],
  slices: [
    slice(
      'nginx',
      [
        { ip: '10.244.1.7', node: 'node-1', hostname: 'web-0' },
        { ip: '10.244.2.8', node: 'node-2', hostname: 'web-1' },
        { ip: '10.244.2.9', node: 'node-2', hostname: 'web-2', ready: false },
      ],
      80,
      'web',
    ),
  ],
});
const blocks = (parseCorefile(STUB) as { blocks: ServerBlock[] }).blocks;

describe('coreDnsServe', () => {
  const rows: { name: string; q: string; type?: 'A' | 'SRV' | 'PTR'; rcode: string; data: string[] }[] = [
    {
      name: 'ClusterIP service A',
      q: 'web.default.svc.cluster.local',
      rcode: 'NOERROR',
      data: ['10.96.0.50'],
    },
    {
      name: 'headless: ready endpoints only',
      q: 'nginx.default.svc.cluster.local',
      rcode: 'NOERROR',
      data: ['10.244.1.7', '10.244.2.8'],
    },
    {
      name: 'StatefulSet pod via endpoint hostname',
      q: 'web-0.nginx.default.svc.cluster.local',
      rcode: 'NOERROR',
      data: ['10.244.1.7'],
    },
    {
      name: 'not-ready endpoint hostname',
      q: 'web-2.nginx.default.svc.cluster.local',
      rcode: 'NXDOMAIN',
      data: [],
    },
    {
      name: 'SRV of ClusterIP named port',
      q: '_http._tcp.web.default.svc.cluster.local',
      type: 'SRV',
      rcode: 'NOERROR',
      data: ['0 100 80 web.default.svc.cluster.local'],
    },
    {
      name: 'SRV of headless per endpoint',
      q: '_web._tcp.nginx.default.svc.cluster.local',
      type: 'SRV',
      rcode: 'NOERROR',
      data: [
        '0 50 80 web-0.nginx.default.svc.cluster.local',
        '0 50 80 web-1.nginx.default.svc.cluster.local',
      ],
    },
    {
      name: 'pod A record (pods insecure)',
      q: '10-244-1-5.default.pod.cluster.local',
      rcode: 'NOERROR',
      data: ['10.244.1.5'],
    },
    {
      name: 'pod A record in unknown namespace',
      q: '10-244-1-5.nope.pod.cluster.local',
      rcode: 'NXDOMAIN',
      data: [],
    },
    {
      name: 'ExternalName CNAME chased (through the example.com stub zone)',
      q: 'ext.default.svc.cluster.local',
      rcode: 'NOERROR',
      data: ['example.com', '10.0.0.10'],
    },
    { name: 'headless without endpoints', q: 'empty.default.svc.cluster.local', rcode: 'NXDOMAIN', data: [] },
    { name: 'unknown service', q: 'nope.default.svc.cluster.local', rcode: 'NXDOMAIN', data: [] },
    {
      name: 'stub zone through forward 10.0.0.53',
      q: 'db.example.com',
      rcode: 'NOERROR',
      data: ['10.0.0.20'],
    },
    {
      name: 'internet name through /etc/resolv.conf',
      q: 'kubernetes.io',
      rcode: 'NOERROR',
      data: ['15.197.167.90'],
    },
    {
      name: 'PTR of a ClusterIP',
      q: '50.0.96.10.in-addr.arpa',
      type: 'PTR',
      rcode: 'NOERROR',
      data: ['web.default.svc.cluster.local'],
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const res = coreDnsServe(view, blocks, r.q, r.type ?? 'A');
      expect(res.rcode).toBe(r.rcode);
      expect(
        res.answers.map((a) =>
          a.srv ? `${a.srv.priority} ${a.srv.weight} ${a.srv.port} ${a.data}` : a.data,
        ),
      ).toEqual(r.data);
    });
  it('uses the kubernetes ttl from the Corefile', () => {
    expect(coreDnsServe(view, blocks, 'web.default.svc.cluster.local', 'A').answers[0]?.ttl).toBe(30);
  });
});

describe('resolv.conf', () => {
  const pod = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
    metadata: { namespace: 'shop', name: 'p' },
    spec: { containers: [], ...spec },
  });
  it('ClusterFirst', () =>
    expect(renderResolvConf(podResolvConf(pod({}), '10.96.0.10'))).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    ));
  it('hostNetwork ClusterFirst falls back to Default; ClusterFirstWithHostNet does not', () => {
    expect(podResolvConf(pod({ hostNetwork: true }), '10.96.0.10').nameservers).toEqual(['172.18.0.1']);
    expect(
      podResolvConf(pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }), '10.96.0.10')
        .nameservers,
    ).toEqual(['10.96.0.10']);
  });
  it('None + dnsConfig', () =>
    expect(
      renderResolvConf(
        podResolvConf(
          pod({
            dnsPolicy: 'None',
            dnsConfig: {
              nameservers: ['1.1.1.1'],
              searches: ['corp.example.com'],
              options: [{ name: 'ndots', value: '2' }],
            },
          }),
          '10.96.0.10',
        ),
      ),
    ).toBe('search corp.example.com\nnameserver 1.1.1.1\noptions ndots:2\n'));
  const rc = podResolvConf(pod({}), '10.96.0.10');
  const rows: { name: string; q: string; expected: string[] }[] = [
    {
      name: 'short name: search first',
      q: 'web',
      expected: ['web.shop.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'],
    },
    {
      name: 'FQDN with trailing dot: only itself',
      q: 'web.default.svc.cluster.local.',
      expected: ['web.default.svc.cluster.local'],
    },
    {
      name: '4 dots < ndots 5: search first',
      q: 'web.default.svc.cluster.local',
      expected: [
        'web.default.svc.cluster.local.shop.svc.cluster.local',
        'web.default.svc.cluster.local.svc.cluster.local',
        'web.default.svc.cluster.local.cluster.local',
        'web.default.svc.cluster.local',
      ],
    },
    {
      name: '5 dots: as-is first',
      q: 'a.b.c.d.e.f',
      expected: [
        'a.b.c.d.e.f',
        'a.b.c.d.e.f.shop.svc.cluster.local',
        'a.b.c.d.e.f.svc.cluster.local',
        'a.b.c.d.e.f.cluster.local',
      ],
    },
  ];
  for (const r of rows) it(r.name, () => expect(candidateNames(r.q, rc)).toEqual(r.expected));
});
