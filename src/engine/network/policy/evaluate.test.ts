// Table tests of NetworkPolicy semantics, built on the examples of the Kubernetes NetworkPolicy docs.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import { evaluateConnection, policyTypesOf, type PolicyPeer } from './evaluate';

function pod(
  ns: string,
  name: string,
  labels: Record<string, string>,
  ip: string,
  ports: [string, number][] = [],
): PolicyPeer {
  const p: Pod = {
    metadata: { namespace: ns, name, labels },
    spec: {
      containers: [{ name: 'c', ports: ports.map(([n, port]) => ({ name: n, containerPort: port })) }],
    },
    status: { podIP: ip },
  };
  return {
    ip,
    pod: p,
    namespaceLabels: {
      'kubernetes.io/metadata.name': ns,
      ...(ns === 'myproject' ? { project: 'myproject' } : {}),
    },
  };
}
const np = (ns: string, name: string, spec: NetworkPolicy['spec']): NetworkPolicy => ({
  metadata: { namespace: ns, name },
  spec,
});

// the "test-network-policy" example from the docs
const docsExample = np('default', 'test-network-policy', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Ingress', 'Egress'],
  ingress: [
    {
      from: [
        { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } },
        { namespaceSelector: { matchLabels: { project: 'myproject' } } },
        { podSelector: { matchLabels: { role: 'frontend' } } },
      ],
      ports: [{ protocol: 'TCP', port: 6379 }],
    },
  ],
  egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
});
const defaultDenyIngress = np('default', 'default-deny-ingress', {
  podSelector: {},
  policyTypes: ['Ingress'],
});
const allowAllIngress = np('default', 'allow-all-ingress', { podSelector: {}, ingress: [{}] });
const defaultDenyEgress = np('default', 'default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
const andSelector = np('default', 'and', {
  podSelector: { matchLabels: { role: 'db' } },
  ingress: [
    {
      from: [
        {
          namespaceSelector: { matchLabels: { project: 'myproject' } },
          podSelector: { matchLabels: { role: 'client' } },
        },
      ],
    },
  ],
});
const endPort = np('default', 'multi-port-egress', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Egress'],
  egress: [
    { to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] },
  ],
});
const named = np('default', 'named', {
  podSelector: { matchLabels: { role: 'db' } },
  ingress: [{ ports: [{ port: 'redis' }] }],
});

const db = pod('default', 'db', { role: 'db' }, '10.244.1.10', [['redis', 6379]]);
const frontend = pod('default', 'fe', { role: 'frontend' }, '10.244.1.11');
const other = pod('default', 'other', { role: 'other' }, '10.244.1.12');
const projClient = pod('myproject', 'pc', { role: 'client' }, '10.244.2.5');
const projOther = pod('myproject', 'po', { role: 'x' }, '10.244.2.6');
const ext = (ip: string): PolicyPeer => ({ ip });

const rows: {
  name: string;
  policies: NetworkPolicy[];
  src: PolicyPeer;
  dst: PolicyPeer;
  port: number;
  protocol?: string;
  allowed: boolean;
  by?: string;
}[] = [
  { name: 'no policies: non-isolated', policies: [], src: other, dst: db, port: 6379, allowed: true },
  {
    name: 'docs example: frontend pod to 6379',
    policies: [docsExample],
    src: frontend,
    dst: db,
    port: 6379,
    allowed: true,
    by: 'default/test-network-policy',
  },
  {
    name: 'docs example: wrong port',
    policies: [docsExample],
    src: frontend,
    dst: db,
    port: 6380,
    allowed: false,
  },
  {
    name: 'docs example: other pod denied',
    policies: [docsExample],
    src: other,
    dst: db,
    port: 6379,
    allowed: false,
  },
  {
    name: 'docs example: namespace myproject allowed',
    policies: [docsExample],
    src: projOther,
    dst: db,
    port: 6379,
    allowed: true,
  },
  {
    name: 'docs example: ipBlock allowed',
    policies: [docsExample],
    src: ext('172.17.2.3'),
    dst: db,
    port: 6379,
    allowed: true,
  },
  {
    name: 'docs example: ipBlock except denied',
    policies: [docsExample],
    src: ext('172.17.1.3'),
    dst: db,
    port: 6379,
    allowed: false,
  },
  {
    name: 'docs example: db egress to 10.0.0.5:5978',
    policies: [docsExample],
    src: db,
    dst: ext('10.0.0.5'),
    port: 5978,
    allowed: true,
  },
  {
    name: 'docs example: db egress elsewhere denied',
    policies: [docsExample],
    src: db,
    dst: ext('10.0.1.5'),
    port: 5978,
    allowed: false,
  },
  {
    name: 'docs example: unselected pod egress free',
    policies: [docsExample],
    src: other,
    dst: ext('8.8.8.8'),
    port: 53,
    protocol: 'UDP',
    allowed: true,
  },
  {
    name: 'default deny ingress',
    policies: [defaultDenyIngress],
    src: frontend,
    dst: db,
    port: 80,
    allowed: false,
  },
  {
    name: 'default deny + allow-all is additive',
    policies: [defaultDenyIngress, allowAllIngress],
    src: frontend,
    dst: db,
    port: 80,
    allowed: true,
    by: 'default/allow-all-ingress',
  },
  {
    name: 'default deny egress blocks client',
    policies: [defaultDenyEgress],
    src: frontend,
    dst: projClient,
    port: 80,
    allowed: false,
  },
  {
    name: 'deny ingress in default does not touch myproject',
    policies: [defaultDenyIngress],
    src: frontend,
    dst: projClient,
    port: 80,
    allowed: true,
  },
  {
    name: 'namespaceSelector AND podSelector: both match',
    policies: [andSelector],
    src: projClient,
    dst: db,
    port: 80,
    allowed: true,
  },
  {
    name: 'namespaceSelector AND podSelector: pod mismatch',
    policies: [andSelector],
    src: projOther,
    dst: db,
    port: 80,
    allowed: false,
  },
  {
    name: 'namespaceSelector AND podSelector: ns mismatch',
    policies: [andSelector],
    src: pod('default', 'c', { role: 'client' }, '10.244.1.20'),
    dst: db,
    port: 80,
    allowed: false,
  },
  {
    name: 'endPort range inside',
    policies: [endPort],
    src: db,
    dst: ext('10.0.0.9'),
    port: 32500,
    allowed: true,
  },
  {
    name: 'endPort range outside',
    policies: [endPort],
    src: db,
    dst: ext('10.0.0.9'),
    port: 32769,
    allowed: false,
  },
  {
    name: 'named port matches the container port',
    policies: [named],
    src: other,
    dst: db,
    port: 6379,
    allowed: true,
  },
  {
    name: 'named port other number denied',
    policies: [named],
    src: other,
    dst: db,
    port: 80,
    allowed: false,
  },
  {
    name: 'protocol must match (UDP vs TCP rule)',
    policies: [docsExample],
    src: frontend,
    dst: db,
    port: 6379,
    protocol: 'UDP',
    allowed: false,
  },
];

describe('evaluateConnection', () => {
  for (const r of rows) {
    it(r.name, () => {
      const v = evaluateConnection(r.policies, {
        src: r.src,
        dst: r.dst,
        port: r.port,
        protocol: r.protocol ?? 'TCP',
      });
      expect(v.allowed).toBe(r.allowed);
      if (r.by) expect([...(v.ingress?.policies ?? []), ...(v.egress?.policies ?? [])]).toContain(r.by);
      if (!r.allowed) {
        const denied = [v.ingress, v.egress].find((d) => d && !d.allowed);
        expect(denied?.reason).toMatch(/denied: .* isolated by default\//);
      }
    });
  }
  it('policyTypes default: Egress only when egress rules exist', () => {
    expect(policyTypesOf(allowAllIngress)).toEqual(['Ingress']);
    expect(policyTypesOf(np('d', 'x', { podSelector: {}, egress: [{}] }))).toEqual(['Ingress', 'Egress']);
  });
});
