// Image name normalisation and image IDs, memoised, answer as the plain computation does.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ImageCatalog, normalizeImage } from './images';
import { createRng } from '../sim/rng';

const IMAGE = fc.oneof(
  fc.constantFrom(
    'nginx',
    'nginx:1.27',
    'library/nginx:2',
    'docker.io/library/nginx',
    'quay.io/a/b:c',
    'x@sha256:00',
  ),
  fc.stringMatching(/^[a-z]{1,3}(\/[a-z]{1,3})?(:[a-z0-9]{1,2})?$/),
);

describe('ImageCatalog', () => {
  it.each([
    { name: 'short name', image: 'nginx:1.27', repo: 'docker.io/library/nginx@sha256:' },
    { name: 'user repository', image: 'kubesim/crash:5s', repo: 'docker.io/kubesim/crash@sha256:' },
    { name: 'own registry', image: 'quay.io/app/web', repo: 'quay.io/app/web@sha256:' },
  ])('imageID of $name', ({ image, repo }) => {
    const id = new ImageCatalog(createRng(1)).imageID(image);
    expect(id.startsWith(repo)).toBe(true);
    expect(id).toMatch(/@sha256:[0-9a-f]{64}$/);
  });

  it('answers as an uncached catalog would, whatever the order of questions (imageID, presence)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('id', 'pull', 'present'), fc.constantFrom('n1', 'n2'), IMAGE), {
          maxLength: 80,
        }),
        (ops) => {
          const cached = new ImageCatalog(createRng(5));
          const pulled = new Set<string>();
          for (const [op, node, image] of ops) {
            if (op === 'id')
              expect(cached.imageID(image)).toBe(new ImageCatalog(createRng(5)).imageID(image));
            else if (op === 'pull') {
              cached.markPulled(node, image);
              pulled.add(`${node} ${normalizeImage(image)}`);
            } else expect(cached.isPresent(node, image)).toBe(pulled.has(`${node} ${normalizeImage(image)}`));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
