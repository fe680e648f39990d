// podcmd's container choice (kubectl/pkg/cmd/util/podcmd): names listed with (ephem)/(init), the annotated default,
// and the "Defaulted container" line only when the pod has other containers.
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { allContainerNames, defaultContainer } from './podcmd';

const pod = (containers: string[], init: string[] = [], annotation?: string): Pod => ({
  metadata: {
    name: 'p',
    ...(annotation ? { annotations: { 'kubectl.kubernetes.io/default-container': annotation } } : {}),
  },
  spec: {
    containers: containers.map((name) => ({ name })),
    ...(init.length > 0 ? { initContainers: init.map((name) => ({ name })) } : {}),
  },
});

describe('podcmd', () => {
  it('lists containers, then init containers marked (init)', () => {
    expect(allContainerNames(pod(['a', 'b'], ['setup']))).toBe('a, b, setup (init)');
  });
  it.each<[string, Pod, boolean, ReturnType<typeof defaultContainer>]>([
    ['one container: no line', pod(['a']), false, { name: 'a' }],
    [
      'two containers: the first, said',
      pod(['a', 'b']),
      false,
      { name: 'a', warning: 'Defaulted container "a" out of: a, b' },
    ],
    [
      'an init container counts as another',
      pod(['a'], ['i']),
      false,
      { name: 'a', warning: 'Defaulted container "a" out of: a, i (init)' },
    ],
    ['quiet', pod(['a', 'b']), true, { name: 'a' }],
    ['the annotation names the default', pod(['a', 'b'], [], 'b'), false, { name: 'b' }],
    [
      'an annotation naming no container',
      pod(['a'], [], 'zz'),
      false,
      { error: 'container zz is not valid for pod p out of: a' },
    ],
  ])('%s', (_name, p, quiet, want) => {
    expect(defaultContainer(p, quiet)).toEqual(want);
  });
});
