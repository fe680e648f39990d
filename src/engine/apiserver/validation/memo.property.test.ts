// The validation memos (valid strings, valid frozen specs, the volume-source scan) against from-scratch checks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isQualifiedName as checkQualifiedName,
  isValidLabelValue as checkLabelValue,
} from '../../labels/validation';
import { deepFreeze } from '../../store/deepFreeze';
import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../../types/object';
import { ValidMemo } from './validMemo';
import {
  checkDNS1035Label,
  checkDNS1123Label,
  checkDNS1123Subdomain,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from './names';
import { validateLabels } from './meta';
import { memoValidSpecs } from './specMemo';
import { validateReplicaSetSpec } from './deployment';
import { VOLUME_SOURCES, validateVolumes } from './volumes';
import { validateDNS1123Label } from './meta';

// short strings over an alphabet that makes both valid and invalid names likely, and repeats common
const text = fc.stringMatching(/^[a-zA-Z0-9._/ -]{0,8}$/);
const texts = fc.array(fc.oneof(text, fc.constantFrom('app', 'a.b/c', '-x', 'x'.repeat(64), '')), {
  maxLength: 40,
});

describe('ValidMemo', () => {
  it('answers every string as the check does, through evictions', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 5 }), (values, limit) => {
        const memo = new ValidMemo(checkQualifiedName, limit);
        for (const v of [...values, ...values]) {
          expect(memo.run(v)).toEqual(checkQualifiedName(v));
          expect(memo.isValid(v)).toBe(checkQualifiedName(v).length === 0);
          if (memo.known(v)) expect(checkQualifiedName(v)).toEqual([]);
        }
      }),
    );
  });

  it('the memoised name checks equal the plain ones', () => {
    const pairs: [(s: string) => string[], (s: string) => string[]][] = [
      [isQualifiedName, checkQualifiedName],
      [isValidLabelValue, checkLabelValue],
      [isDNS1123Label, checkDNS1123Label],
      [isDNS1123Subdomain, checkDNS1123Subdomain],
      [isDNS1035Label, checkDNS1035Label],
    ];
    fc.assert(
      fc.property(texts, (values) => {
        for (const v of [...values, ...values])
          for (const [memo, plain] of pairs) expect(memo(v)).toEqual(plain(v));
      }),
    );
  });
});

/** ValidateLabels from scratch: sorted keys, plain checks */
function plainLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const msg of checkQualifiedName(k)) errs.push(fieldError.invalid(path, k, msg));
    const v = String(labels?.[k] ?? '');
    for (const msg of checkLabelValue(v)) errs.push(fieldError.invalid(path, v, msg));
  }
  return errs;
}

describe('validateLabels', () => {
  it('reports what the plain sorted check reports, first time and again', () => {
    const value = fc.oneof(text, fc.integer() as fc.Arbitrary<unknown> as fc.Arbitrary<string>);
    fc.assert(
      fc.property(fc.array(fc.dictionary(text, value, { maxKeys: 4 }), { maxLength: 6 }), (maps) => {
        for (const m of [...maps, ...maps])
          expect(validateLabels(m, 'metadata.labels')).toEqual(plainLabels(m, 'metadata.labels'));
      }),
    );
  });
});

const validSpec = () => ({
  replicas: 1,
  selector: { matchLabels: { app: 'web' } },
  template: {
    metadata: { labels: { app: 'web' } },
    spec: {
      containers: [
        { name: 'web', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' },
      ],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
    },
  },
});
/** edits that make a valid spec invalid, or keep it valid */
const EDITS: ((s: ReturnType<typeof validSpec>) => void)[] = [
  () => {},
  (s) => (s.replicas = -1),
  (s) => (s.template.metadata.labels.app = 'other'),
  (s) => ((s.template.spec.containers[0] as { name: string }).name = 'Bad_Name'),
  (s) => (s.template.spec.restartPolicy = 'Never'),
  (s) => (s.selector.matchLabels = { 'bad key!': 'web' } as never),
];

describe('memoValidSpecs', () => {
  it('gives the validator’s own errors for frozen and unfrozen specs, seen again or not', () => {
    const raw = (o: KubeObject) => validateReplicaSetSpec(o.spec as never);
    fc.assert(
      fc.property(
        fc.array(fc.record({ edit: fc.nat(EDITS.length - 1), frozen: fc.boolean() }), { maxLength: 8 }),
        fc.array(fc.nat(7), { maxLength: 16 }),
        (made, order) => {
          const memo = memoValidSpecs(raw);
          const objs = made.map(({ edit, frozen }) => {
            const spec = validSpec();
            EDITS[edit]?.(spec);
            const o = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {}, spec } as KubeObject;
            return frozen ? (deepFreeze(o) as KubeObject) : o;
          });
          for (const i of [...objs.keys(), ...order]) {
            const o = objs[i % Math.max(objs.length, 1)];
            if (o) expect(memo(o)).toEqual(raw(o));
          }
        },
      ),
    );
  });
});

/** validateVolumes from scratch: every source looked up in VOLUME_SOURCES order */
function plainVolumes(volumes: Record<string, unknown>[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<unknown>();
  volumes.forEach((v, i) => {
    const p = `${path}[${i}]`;
    const present = VOLUME_SOURCES.filter((k) => v[k] != null);
    if (present.length === 0) errs.push(fieldError.required(p, 'must specify a volume type'));
    else if (present.length > 1)
      errs.push(fieldError.forbidden(`${p}.${present[1]}`, 'may not specify more than 1 volume type'));
    else {
      const kind = present[0] as string;
      const req = {
        hostPath: 'path',
        secret: 'secretName',
        persistentVolumeClaim: 'claimName',
        nfs: 'server',
        csi: 'driver',
      }[kind];
      if (req && !(v[kind] as Record<string, unknown>)[req])
        errs.push(fieldError.required(`${p}.${kind}.${req}`, ''));
    }
    const name = v.name as string;
    if (!name) errs.push(fieldError.required(`${p}.name`, ''));
    else errs.push(...validateDNS1123Label(name, `${p}.name`));
    if (names.has(name)) errs.push(fieldError.duplicate(`${p}.name`, name));
    names.add(name);
  });
  return errs;
}

describe('volume sources', () => {
  it('are found (and the second of two named) as a scan of every source finds them', () => {
    const source = fc.constantFrom(...VOLUME_SOURCES, 'name', 'other');
    const vol = fc
      .array(fc.tuple(source, fc.constantFrom<unknown>({}, null, undefined, { path: '/x' })), {
        maxLength: 4,
      })
      .map((entries) => ({ name: 'v', ...Object.fromEntries(entries) }));
    fc.assert(
      fc.property(fc.array(vol, { maxLength: 4 }), (vols) => {
        expect(validateVolumes(vols as never, 'spec.volumes').errs).toEqual(
          plainVolumes(vols, 'spec.volumes'),
        );
      }),
    );
  });
});
