// Tests for strategic merge patch apply: merge keys per path, $-directives, ordering, errors, hostile keys.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types/json';
import { applyStrategicMergePatch } from './strategicMerge';

const pod = (spec: JsonObject): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec,
});
const c = (name: string, extra: JsonObject = {}): JsonObject => ({ name, image: `${name}:1`, ...extra });

const rows: { name: string; kind: string; target: JsonObject; patch: JsonObject; expected: JsonObject }[] = [
  {
    name: 'containers merge by name',
    kind: 'Pod',
    target: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { containers: [{ name: 'b', image: 'b:2' }] } },
    expected: pod({ containers: [c('a'), { name: 'b', image: 'b:2' }] }),
  },
  {
    name: 'a new container without $setElementOrder goes first (mergeSortedSlice)',
    kind: 'Pod',
    target: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { containers: [c('z')] } },
    expected: pod({ containers: [c('z'), c('a'), c('b')] }),
  },
  {
    name: '$setElementOrder orders the merged list',
    kind: 'Pod',
    target: pod({ containers: [c('a'), c('b')] }),
    patch: {
      spec: {
        '$setElementOrder/containers': [{ name: 'b' }, { name: 'z' }, { name: 'a' }],
        containers: [c('z')],
      },
    },
    expected: pod({ containers: [c('b'), c('z'), c('a')] }),
  },
  {
    name: '$patch: delete removes a list element by merge key',
    kind: 'Pod',
    target: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { containers: [{ name: 'a', $patch: 'delete' }] } },
    expected: pod({ containers: [c('b')] }),
  },
  {
    name: '$patch: replace in a list replaces the whole list',
    kind: 'Pod',
    target: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { containers: [c('x'), { $patch: 'replace' }] } },
    expected: pod({ containers: [c('x')] }),
  },
  {
    name: '$patch: replace on a map replaces the map',
    kind: 'Pod',
    target: pod({ containers: [c('a')], nodeSelector: { disk: 'ssd', zone: 'a' } }),
    patch: { spec: { nodeSelector: { $patch: 'replace', zone: 'b' } } },
    expected: pod({ containers: [c('a')], nodeSelector: { zone: 'b' } }),
  },
  {
    name: '$patch: delete on a map empties it',
    kind: 'Pod',
    target: { metadata: { name: 'p', labels: { a: '1' } } },
    patch: { metadata: { labels: { $patch: 'delete' } } },
    expected: { metadata: { name: 'p', labels: {} } },
  },
  {
    name: 'env by name, volumeMounts by mountPath, ports by containerPort inside a container',
    kind: 'Pod',
    target: pod({
      containers: [
        c('a', {
          env: [
            { name: 'X', value: '1' },
            { name: 'Y', value: '2' },
          ],
          volumeMounts: [{ mountPath: '/data', name: 'v1' }],
          ports: [{ containerPort: 80, name: 'http' }],
        }),
      ],
    }),
    patch: {
      spec: {
        containers: [
          {
            name: 'a',
            env: [{ name: 'Y', value: '3' }],
            volumeMounts: [{ mountPath: '/data', readOnly: true }],
            ports: [{ containerPort: 80, protocol: 'TCP' }],
          },
        ],
      },
    },
    expected: pod({
      containers: [
        c('a', {
          env: [
            { name: 'X', value: '1' },
            { name: 'Y', value: '3' },
          ],
          volumeMounts: [{ mountPath: '/data', name: 'v1', readOnly: true }],
          ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
        }),
      ],
    }),
  },
  {
    name: 'tolerations and envFrom are atomic (replaced)',
    kind: 'Pod',
    target: pod({
      containers: [c('a', { envFrom: [{ configMapRef: { name: 'x' } }] })],
      tolerations: [{ key: 'a', operator: 'Exists' }],
    }),
    patch: {
      spec: {
        containers: [{ name: 'a', envFrom: [{ secretRef: { name: 's' } }] }],
        tolerations: [{ key: 'b', operator: 'Exists' }],
      },
    },
    expected: pod({
      containers: [c('a', { envFrom: [{ secretRef: { name: 's' } }] })],
      tolerations: [{ key: 'b', operator: 'Exists' }],
    }),
  },
  {
    name: 'finalizers merge as a set of primitives',
    kind: 'Pod',
    target: { metadata: { name: 'p', finalizers: ['a', 'b'] } },
    patch: { metadata: { finalizers: ['b', 'c'] } },
    expected: { metadata: { name: 'p', finalizers: ['a', 'b', 'c'] } },
  },
  {
    name: '$deleteFromPrimitiveList removes finalizers',
    kind: 'ConfigMap',
    target: { metadata: { name: 'p', finalizers: ['a', 'b', 'a'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
    expected: { metadata: { name: 'p', finalizers: ['b'] } },
  },
  {
    name: '$retainKeys clears keys not listed (Deployment strategy)',
    kind: 'Deployment',
    target: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    expected: { spec: { strategy: { type: 'Recreate' } } },
  },
  {
    name: 'Deployment pod template containers merge by name; null deletes a key',
    kind: 'Deployment',
    target: {
      spec: {
        replicas: 2,
        template: { metadata: { labels: { app: 'web', v: '1' } }, spec: { containers: [c('a'), c('b')] } },
      },
    },
    patch: {
      spec: {
        template: { metadata: { labels: { v: null } }, spec: { containers: [{ name: 'a', image: 'a:9' }] } },
      },
    },
    expected: {
      spec: {
        replicas: 2,
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'a', image: 'a:9' }, c('b')] },
        },
      },
    },
  },
  {
    name: 'Service ports merge by port',
    kind: 'Service',
    target: { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } },
    patch: { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
    expected: { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } },
  },
  {
    name: 'status.conditions merge by type',
    kind: 'Pod',
    target: {
      status: {
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'PodScheduled', status: 'True' },
        ],
      },
    },
    patch: { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    expected: {
      status: {
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'PodScheduled', status: 'True' },
        ],
      },
    },
  },
  {
    name: 'lists of unknown kinds are replaced',
    kind: 'Widget',
    target: { spec: { items: [{ name: 'a' }, { name: 'b' }] } },
    patch: { spec: { items: [{ name: 'c' }] } },
    expected: { spec: { items: [{ name: 'c' }] } },
  },
  {
    name: 'Node taints are atomic',
    kind: 'Node',
    target: { spec: { taints: [{ key: 'a', effect: 'NoSchedule' }] } },
    patch: { spec: { taints: [{ key: 'b', effect: 'NoSchedule' }] } },
    expected: { spec: { taints: [{ key: 'b', effect: 'NoSchedule' }] } },
  },
  {
    name: 'new map fields are taken from the patch with nulls dropped',
    kind: 'Pod',
    target: { metadata: { name: 'p' } },
    patch: { metadata: { labels: { a: '1', b: null } } },
    expected: { metadata: { name: 'p', labels: { a: '1' } } },
  },
];

describe('applyStrategicMergePatch', () => {
  it.each(rows)('$name', ({ kind, target, patch, expected }) => {
    const before = JSON.stringify([target, patch]);
    expect(applyStrategicMergePatch(target, patch, kind)).toEqual(expected);
    expect(JSON.stringify([target, patch])).toBe(before);
  });
  it('rejects list elements without the merge key', () => {
    expect(() =>
      applyStrategicMergePatch(
        pod({ containers: [c('a')] }),
        { spec: { containers: [{ image: 'x' }] } },
        'Pod',
      ),
    ).toThrow('map: map[image:x] does not contain declared merge key: name');
  });
  it('rejects unknown $patch directives', () => {
    expect(() => applyStrategicMergePatch({ a: { b: 1 } }, { a: { $patch: 'frob' } }, 'Pod')).toThrow(
      'unknown patch type: frob in map: map[$patch:frob]',
    );
  });
  it('rejects $retainKeys not covering the patch', () => {
    expect(() =>
      applyStrategicMergePatch(
        { spec: { strategy: {} } },
        { spec: { strategy: { $retainKeys: ['type'], other: 1 } } },
        'Deployment',
      ),
    ).toThrow('invalid patch format of retainKeys');
  });
  it('never pollutes Object.prototype with hostile keys', () => {
    const names = Object.getOwnPropertyNames(Object.prototype).sort();
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":"yes"},"spec":{"containers":[{"name":"__proto__","__proto__":{"polluted":1}}]},"constructor":{"prototype":{"polluted":2}}}',
    ) as JsonObject;
    const out = applyStrategicMergePatch(pod({ containers: [c('a')] }), hostile, 'Pod');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(names);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
