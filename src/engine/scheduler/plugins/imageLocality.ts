// ImageLocality: favours nodes that already have the pod's images, scaled by how widely each image has spread.
// mirrors pkg/scheduler/framework/plugins/imagelocality/image_locality.go (init containers count too).
import type { Pod } from 'kubernetes-types/core/v1';
import type { PluginContext, PreScorePlugin, ScorePlugin } from '../framework/types';
import { MAX_NODE_SCORE, success } from '../framework/types';

export const IMAGE_LOCALITY = 'ImageLocality';
const PRE_SCORE_KEY = 'PreScore' + IMAGE_LOCALITY;
const MB = 1024 * 1024;
export const MIN_THRESHOLD = 23 * MB;
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** normalizedImageName: append ':latest' when the name has no tag */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** calculatePriority: clamp to [23MiB, 1000MiB * containers] and scale to 0..100 */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

interface ImageState {
  images: string[];
  /** image -> number of nodes in the snapshot that have it */
  numNodes: Map<string, number>;
  totalNodes: number;
}

/** the pod's normalized images, init containers first (plain loops: this runs once per scheduling cycle) */
function imagesOf(pod: Pod): string[] {
  const images: string[] = [];
  for (const c of pod.spec?.initContainers ?? []) images.push(normalizedImageName(c.image ?? ''));
  for (const c of pod.spec?.containers ?? []) images.push(normalizedImageName(c.image ?? ''));
  return images;
}

/** NodeInfo.ImageStates' NumNodes, counted once per cycle over the whole snapshot */
function imageStateOf(pod: Pod, ctx: PluginContext): ImageState {
  const images = imagesOf(pod);
  const numNodes = new Map<string, number>();
  const all = ctx.snapshot.list();
  for (const img of images) {
    if (numNodes.has(img)) continue;
    let n = 0;
    if (ctx.snapshot.imageNumNodes) n = ctx.snapshot.imageNumNodes(img);
    else for (const ni of all) if (ni.imageSizes.has(img)) n++;
    numNodes.set(img, n);
  }
  return { images, numNodes, totalNodes: all.length };
}

export function newImageLocality(): PreScorePlugin & ScorePlugin {
  return {
    name: IMAGE_LOCALITY,
    preScore(state, pod, _nodes, ctx) {
      state.set(PRE_SCORE_KEY, imageStateOf(pod, ctx));
      return success();
    },
    score(state, pod, nodeInfo, ctx) {
      const s = (state.get(PRE_SCORE_KEY) as ImageState | undefined) ?? imageStateOf(pod, ctx);
      let sum = 0;
      for (const img of s.images) {
        const size = nodeInfo.imageSizes.get(img);
        if (size === undefined) continue;
        // scaledImageScore: size * (nodes having the image / total nodes)
        sum += Math.trunc(size * ((s.numNodes.get(img) ?? 0) / s.totalNodes));
      }
      return calculatePriority(sum, s.images.length);
    },
  };
}
