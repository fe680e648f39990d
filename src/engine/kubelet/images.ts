// Container images as the node's runtime sees them: normalized names, digests, sizes, which images each node has
// pulled, and the kubelet's image Events (mirrors pkg/kubelet/images/image_manager.go EnsureImageExists).
import type { Rng } from '../sim/types';
import { formatDuration } from '../commands/duration';

/** docker reference normalization: nginx:1.27 -> docker.io/library/nginx:1.27 */
export function normalizeImage(image: string): string {
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let name = image;
  if (!hasRegistry) name = slash < 0 ? `docker.io/library/${image}` : `docker.io/${image}`;
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !name.includes('@')) name += ':latest';
  return name;
}

/** repository part of a normalized reference (without tag or digest) */
function repositoryOf(normalized: string): string {
  const at = normalized.indexOf('@');
  if (at >= 0) return normalized.slice(0, at);
  const colon = normalized.lastIndexOf(':');
  return colon > normalized.lastIndexOf('/') ? normalized.slice(0, colon) : normalized;
}

const MAX_CACHED_IMAGES = 4096;

interface ImageInfo {
  digest: string;
  sizeBytes: number;
}

export class ImageCatalog {
  private readonly info = new Map<string, ImageInfo>();
  private readonly pulled = new Map<string, Set<string>>();
  /** normalizeImage and imageID by the image as written in specs: a few distinct images, asked for every pod */
  private readonly normalized = new Map<string, string>();
  private readonly ids = new Map<string, string>();

  constructor(private readonly rng: Rng) {}

  private normalize(image: string): string {
    let norm = this.normalized.get(image);
    if (norm === undefined) {
      if (this.normalized.size >= MAX_CACHED_IMAGES) this.normalized.clear();
      this.normalized.set(image, (norm = normalizeImage(image)));
    }
    return norm;
  }

  private infoOf(image: string): ImageInfo {
    const norm = this.normalize(image);
    let i = this.info.get(norm);
    if (!i) {
      // a fork per image keeps digests stable whatever order images are first seen in
      const r = this.rng.fork(`image/${norm}`);
      i = { digest: `sha256:${r.string(64, '0123456789abcdef')}`, sizeBytes: r.int(5_000_000, 200_000_000) };
      this.info.set(norm, i);
    }
    return i;
  }

  /** imageID in container statuses: docker.io/library/nginx@sha256:... */
  imageID(image: string): string {
    let id = this.ids.get(image);
    if (id === undefined) {
      if (this.ids.size >= MAX_CACHED_IMAGES) this.ids.clear();
      id = `${repositoryOf(this.normalize(image))}@${this.infoOf(image).digest}`;
      this.ids.set(image, id);
    }
    return id;
  }

  sizeBytes(image: string): number {
    return this.infoOf(image).sizeBytes;
  }

  isPresent(node: string, image: string): boolean {
    return this.pulled.get(node)?.has(this.normalize(image)) === true;
  }

  markPulled(node: string, image: string): void {
    let set = this.pulled.get(node);
    if (!set) this.pulled.set(node, (set = new Set()));
    set.add(this.normalize(image));
  }

  /** images on a node, for node status.images */
  imagesOn(node: string): string[] {
    return [...(this.pulled.get(node) ?? [])];
  }
}

/** pkg/kubelet/images: the Pulling Event */
export function pullingMessage(image: string): string {
  return `Pulling image "${image}"`;
}

/** pkg/kubelet/images/image_manager.go: the Pulled Event after a pull */
export function pulledMessage(image: string, pullMs: number, totalMs: number, sizeBytes: number): string {
  const pull = formatDuration(Math.floor(pullMs));
  // the kubelet reports a pull that did not wait with the same duration twice: format it once
  const total = Math.floor(totalMs) === Math.floor(pullMs) ? pull : formatDuration(Math.floor(totalMs));
  return `Successfully pulled image "${image}" in ${pull} (${total} including waiting). Image size: ${sizeBytes} bytes.`;
}

/** the Pulled Event when IfNotPresent finds the image on the node */
export function alreadyPresentMessage(image: string): string {
  return `Container image "${image}" already present on machine`;
}

/** whether the kubelet pulls: imagePullPolicy Always pulls, IfNotPresent/Never use what is there */
export function needsPull(policy: string | undefined, image: string, present: boolean): boolean {
  const p =
    policy ??
    (image.endsWith(':latest') || !image.slice(image.lastIndexOf('/') + 1).includes(':')
      ? 'Always'
      : 'IfNotPresent');
  if (p === 'Always') return true;
  if (p === 'Never') return false;
  return !present;
}
