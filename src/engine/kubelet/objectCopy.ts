// A shallow object copy for the kubelet's per-write paths: the same own keys, order and values as `{ ...o }`,
// through Object.assign, which V8 runs several times faster than a spread whose object shapes vary.
export function shallowCopy<T extends object>(o: Readonly<T>): T {
  // Object.assign would run the __proto__ setter for such an own key (JSON.parse can make one): spread that case
  return Object.hasOwn(o, '__proto__') ? ({ ...o } as T) : (Object.assign({}, o) as T);
}
