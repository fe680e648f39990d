// Demo image behaviour lookups, memoised per image name, answer as the plain parse does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { imageBehaviour, pullError, repoAndTag } from './demoImages';
import { normalizeImage } from './images';

describe('demo images', () => {
  it.each([
    { name: 'ordinary image', image: 'nginx:1.27', expected: {} },
    {
      name: 'crash with its delay',
      image: 'kubesim/crash:3s',
      expected: { crashAfterMs: 3000, exitCode: 1 },
    },
    {
      name: 'crash by default after 5s',
      image: 'kubesim/crash',
      expected: { crashAfterMs: 5000, exitCode: 1 },
    },
    { name: 'hang', image: 'docker.io/kubesim/hang:10s', expected: { hangAfterMs: 10_000 } },
    { name: 'digest ignored', image: 'kubesim/unready@sha256:00', expected: { readinessFails: true } },
  ])('behaviour of $name', ({ image, expected }) => {
    expect(imageBehaviour(image)).toEqual(expected);
    expect(imageBehaviour(image)).toEqual(expected);
  });

  it('pull error only for missing images', () => {
    expect(pullError('nginx:1.27')).toBeUndefined();
    expect(pullError('nginx:doesnotexist')).toContain('docker.io/library/nginx:doesnotexist: not found');
  });

  it('memoised repoAndTag equals a from-scratch split, in any order of images', () => {
    const image = fc.oneof(
      fc.constantFrom('nginx', 'kubesim/crash:5s', 'quay.io/a/b:c', 'x@sha256:00', 'localhost:5000/app'),
      fc.stringMatching(/^[a-z]{1,3}(\/[a-z]{1,3})?(:[a-z0-9]{1,2})?(@sha256:[0-9a-f]{1,4})?$/),
    );
    fc.assert(
      fc.property(fc.array(image, { maxLength: 50 }), (images) => {
        for (const img of images) {
          const norm = normalizeImage(img.split('@')[0] ?? img);
          const colon = norm.lastIndexOf(':');
          expect(repoAndTag(img)).toEqual({ repo: norm.slice(0, colon), tag: norm.slice(colon + 1) });
        }
      }),
      { numRuns: 200 },
    );
  });
});
