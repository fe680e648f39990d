// Tests for kubectl apply's three-way patches (strategic and JSON merge), including a fast-check property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../types/json';
import { createThreeWayJsonMergePatch, createThreeWayMergePatch } from './threeWay';
import { applyStrategicMergePatch } from './strategicMerge';
import { applyMergePatch } from './mergePatch';

const deploy = (labels: JsonObject, replicas: number, containers: JsonObject[]): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels },
  spec: { replicas, template: { spec: { containers } } },
});
const c = (name: string, image = `${name}:1`): JsonObject => ({ name, image });

describe('createThreeWayMergePatch (kubectl apply)', () => {
  const applied = deploy({ app: 'web', tier: 'fe' }, 2, [c('a')]);
  const live = (): JsonObject => {
    const l = deploy({ app: 'web', tier: 'fe', owner: 'ops' }, 2, [
      { ...c('a'), imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' },
    ]);
    (l.spec as JsonObject).progressDeadlineSeconds = 600;
    return l;
  };

  const rows: { name: string; modified: JsonObject; expected: JsonObject }[] = [
    { name: 'unchanged apply gives an empty patch', modified: applied, expected: {} },
    {
      name: 'removing a label you had applied deletes it',
      modified: deploy({ app: 'web' }, 2, [c('a')]),
      expected: { metadata: { labels: { tier: null } } },
    },
    {
      name: 'changing replicas',
      modified: deploy({ app: 'web', tier: 'fe' }, 5, [c('a')]),
      expected: { spec: { replicas: 5 } },
    },
    {
      name: 'adding a container sends it with $setElementOrder',
      modified: deploy({ app: 'web', tier: 'fe' }, 2, [c('a'), c('b')]),
      expected: {
        spec: {
          template: {
            spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }], containers: [c('b')] },
          },
        },
      },
    },
    {
      name: 'changing a container image sends only that field',
      modified: deploy({ app: 'web', tier: 'fe' }, 2, [c('a', 'a:2')]),
      expected: {
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'a' }],
              containers: [{ name: 'a', image: 'a:2' }],
            },
          },
        },
      },
    },
  ];
  it.each(rows)('$name', ({ modified, expected }) => {
    const current = live();
    const before = JSON.stringify([applied, modified, current]);
    const patch = createThreeWayMergePatch(applied, modified, current, 'Deployment');
    expect(patch).toEqual(expected);
    expect(JSON.stringify([applied, modified, current])).toBe(before);
    // applying the patch keeps fields set by others and by defaulting
    const result = applyStrategicMergePatch(current, patch, 'Deployment');
    expect((result.metadata as JsonObject).labels).toMatchObject({ owner: 'ops' });
    expect((result.spec as JsonObject).progressDeadlineSeconds).toBe(600);
  });

  it('removing a container emits a delete directive and the live list loses it', () => {
    const orig = deploy({ app: 'web' }, 1, [c('a'), c('b')]);
    const cur = deploy({ app: 'web' }, 1, [c('a'), c('b')]);
    const mod = deploy({ app: 'web' }, 1, [c('a')]);
    const patch = createThreeWayMergePatch(orig, mod, cur, 'Deployment');
    expect(patch).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'a' }],
            containers: [{ name: 'b', $patch: 'delete' }],
          },
        },
      },
    });
    const result = applyStrategicMergePatch(cur, patch, 'Deployment');
    expect(((result.spec as JsonObject).template as JsonObject).spec).toEqual({ containers: [c('a')] });
  });

  it('a label added by someone else is kept; defaulted container fields untouched', () => {
    const cur = live();
    const patch = createThreeWayMergePatch(
      applied,
      deploy({ app: 'web', tier: 'be' }, 2, [c('a')]),
      cur,
      'Deployment',
    );
    expect(patch).toEqual({ metadata: { labels: { tier: 'be' } } });
    const result = applyStrategicMergePatch(cur, patch, 'Deployment');
    expect(result.metadata).toEqual({ name: 'web', labels: { app: 'web', tier: 'be', owner: 'ops' } });
    const containers = (((result.spec as JsonObject).template as JsonObject).spec as JsonObject)
      .containers as JsonObject[];
    expect(containers[0]?.imagePullPolicy).toBe('IfNotPresent');
  });

  it('a container injected by the server is kept; the patch only pins the order (as kubectl does)', () => {
    const orig = deploy({ app: 'web' }, 1, [c('a')]);
    const cur = deploy({ app: 'web' }, 1, [c('a'), c('sidecar')]);
    const patch = createThreeWayMergePatch(orig, orig, cur, 'Deployment');
    expect(patch).toEqual({
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'a' }] } } },
    });
    const result = applyStrategicMergePatch(cur, patch, 'Deployment');
    expect(((result.spec as JsonObject).template as JsonObject).spec).toEqual({
      containers: [c('a'), c('sidecar')],
    });
  });

  it('without last-applied, nothing is deleted', () => {
    const patch = createThreeWayMergePatch(undefined, deploy({}, 2, [c('a')]), live(), 'Deployment');
    expect(patch).toEqual({});
  });

  it('removing a finalizer uses $deleteFromPrimitiveList', () => {
    const orig: JsonObject = { metadata: { name: 'x', finalizers: ['a', 'b'] } };
    const mod: JsonObject = { metadata: { name: 'x', finalizers: ['a'] } };
    const patch = createThreeWayMergePatch(orig, mod, orig, 'ConfigMap');
    expect(patch).toEqual({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], '$setElementOrder/finalizers': ['a'] },
    });
    expect(applyStrategicMergePatch(orig, patch, 'ConfigMap')).toEqual(mod);
  });

  it('switching Deployment strategy type sends $retainKeys', () => {
    const orig: JsonObject = {
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } },
    };
    const mod: JsonObject = { spec: { strategy: { type: 'Recreate' } } };
    const patch = createThreeWayMergePatch(orig, mod, orig, 'Deployment');
    expect(patch).toEqual({
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } },
    });
    expect(applyStrategicMergePatch(orig, patch, 'Deployment')).toEqual(mod);
  });
});

describe('createThreeWayJsonMergePatch (CRDs)', () => {
  it('deletes what was removed from the manifest, sets what changed, keeps the rest', () => {
    const orig: JsonObject = { spec: { a: 1, b: 2, list: [1, 2] } };
    const mod: JsonObject = { spec: { a: 1, list: [3] } };
    const cur: JsonObject = { spec: { a: 1, b: 2, list: [1, 2], c: 'server' }, status: { ok: true } };
    const patch = createThreeWayJsonMergePatch(orig, mod, cur);
    expect(patch).toEqual({ spec: { b: null, list: [3] } });
    expect(applyMergePatch(cur, patch)).toEqual({
      spec: { a: 1, list: [3], c: 'server' },
      status: { ok: true },
    });
    expect(createThreeWayJsonMergePatch(mod, mod, { ...mod, status: {} })).toEqual({});
  });
});

// plain maps without lists: keys a-d nested up to depth 2, string leaves
const leaf = fc.constantFrom('x', 'y', 'z');
const plainMap: fc.Arbitrary<JsonObject> = fc.letrec<{ m: JsonObject; v: JsonValue }>((tie) => ({
  m: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('v'), { maxKeys: 4 }),
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, leaf, tie('m')),
})).m;

function expectSubset(result: JsonValue | undefined, mod: JsonValue): void {
  if (typeof mod === 'object' && mod !== null && !Array.isArray(mod)) {
    expect(typeof result === 'object' && result !== null && !Array.isArray(result)).toBe(true);
    for (const k of Object.keys(mod)) expectSubset((result as JsonObject)[k], mod[k] as JsonValue);
  } else {
    expect(result).toEqual(mod);
  }
}

describe('three-way property', () => {
  it('applying the patch to current yields every field of modified', () => {
    fc.assert(
      fc.property(plainMap, plainMap, plainMap, (orig, mod, cur) => {
        for (const kind of ['Widget', 'Pod']) {
          const result = applyStrategicMergePatch(cur, createThreeWayMergePatch(orig, mod, cur, kind), kind);
          expectSubset(result, mod);
        }
        const jsonResult = applyMergePatch(cur, createThreeWayJsonMergePatch(orig, mod, cur));
        expectSubset(jsonResult, mod);
      }),
      { numRuns: 300 },
    );
  });
  it('fields removed since last apply are gone; fields nobody applied are kept', () => {
    fc.assert(
      fc.property(plainMap, plainMap, (orig, mod) => {
        const cur: JsonObject = { ...orig, zz: 'server' };
        const result = applyStrategicMergePatch(
          cur,
          createThreeWayMergePatch(orig, mod, cur, 'Widget'),
          'Widget',
        );
        expect(result.zz).toBe('server');
        for (const k of Object.keys(orig)) if (!(k in mod)) expect(k in result).toBe(false);
      }),
    );
  });
});
