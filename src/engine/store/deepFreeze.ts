// Recursively freezes a stored value so every reader can share it without copying (etcd values are immutable).
// A shallow Object.freeze by a caller must not leave mutable children behind, so frozen subtrees are walked too,
// unless this function itself froze them deeply before (a stored subtree reused by a later write, e.g. the spec of a
// pod whose status changes): a frozen object's children cannot be replaced, so such a subtree stays deeply frozen.

const deeplyFrozen = new WeakSet<object>();

export function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === 'object') freezeObject(value as Record<string, unknown>);
  return value;
}

/** whether deepFreeze froze this object and everything below it (for tests) */
export function isDeeplyFrozen(value: object): boolean {
  return deeplyFrozen.has(value);
}

// for..in / index loops rather than Object.values: this runs on every write, and the arrays add GC pressure
function freezeObject(obj: Record<string, unknown>): void {
  if (deeplyFrozen.has(obj)) return;
  Object.freeze(obj);
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
  deeplyFrozen.add(obj);
}
