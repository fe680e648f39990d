// locateKey's ring of recent locations answers exactly as parsing each key afresh does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { locateKey, locateUncached } from './keyspace';

const segment = fc.constantFrom('pods', 'events', 'nodes', 'default', 'kube-system', 'a', 'web-1', '', 'x.y');
const key = fc
  .array(segment, { minLength: 0, maxLength: 4 })
  .chain((parts) =>
    fc
      .constantFrom('/registry/', '/registry', '/other/', '')
      .map((root) => root + parts.join('/') + (parts.length % 2 === 0 ? '/' : '')),
  );

describe('locateKey', () => {
  it('gives the same plural and dir as an uncached parse, whatever keys came before', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 60 }), (keys) => {
        for (const k of keys) expect(locateKey(k)).toEqual(locateUncached(k));
      }),
      { numRuns: 300 },
    );
  });

  it('table: namespaced, cluster-scoped and outside keys', () => {
    const rows: { key: string; plural: string; dir: string }[] = [
      { key: '/registry/pods/default/web-1', plural: 'pods', dir: '/registry/pods/default/' },
      { key: '/registry/nodes/node-1', plural: 'nodes', dir: '/registry/nodes/' },
      { key: '/registry/pods/default/a/b', plural: 'pods', dir: '/registry/pods/default/' },
      { key: '/registry/pods/default/', plural: 'pods', dir: '/registry/pods/default/' },
      { key: '/registry/pods/default', plural: 'pods', dir: '/registry/pods/' },
      { key: '/elsewhere/x', plural: '', dir: '' },
    ];
    for (const r of rows) expect(locateKey(r.key)).toEqual({ plural: r.plural, dir: r.dir });
  });
});
