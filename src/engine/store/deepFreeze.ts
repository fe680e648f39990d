// Freezes a value the API server stores, so every reader can share it without copying (etcd values are immutable).
// Frozen objects met on the way are not walked again: the API server stores only fresh objects built from decoded
// copies of its input (decode, cloneSharing) or handed off to it (RequestContext.handOff: built for the request,
// with no frozen parts but stored values) plus subtrees of values it stored before, which this function froze
// entirely, and constants frozen with this same function. So a frozen object here is always frozen all the
// way down, and a status write re-freezes only its new parts, not the shared spec. (Marking deeply frozen objects
// with a symbol, to also survive shallow-frozen input, cost a defineProperty per object on every write.)

export function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === 'object') freezeObject(value as Record<string, unknown>);
  return value;
}

/**
 * whether a value read from the store (an informer's cached object or one of its subtrees) may be memoised by
 * identity: stored values are frozen all the way down, so frozen is enough
 */
export function isDeeplyFrozen(value: object): boolean {
  return Object.isFrozen(value);
}

// for..in / index loops rather than Object.values: this runs on every write, and the arrays add GC pressure
function freezeObject(obj: Record<string, unknown>): void {
  if (Object.isFrozen(obj)) return;
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      const child: unknown = obj[i];
      if (child !== null && typeof child === 'object') freezeObject(child as Record<string, unknown>);
    }
  } else {
    for (const k in obj) {
      const child = obj[k];
      if (child !== null && typeof child === 'object') freezeObject(child as Record<string, unknown>);
    }
  }
  Object.freeze(obj);
}
