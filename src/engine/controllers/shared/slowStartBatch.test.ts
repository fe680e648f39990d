// Table from pkg/controller/replicaset/replica_set_test.go TestSlowStartBatch.
import { describe, expect, it } from 'vitest';
import { slowStartBatch } from './slowStartBatch';

describe('TestSlowStartBatch', () => {
  const cases = [
    {
      name: 'callback function succeeds',
      count: 10,
      okCalls: Infinity,
      wantCalls: 10,
      wantOk: 10,
      wantErr: false,
    },
    { name: 'callback function fails', count: 10, okCalls: 0, wantCalls: 1, wantOk: 0, wantErr: true },
    {
      name: 'callback function fails after 5 successes',
      count: 10,
      okCalls: 5,
      wantCalls: 7,
      wantOk: 5,
      wantErr: true,
    },
    { name: 'nothing to do', count: 0, okCalls: Infinity, wantCalls: 0, wantOk: 0, wantErr: false },
  ];
  it.each(cases)('$name', ({ count, okCalls, wantCalls, wantOk, wantErr }) => {
    let calls = 0;
    const r = slowStartBatch(count, 1, () => (++calls > okCalls ? 'fake error' : undefined));
    expect(calls).toBe(wantCalls);
    expect(r.calls).toBe(wantCalls);
    expect(r.successes).toBe(wantOk);
    expect(r.error !== undefined).toBe(wantErr);
  });
});
