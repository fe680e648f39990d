// The garbage-collection finalizers a delete's propagationPolicy puts on an object
// (registry/generic/registry/store.go deletionFinalizersForGarbageCollection).
import type { DeleteOpts } from './types';

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

/** deletionFinalizersForGarbageCollection: the finalizers propagationPolicy asks for (undefined: no change) */
export function propagationFinalizers(
  finalizers: readonly string[] | undefined,
  policy: DeleteOpts['propagationPolicy'],
): string[] | undefined {
  const existing = finalizers ?? [];
  const orphan = policy ? policy === 'Orphan' : existing.includes(FINALIZER_ORPHAN);
  const foreground = policy ? policy === 'Foreground' : existing.includes(FINALIZER_FOREGROUND);
  const next = existing.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  if (orphan) next.push(FINALIZER_ORPHAN);
  if (foreground) next.push(FINALIZER_FOREGROUND);
  const same = next.length === existing.length && next.every((f) => existing.includes(f));
  return same ? undefined : next;
}
