// Taint specs as `kubectl taint` reads them (`key=value:Effect`, `key:Effect-`) and the taint-list edits it makes.
// mirrors k8s.io/kubectl/pkg/cmd/taint/utils.go (parseTaints, reorganizeTaints, checkIfTaintsAlreadyExists).
import type { Taint } from '../../cluster/types';
import { isQualifiedName, isValidLabelValue } from '../../labels/validation';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export class TaintSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaintSpecError';
  }
}

/** corev1.Taint.ToString */
export function taintToString(t: Taint): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

/** a go %v of a Taint struct, as kubectl's "duplicated taints" error prints it */
function goTaint(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect} <nil>}`;
}

/** parse one `key[=value][:effect]`; effect may be empty (only valid for removals) */
export function parseTaint(st: string): Taint {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0] as string;
  } else if (parts.length === 2) {
    effect = parts[1] as string;
    if (!(TAINT_EFFECTS as readonly string[]).includes(effect)) {
      throw new TaintSpecError(`invalid taint effect: ${effect}, unsupported taint effect`);
    }
    const kv = (parts[0] as string).split('=');
    if (kv.length > 2) throw new TaintSpecError(`invalid taint spec: ${st}`);
    key = kv[0] as string;
    if (kv.length === 2) {
      value = kv[1] as string;
      const errs = isValidLabelValue(value);
      if (errs.length > 0) throw new TaintSpecError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else {
    throw new TaintSpecError(`invalid taint spec: ${st}`);
  }
  const errs = isQualifiedName(key);
  if (errs.length > 0) throw new TaintSpecError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  return value ? { key, value, effect } : { key, effect };
}

/** split taint arguments into additions and removals (trailing `-`) */
export function parseTaints(specs: readonly string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new TaintSpecError(`invalid taint spec: ${spec}`);
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id))
      throw new TaintSpecError(`duplicated taints with the same key and effect: ${goTaint(t)}`);
    seen.add(id);
    add.push(t);
  }
  return { add, remove };
}

const matchTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** keys of taints to add that the node already has with the same effect, comma-joined ('' when none) */
export function existingTaintKeys(old: readonly Taint[], add: readonly Taint[]): string {
  const keys: string[] = [];
  for (const t of add) for (const o of old) if (matchTaint(t, o)) keys.push(t.key);
  return keys.join(',');
}

export type TaintOperation = 'modified' | 'tainted' | 'untainted';

/** the node's new taint list and the word kubectl prints; errors for removals that matched nothing */
export function reorganizeTaints(
  old: readonly Taint[],
  overwrite: boolean,
  add: readonly Taint[],
  remove: readonly Taint[],
): { operation: TaintOperation; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => matchTaint(t, o))) taints.push(o);
  // kubectl's addTaints reports "added" when the list length differs from the node's old list
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = r.effect ? taints.filter((t) => !matchTaint(t, r)) : taints.filter((t) => t.key !== r.key);
    removed = taints.length !== before;
    if (!removed) errors.push(`taint "${taintToString(r)}" not found`);
  }
  const operation: TaintOperation =
    (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}
