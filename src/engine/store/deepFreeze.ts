// Recursively freezes a stored value so every reader can share it without copying (etcd values are immutable).
// Frozen subtrees are still walked: a shallow Object.freeze by a caller must not leave mutable children behind.

export function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === 'object') freezeObject(value as Record<string, unknown>);
  return value;
}

// for..in / index loops rather than Object.values: this runs on every write, and the arrays add GC pressure
function freezeObject(obj: Record<string, unknown>): void {
  Object.freeze(obj);
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      const child: unknown = obj[i];
      if (child !== null && typeof child === 'object') freezeObject(child as Record<string, unknown>);
    }
    return;
  }
  for (const k in obj) {
    const child = obj[k];
    if (child !== null && typeof child === 'object') freezeObject(child as Record<string, unknown>);
  }
}
