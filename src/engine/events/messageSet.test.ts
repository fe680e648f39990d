// MessageSet holds the same messages as a Set for any sequence of adds and deletes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MessageSet } from './messageSet';

describe('MessageSet', () => {
  it.each([
    { name: 'empty', ops: [], expected: [] },
    { name: 'one message twice', ops: ['+a', '+a'], expected: ['a'] },
    { name: 'a second message', ops: ['+a', '+b', '+a'], expected: ['a', 'b'] },
    { name: 'delete the only one', ops: ['+a', '-a'], expected: [] },
    { name: 'delete a missing one', ops: ['+a', '-b'], expected: ['a'] },
  ])('$name', ({ ops, expected }) => {
    const s = new MessageSet();
    for (const op of ops) {
      if (op.startsWith('+')) s.add(op.slice(1));
      else s.delete(op.slice(1));
    }
    expect(s.values()).toEqual(expected);
    expect(s.size).toBe(expected.length);
  });

  it('behaves as a Set for any adds and deletes', () => {
    const op = fc.tuple(fc.boolean(), fc.constantFrom('', 'a', 'b', 'c', 'dd'));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const s = new MessageSet();
        const ref = new Set<string>();
        for (const [add, m] of ops) {
          if (add) {
            s.add(m);
            ref.add(m);
          } else {
            s.delete(m);
            ref.delete(m);
          }
          expect(s.size).toBe(ref.size);
          expect(s.values()).toEqual([...ref]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
