// Where a key or prefix sits in the /registry/<plural>/<namespace>/<name> layout: the store's indexes and
// watcher buckets are split by plural and by "directory" (the prefix of one namespace, or of a cluster-scoped plural).
import { REGISTRY_ROOT } from './keys';

export interface KeyLocation {
  /** resource plural; '' for keys outside /registry/<plural>/ */
  plural: string;
  /** '/registry/pods/default/' for namespaced keys, '/registry/nodes/' for cluster-scoped ones ('' outside) */
  dir: string;
}

const OUTSIDE: KeyLocation = { plural: '', dir: '' };

/**
 * The locations found last (a small ring): every write locates its key several times (index, history, watcher
 * buckets), nearly always in a directory seen just before. A hit returns the same frozen object, whose plural and
 * dir strings already carry their hash, so the Map lookups keyed by them need not hash fresh substrings.
 */
const RECENT = 8;
const recent: KeyLocation[] = [];
let nextSlot = 0;

export function locateKey(key: string): KeyLocation {
  for (let i = 0; i < recent.length; i++) {
    const loc = recent[i] as KeyLocation;
    // key = dir + a last segment without '/': exactly the keys locateUncached puts in dir
    if (key.startsWith(loc.dir) && key.indexOf('/', loc.dir.length) < 0) return loc;
  }
  const loc = locateUncached(key);
  if (loc !== OUTSIDE) {
    recent[nextSlot] = loc;
    nextSlot = (nextSlot + 1) % RECENT;
  }
  return loc;
}

/** locateKey without the ring (exported for its property test) */
export function locateUncached(key: string): KeyLocation {
  if (!key.startsWith(REGISTRY_ROOT)) return OUTSIDE;
  const pluralEnd = key.indexOf('/', REGISTRY_ROOT.length);
  if (pluralEnd < 0) return OUTSIDE;
  const plural = key.slice(REGISTRY_ROOT.length, pluralEnd);
  const nsEnd = key.indexOf('/', pluralEnd + 1);
  return Object.freeze({ plural, dir: nsEnd < 0 ? key.slice(0, pluralEnd + 1) : key.slice(0, nsEnd + 1) });
}

export type PrefixScope =
  /** may span several plurals (e.g. '/registry/' or '/registry/po') or lies outside the registry */
  | { kind: 'all' }
  /** inside one plural: '/registry/pods/' or '/registry/pods/def' */
  | { kind: 'plural'; plural: string }
  /** inside one directory: '/registry/pods/default/' or '/registry/pods/default/web-' */
  | { kind: 'dir'; plural: string; dir: string };

export function scopeOfPrefix(prefix: string): PrefixScope {
  if (!prefix.startsWith(REGISTRY_ROOT)) return { kind: 'all' };
  const pluralEnd = prefix.indexOf('/', REGISTRY_ROOT.length);
  if (pluralEnd < 0) return { kind: 'all' };
  const plural = prefix.slice(REGISTRY_ROOT.length, pluralEnd);
  const nsEnd = prefix.indexOf('/', pluralEnd + 1);
  if (nsEnd < 0) return { kind: 'plural', plural };
  return { kind: 'dir', plural, dir: prefix.slice(0, nsEnd + 1) };
}
