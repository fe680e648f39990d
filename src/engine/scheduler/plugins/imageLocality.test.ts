// ImageLocality scoring, modelled on imagelocality/image_locality_test.go TestImageLocalityPriority.
import { describe, expect, it } from 'vitest';
import { calculatePriority, newImageLocality, normalizedImageName } from './imageLocality';
import { makeNode, makePod, nodeInfos, runScore } from './testHelpers';

const MB = 1024 * 1024;

describe('ImageLocality', () => {
  it('normalizes untagged names', () => {
    expect(
      ['gcr.io/40', 'gcr.io/40:v1', 'localhost:5000/app', 'app@sha256:abc'].map(normalizedImageName),
    ).toEqual(['gcr.io/40:latest', 'gcr.io/40:v1', 'localhost:5000/app:latest', 'app@sha256:abc']);
  });
  it('clamps to [23MB, 1000MB * containers]', () => {
    expect(calculatePriority(0, 1)).toBe(0);
    expect(calculatePriority(5000 * MB, 1)).toBe(100);
    expect(calculatePriority(1000 * MB, 2)).toBe(Math.trunc((100 * 977) / 1977));
  });
  it('scales image sizes by how many nodes already have them', () => {
    const pod = makePod({
      requests: [],
      spec: {
        containers: [
          { name: 'a', image: 'gcr.io/40' },
          { name: 'b', image: 'gcr.io/300' },
        ],
      },
    });
    const infos = nodeInfos([
      makeNode('node1', { images: [{ names: ['gcr.io/40:latest'], sizeBytes: 40 * MB }] }),
      makeNode('node2', {
        images: [
          { names: ['gcr.io/40:latest'], sizeBytes: 40 * MB },
          { names: ['gcr.io/300:latest'], sizeBytes: 300 * MB },
        ],
      }),
      makeNode('node3'),
    ]);
    // node1: 40MB*2/3 = 26.67MB -> 100*(26.67-23)/1977 = 0; node2: 26.67 + 300/3 = 126.67MB -> 5; node3: 0
    expect(runScore(newImageLocality(), pod, infos)).toEqual({ node1: 0, node2: 5, node3: 0 });
  });
});
