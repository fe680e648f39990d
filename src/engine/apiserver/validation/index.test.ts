// Table tests for validateObject: each case lists the (type, field) pairs Kubernetes reports, like ErrorMatcher ByType ByField.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import type { ResourceInfo } from '../types';
import { R, deployment, pod, podTemplate, service, check, withSpec, S, type Expect } from './testFixtures';

interface Case {
  name: string;
  resource: ResourceInfo;
  obj: () => KubeObject;
  expected: Expect;
}

const cases: Case[] = [
  { name: 'valid deployment', resource: R.Deployment, obj: deployment, expected: [] },
  { name: 'valid pod', resource: R.Pod, obj: pod, expected: [] },
  { name: 'valid service', resource: R.Service, obj: service, expected: [] },
  {
    name: 'name required',
    resource: R.Deployment,
    obj: withSpec(deployment, (_s, o) => delete o.metadata.name),
    expected: [['FieldValueRequired', 'metadata.name']],
  },
  {
    name: 'bad subdomain name',
    resource: R.Deployment,
    obj: withSpec(deployment, (_s, o) => (o.metadata.name = 'My_App')),
    expected: [['FieldValueInvalid', 'metadata.name']],
  },
  {
    name: 'service names are DNS-1035 labels',
    resource: R.Service,
    obj: withSpec(service, (_s, o) => (o.metadata.name = '1web')),
    expected: [['FieldValueInvalid', 'metadata.name']],
  },
  {
    name: 'namespace required for namespaced kinds',
    resource: R.Pod,
    obj: withSpec(pod, (_s, o) => delete o.metadata.namespace),
    expected: [['FieldValueRequired', 'metadata.namespace']],
  },
  {
    name: 'bad label value',
    resource: R.Pod,
    obj: withSpec(pod, (_s, o) => (o.metadata.labels = { app: 'a b' })),
    expected: [['FieldValueInvalid', 'metadata.labels']],
  },
  {
    name: 'negative replicas',
    resource: R.Deployment,
    obj: withSpec(deployment, (s) => (s.replicas = -1)),
    expected: [['FieldValueInvalid', 'spec.replicas']],
  },
  {
    name: 'missing selector',
    resource: R.Deployment,
    obj: withSpec(deployment, (s) => delete s.selector),
    expected: [['FieldValueRequired', 'spec.selector']],
  },
  {
    name: 'empty selector',
    resource: R.Deployment,
    obj: withSpec(deployment, (s) => (s.selector = {})),
    expected: [['FieldValueInvalid', 'spec.selector']],
  },
  {
    name: 'selector does not match template',
    resource: R.Deployment,
    obj: withSpec(deployment, (s) => (s.template = podTemplate({ app: 'x' }))),
    expected: [['FieldValueInvalid', 'spec.template.metadata.labels']],
  },
  {
    name: 'bad selector operator and missing values',
    resource: R.Deployment,
    obj: withSpec(deployment, (s) => {
      s.selector = {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'a', operator: 'Near' },
          { key: 'b', operator: 'In' },
        ],
      };
    }),
    expected: [
      ['FieldValueInvalid', 'spec.selector.matchExpressions[0].operator'],
      ['FieldValueRequired', 'spec.selector.matchExpressions[1].values'],
    ],
  },
  {
    name: 'maxSurge and maxUnavailable both 0',
    resource: R.Deployment,
    obj: withSpec(
      deployment,
      (s) => (s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
    ),
    expected: [['FieldValueInvalid', 'spec.strategy.rollingUpdate.maxUnavailable']],
  },
  {
    name: 'bad percent and over 100%',
    resource: R.Deployment,
    obj: withSpec(
      deployment,
      (s) =>
        (s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'abc', maxUnavailable: '120%' } }),
    ),
    expected: [
      ['FieldValueInvalid', 'spec.strategy.rollingUpdate.maxSurge'],
      ['FieldValueInvalid', 'spec.strategy.rollingUpdate.maxUnavailable'],
    ],
  },
  {
    name: 'Recreate with rollingUpdate',
    resource: R.Deployment,
    obj: withSpec(deployment, (s) => (s.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } })),
    expected: [['FieldValueForbidden', 'spec.strategy.rollingUpdate']],
  },
  {
    name: 'progressDeadlineSeconds not above minReadySeconds, negative history',
    resource: R.Deployment,
    obj: withSpec(deployment, (s) => Object.assign(s, { minReadySeconds: 700, revisionHistoryLimit: -1 })),
    expected: [
      ['FieldValueInvalid', 'spec.revisionHistoryLimit'],
      ['FieldValueInvalid', 'spec.progressDeadlineSeconds'],
    ],
  },
  {
    name: 'template restartPolicy must be Always',
    resource: R.Deployment,
    obj: withSpec(deployment, (s) => (S(S(s, 'template'), 'spec').restartPolicy = 'Never')),
    expected: [['FieldValueNotSupported', 'spec.template.spec.restartPolicy']],
  },
  {
    name: 'replicaset template error paths',
    resource: R.ReplicaSet,
    obj: withSpec(deployment, (s) => ((S(S(s, 'template'), 'spec').containers as unknown[]) = [])),
    expected: [['FieldValueRequired', 'spec.template.spec.containers']],
  },
  {
    name: 'pod: duplicate container names, missing image, bad name',
    resource: R.Pod,
    obj: withSpec(
      pod,
      (s) => (s.containers = [{ name: 'a', image: 'x' }, { name: 'a' }, { name: 'B_', image: 'y' }]),
    ),
    expected: [
      ['FieldValueDuplicate', 'spec.containers[1].name'],
      ['FieldValueRequired', 'spec.containers[1].image'],
      ['FieldValueInvalid', 'spec.containers[2].name'],
    ],
  },
  {
    name: 'pod: ports',
    resource: R.Pod,
    obj: withSpec(pod, (s) => {
      s.containers = [
        {
          name: 'c',
          image: 'x',
          ports: [
            { containerPort: 70000 },
            { containerPort: 80, protocol: 'HTTP' },
            { name: 'a-very-long-port-name', containerPort: 81 },
          ],
        },
      ];
    }),
    expected: [
      ['FieldValueInvalid', 'spec.containers[0].ports[0].containerPort'],
      ['FieldValueNotSupported', 'spec.containers[0].ports[1].protocol'],
      ['FieldValueInvalid', 'spec.containers[0].ports[2].name'],
    ],
  },
  {
    name: 'pod: requests above limits and negative quantity',
    resource: R.Pod,
    obj: withSpec(pod, (s) => {
      s.containers = [
        {
          name: 'c',
          image: 'x',
          resources: { limits: { cpu: '1', memory: '-1Gi' }, requests: { cpu: '2' } },
        },
      ];
    }),
    expected: [
      ['FieldValueInvalid', 'spec.containers[0].resources.limits[memory]'],
      ['FieldValueInvalid', 'spec.containers[0].resources.requests'],
      ['FieldValueInvalid', 'spec.containers[0].resources.requests[memory]'],
    ],
  },
  {
    name: 'pod: unparseable quantity and unknown resource',
    resource: R.Pod,
    obj: withSpec(
      pod,
      (s) => (s.containers = [{ name: 'c', image: 'x', resources: { requests: { cpu: 'lots', gpu: '1' } } }]),
    ),
    expected: [
      ['FieldValueInvalid', 'spec.containers[0].resources.requests[cpu]'],
      ['FieldValueInvalid', 'spec.containers[0].resources.requests[gpu]'],
    ],
  },
  {
    name: 'pod: env, mounts and volumes',
    resource: R.Pod,
    obj: withSpec(pod, (s) => {
      s.volumes = [
        { name: 'data', emptyDir: {} },
        { name: 'data', emptyDir: {} },
      ];
      s.containers = [
        {
          name: 'c',
          image: 'x',
          env: [{ name: '' }, { name: 'A=B' }],
          volumeMounts: [{ name: 'nope', mountPath: '/d' }],
        },
      ];
    }),
    expected: [
      ['FieldValueDuplicate', 'spec.volumes[1].name'],
      ['FieldValueRequired', 'spec.containers[0].env[0].name'],
      ['FieldValueInvalid', 'spec.containers[0].env[1].name'],
      ['FieldValueNotFound', 'spec.containers[0].volumeMounts[0].name'],
    ],
  },
  {
    name: 'pod: enums',
    resource: R.Pod,
    obj: withSpec(pod, (s) =>
      Object.assign(s, { restartPolicy: 'Sometimes', dnsPolicy: 'Magic', terminationGracePeriodSeconds: -5 }),
    ),
    expected: [
      ['FieldValueNotSupported', 'spec.restartPolicy'],
      ['FieldValueNotSupported', 'spec.dnsPolicy'],
      ['FieldValueInvalid', 'spec.terminationGracePeriodSeconds'],
    ],
  },
  {
    name: 'pod: tolerations and nodeSelector',
    resource: R.Pod,
    obj: withSpec(pod, (s) => {
      s.nodeSelector = { 'bad key!': 'x' };
      s.tolerations = [
        { key: 'k', operator: 'Exists', value: 'v' },
        { key: 'k', effect: 'Sometimes' },
        { operator: 'Equal', value: 'v' },
      ];
    }),
    expected: [
      ['FieldValueInvalid', 'spec.nodeSelector'],
      ['FieldValueInvalid', 'spec.tolerations[0].operator'],
      ['FieldValueNotSupported', 'spec.tolerations[1].effect'],
      ['FieldValueInvalid', 'spec.tolerations[2].operator'],
    ],
  },
  {
    name: 'pod: affinity',
    resource: R.Pod,
    obj: withSpec(pod, (s) => {
      s.affinity = {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 0, podAffinityTerm: { topologyKey: '' } },
          ],
        },
      };
    }),
    expected: [
      [
        'FieldValueRequired',
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
      ],
      [
        'FieldValueInvalid',
        'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight',
      ],
      [
        'FieldValueRequired',
        'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey',
      ],
    ],
  },
  {
    name: 'service: ports required, type and affinity enums',
    resource: R.Service,
    obj: withSpec(service, (s) => Object.assign(s, { ports: [], type: 'Weird', sessionAffinity: 'Sticky' })),
    expected: [
      ['FieldValueRequired', 'spec.ports'],
      ['FieldValueNotSupported', 'spec.type'],
      ['FieldValueNotSupported', 'spec.sessionAffinity'],
    ],
  },
  {
    name: 'service: port names required when several, ports in range, duplicates',
    resource: R.Service,
    obj: withSpec(
      service,
      (s) => (s.ports = [{ port: 80 }, { name: 'b', port: 80 }, { name: 'c', port: 0 }]),
    ),
    expected: [
      ['FieldValueRequired', 'spec.ports[0].name'],
      ['FieldValueDuplicate', 'spec.ports[1]'],
      ['FieldValueInvalid', 'spec.ports[2].port'],
      // targetPort defaulted from port 0 is invalid too, as upstream reports
      ['FieldValueInvalid', 'spec.ports[2].targetPort'],
    ],
  },
  {
    name: 'service: ExternalName needs externalName; headless needs no ports',
    resource: R.Service,
    obj: withSpec(service, (s) => Object.assign(s, { type: 'ExternalName', ports: [] })),
    expected: [['FieldValueRequired', 'spec.externalName']],
  },
  {
    name: 'headless service without ports',
    resource: R.Service,
    obj: withSpec(service, (s) => Object.assign(s, { clusterIP: 'None', ports: [] })),
    expected: [],
  },
  {
    name: 'service: bad clusterIP',
    resource: R.Service,
    obj: withSpec(service, (s) => (s.clusterIP = '10.0.0.300')),
    expected: [['FieldValueInvalid', 'spec.clusterIPs[0]']],
  },
];

describe('validateObject', () => {
  it.each(cases)('$name', ({ resource, obj, expected }) => {
    expect(check(resource, obj())).toEqual(expected);
  });
});
