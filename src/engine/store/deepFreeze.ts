// Recursively freezes a stored value so every reader can share it without copying (etcd values are immutable).
// A shallow Object.freeze by a caller must not leave mutable children behind, so frozen subtrees are walked too,
// unless this function itself froze them deeply before (a stored subtree reused by a later write, e.g. the spec of a
// pod whose status changes): a frozen object's children cannot be replaced, so such a subtree stays deeply frozen.
// The mark is a non-enumerable symbol property set just before freezing (JSON, spreads, Object.keys and
// structuredClone all ignore it); a WeakSet did the same but cost every write a hash insert and the GC ephemerons.
// Leaves (objects with no object children: labels, requests, conditions, most Event fields) are not marked: a
// frozen leaf is deeply frozen by definition, and defineProperty costs more than re-reading its few values.

const DEEPLY_FROZEN: unique symbol = Symbol('kubesim.deeplyFrozen');
const MARK: PropertyDescriptor = { value: true, enumerable: false, writable: false, configurable: false };

type Marked = Record<string | symbol, unknown>;

export function deepFreeze<T>(value: T): Readonly<T> {
  if (value !== null && typeof value === 'object') freezeObject(value as Marked);
  return value;
}

/** whether deepFreeze froze this object and everything below it (what may be memoised by identity) */
export function isDeeplyFrozen(value: object): boolean {
  if ((value as Marked)[DEEPLY_FROZEN] === true) return true;
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every((v) => v === null || typeof v !== 'object');
}

// for..in / index loops rather than Object.values: this runs on every write, and the arrays add GC pressure
function freezeObject(obj: Marked): void {
  if (obj[DEEPLY_FROZEN] === true) return;
  let inner = false;
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      const child: unknown = obj[i];
      if (child !== null && typeof child === 'object') {
        inner = true;
        freezeObject(child as Marked);
      }
    }
  } else {
    for (const k in obj) {
      const child = obj[k];
      if (child !== null && typeof child === 'object') {
        inner = true;
        freezeObject(child as Marked);
      }
    }
  }
  if (Object.isFrozen(obj)) return;
  // a caller's shallow freeze leaves no room for the mark: such an object is walked again next time (still correct)
  if (inner) Object.defineProperty(obj, DEEPLY_FROZEN, MARK);
  Object.freeze(obj);
}
