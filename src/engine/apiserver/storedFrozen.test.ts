// What the store freezes is the API server's own copy: callers' objects (even shallow-frozen ones with mutable
// children) never reach it, so every stored value is frozen all the way down and later changes to the caller's
// objects do not show through.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types/object';
import type { JsonValue } from '../types/json';
import { KUBECTL, newTestApi, pod } from './testSupport';

function everyObjectFrozen(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (!Object.isFrozen(v)) return false;
  return Object.values(v as Record<string, unknown>).every(everyObjectFrozen);
}

/** freezes only the top of each object, leaving its children mutable */
function shallowFreezeEach(o: KubeObject): KubeObject {
  Object.freeze(o.metadata);
  return Object.freeze(o);
}

describe('stored values', () => {
  const writes: { name: string; run: (t: ReturnType<typeof newTestApi>, input: KubeObject) => KubeObject }[] =
    [
      { name: 'create', run: (t, input) => t.api.create('pods', 'default', input, KUBECTL) },
      {
        name: 'update',
        run: (t, input) => {
          const cur = t.api.create('pods', 'default', pod('p'), KUBECTL);
          // the stored spec (pod specs are mostly immutable) with the caller's labels and status
          const next = {
            ...cur,
            metadata: { ...cur.metadata, labels: input.metadata.labels },
            status: input.status,
          } as KubeObject;
          return t.api.update('pods', 'default', shallowFreezeEach(next), KUBECTL);
        },
      },
      {
        name: 'updateStatus',
        run: (t, input) => {
          t.api.create('pods', 'default', pod('p'), KUBECTL);
          return t.api.updateStatus('pods', 'default', input, KUBECTL);
        },
      },
      {
        name: 'patch',
        run: (t, input) => {
          t.api.create('pods', 'default', pod('p'), KUBECTL);
          return t.api.patch(
            'pods',
            'default',
            'p',
            'merge',
            { metadata: input.metadata, status: input.status } as unknown as JsonValue,
            KUBECTL,
          );
        },
      },
    ];
  for (const w of writes)
    it(`${w.name}: frozen throughout, and the caller's objects stay theirs`, () => {
      const t = newTestApi();
      const labels = { app: 'web' };
      const conditions = [{ type: 'Ready', status: 'True' }];
      const input = shallowFreezeEach({
        ...pod('p', {}, labels),
        status: Object.freeze({ phase: 'Running', conditions }),
      } as KubeObject);
      const out = w.run(t, input);
      const stored = t.store.get('/registry/pods/default/p')?.value;
      expect(stored).toBe(out);
      expect(everyObjectFrozen(stored)).toBe(true);
      labels.app = 'changed';
      conditions[0] = { type: 'Ready', status: 'False' };
      expect(JSON.stringify(t.api.get('pods', 'default', 'p'))).not.toContain('changed');
      expect(JSON.stringify(t.api.get('pods', 'default', 'p'))).not.toContain('"False"');
    });
});

describe('a handed-off create', () => {
  it('keeps the caller-built object itself, frozen throughout, with the server fields set', () => {
    const t = newTestApi();
    const input = pod('p', {}, { app: 'web' });
    const out = t.api.create('pods', 'default', input, { ...KUBECTL, handOff: true });
    expect(out).toBe(input);
    expect(t.store.get('/registry/pods/default/p')?.value).toBe(input);
    expect(everyObjectFrozen(out)).toBe(true);
    expect(out.metadata.uid).toBeTruthy();
    expect(out.metadata.resourceVersion).toBeTruthy();
  });
  it('copies a frozen object as any create does', () => {
    const t = newTestApi();
    const input = shallowFreezeEach(pod('p', {}, { app: 'web' }));
    const out = t.api.create('pods', 'default', input, { ...KUBECTL, handOff: true });
    expect(out).not.toBe(input);
    expect(everyObjectFrozen(out)).toBe(true);
  });
  it('is not taken without the flag', () => {
    const t = newTestApi();
    const input = pod('p');
    expect(t.api.create('pods', 'default', input, KUBECTL)).not.toBe(input);
    expect(Object.isFrozen(input)).toBe(false);
  });
});
