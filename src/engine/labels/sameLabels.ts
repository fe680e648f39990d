// Equality of two label maps, with no labels and an empty map the same; no key arrays, since the store's label index,
// the scheduler's pod footprint and EndpointSlice metadata compare labels on every write.
type Labels = Readonly<Record<string, string>> | undefined;

export function sameLabels(a: Labels, b: Labels): boolean {
  if (a === b) return true;
  let n = 0;
  if (a)
    for (const k in a) {
      if (!Object.prototype.hasOwnProperty.call(a, k)) continue;
      if (!b || b[k] !== a[k] || !Object.prototype.hasOwnProperty.call(b, k)) return false;
      n++;
    }
  if (b) for (const k in b) if (Object.prototype.hasOwnProperty.call(b, k)) n--;
  return n === 0;
}
