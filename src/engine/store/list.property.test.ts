// Property: a plain list (directories' sorted keys merged) equals the live keys under the prefix in key order, and a
// label-selected list served from the label index equals filtering it, for any prefix, selector and paging, after
// random creates, relabels and deletes with lists between them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SelectorOperator } from '../labels/types';
import { createStore } from './mvccStore';
import { testSelector } from './testSelector';

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f'];
const KEYS = [
  ...['ns1', 'ns2', 'ns3'].flatMap((ns) => NAMES.map((n) => `/registry/pods/${ns}/${n}`)),
  ...NAMES.map((n) => `/registry/nodes/${n}`),
  '/registry/pods/x',
];
const PREFIXES = [
  '/registry/',
  '/registry/pods/',
  '/registry/pods/ns1/',
  '/registry/pods/ns',
  '/registry/nodes/',
  '/registry/pods/ns2/c',
  '',
];
const labelSet = fc.record(
  { app: fc.constantFrom('web', 'db', 'cache'), tier: fc.constantFrom('fe', 'be') },
  { requiredKeys: [] },
);
const requirement = fc.oneof(
  fc.tuple(
    fc.constantFrom('app', 'tier'),
    fc.constantFrom<SelectorOperator>('=', '==', '!='),
    fc.constantFrom('web', 'db', 'fe', 'be').map((v) => [v]),
  ),
  fc.tuple(
    fc.constantFrom('app', 'tier'),
    fc.constantFrom<SelectorOperator>('in', 'notin'),
    fc.subarray(['web', 'db', 'cache', 'fe'], { minLength: 1 }),
  ),
  fc.tuple(
    fc.constantFrom('app', 'tier'),
    fc.constantFrom<SelectorOperator>('exists', '!'),
    fc.constant([] as string[]),
  ),
);

describe('label-indexed list', () => {
  it('equals a filtered full list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.option(labelSet, { nil: undefined }), fc.boolean()), {
          maxLength: 80,
        }),
        fc.constantFrom(...PREFIXES),
        fc.array(requirement, { maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        (writes, prefix, reqs, limit) => {
          const s = createStore();
          const live = new Set<string>();
          for (const [key, labels, del] of writes) {
            const exists = s.get(key) !== undefined;
            if (del && exists) {
              s.delete(key);
              live.delete(key);
            } else if (!del) {
              const value = { apiVersion: 'v1', kind: 'X', metadata: { name: key, labels } };
              if (exists) s.update(key, value);
              else s.create(key, value);
              live.add(key);
            }
            // a list between writes sorts what was written so far; later writes are merged in at the next one
            if (key.length % 3 === 0) s.list(prefix);
          }
          // the plain list: every live key under the prefix in key order, also page by page
          const all = [...live].filter((k) => k.startsWith(prefix)).sort();
          expect(s.list(prefix).items.map((kv) => kv.key)).toEqual(all);
          const plainPages: string[] = [];
          let plainContinue: string | undefined;
          for (let guard = 0; guard < 100; guard++) {
            const page = s.list(prefix, { limit, continueKey: plainContinue });
            plainPages.push(...page.items.map((kv) => kv.key));
            plainContinue = page.continueKey;
            if (!plainContinue) break;
          }
          expect(plainPages).toEqual(all);
          const selector = testSelector(...reqs);
          const expected = s
            .list(prefix)
            .items.filter((kv) => selector.matches(kv.value.metadata.labels))
            .map((kv) => kv.key);
          expect(s.list(prefix, { labelSelector: selector }).items.map((kv) => kv.key)).toEqual(expected);
          // paging through the indexed list visits the same keys
          const paged: string[] = [];
          let continueKey: string | undefined;
          for (let guard = 0; guard < 100; guard++) {
            const page = s.list(prefix, { labelSelector: selector, limit, continueKey });
            paged.push(...page.items.map((kv) => kv.key));
            continueKey = page.continueKey;
            if (!continueKey) break;
          }
          expect(paged).toEqual(expected);
          expect(s.count(prefix)).toBe(s.list(prefix).items.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
