// --sort-by=<jsonpath>: a stable sort on one field, as kubectl's RuntimeSorter does (pkg/cmd/get/sorter.go):
// numbers numerically, strings in natural order (sortorder.NaturalLess), missing values first.
import type { KubeObject } from '../../types/object';
import type { JsonValue } from '../../types/json';
import { parseJsonPath } from './jsonpath';
import { walkPath } from './jsonpathEval';
import { relaxedJsonPath } from './customColumns';

/** mirrors sortorder.NaturalLess: runs of digits compare by value */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a[i] as string;
    const cb = b[j] as string;
    const da = ca >= '0' && ca <= '9';
    const db = cb >= '0' && cb <= '9';
    if (da && db) {
      let ei = i;
      while (ei < a.length && (a[ei] as string) >= '0' && (a[ei] as string) <= '9') ei++;
      let ej = j;
      while (ej < b.length && (b[ej] as string) >= '0' && (b[ej] as string) <= '9') ej++;
      const na = a.slice(i, ei).replace(/^0+/, '');
      const nb = b.slice(j, ej).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      if (ei - i !== ej - j) return ei - i < ej - j;
      i = ei;
      j = ej;
    } else {
      if (ca !== cb) return ca < cb;
      i++;
      j++;
    }
  }
  return a.length - i < b.length - j;
}

function less(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined) return b !== undefined;
  if (b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return naturalLess(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  return naturalLess(JSON.stringify(a), JSON.stringify(b));
}

/** objects sorted by the field; throws on a malformed expression */
export function sortObjects(objs: readonly KubeObject[], sortBy: string): KubeObject[] {
  const nodes = parseJsonPath(relaxedJsonPath(sortBy));
  const path = nodes.find((n) => n.t === 'action');
  if (!path || path.t !== 'action') return [...objs];
  const keyed = objs.map((o, i) => ({ o, i, k: walkPath([o as unknown as JsonValue], path.path)[0] }));
  keyed.sort((x, y) => (less(x.k, y.k) ? -1 : less(y.k, x.k) ? 1 : x.i - y.i));
  return keyed.map((x) => x.o);
}
