// taint_eviction.go PodUpdated: which pod updates the controller looks at again.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../types/object';
import { tolerationsOrNodeChanged } from './controller';

const spec = { nodeName: 'node-1', tolerations: [{ key: 'a', operator: 'Exists' }] };
const pod = (s: unknown, status = 'Pending'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: s as Record<string, unknown>,
  status: { phase: status },
});

describe('tolerationsOrNodeChanged', () => {
  it.each([
    { name: 'status-only update (same spec object)', o: pod(spec), p: pod(spec, 'Running'), want: false },
    { name: 'equal copies of the spec', o: pod(spec), p: pod(structuredClone(spec)), want: false },
    { name: 'bound to a node', o: pod({ tolerations: spec.tolerations }), p: pod(spec), want: true },
    {
      name: 'a toleration added',
      o: pod(spec),
      p: pod({ ...spec, tolerations: [...spec.tolerations, { key: 'b', operator: 'Exists' }] }),
      want: true,
    },
  ])('$name', ({ o, p, want }) => {
    expect(tolerationsOrNodeChanged(o, p)).toBe(want);
  });
});
