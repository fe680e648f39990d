// `kubectl set image deployment/web nginx=nginx:1.25 [sidecar=...] | '*=img'`: change container images in a pod template.
// mirrors k8s.io/kubectl/pkg/cmd/set/set_image.go (Complete, Run) and polymorphichelpers.updatePodSpecForObject.
import type { CommandResult, CommandSpec } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { resourcesAndPairs } from './label';
import { resolveTargets, type Target } from './writeTargets';
import { SET_FLAGS, checkLocal, eachTarget, startingObject, writeChanged } from './setSupport';
import type { ParsedArgs } from '../args';

interface ContainerLike {
  name?: string;
  image?: string;
}
interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
  ephemeralContainers?: ContainerLike[];
}

/** where the pod spec of each kind lives (updatePodSpecForObject); undefined for kinds without one */
export function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (!spec) return undefined;
  switch (obj.kind) {
    case 'Pod':
      return spec as PodSpecLike;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicationController':
    case 'Job':
      return (spec.template as { spec?: PodSpecLike } | undefined)?.spec;
    case 'CronJob':
      return (spec.jobTemplate as { spec?: { template?: { spec?: PodSpecLike } } } | undefined)?.spec
        ?.template?.spec;
    default:
      return undefined;
  }
}

/** set_image.go Complete: `name=image` pairs; an image must be given for each */
export function parseImagePairs(pairs: readonly string[]): Map<string, string> {
  const images = new Map<string, string>();
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0 || i === p.length - 1) throw new Error(`invalid image ${p}`);
    images.set(p.slice(0, i), p.slice(i + 1));
  }
  return images;
}

/** apply the images to the spec; returns whether anything changed; throws for an unknown container name */
export function setImages(spec: PodSpecLike, images: ReadonlyMap<string, string>): boolean {
  const all = [
    ...(spec.initContainers ?? []),
    ...(spec.containers ?? []),
    ...(spec.ephemeralContainers ?? []),
  ];
  let changed = false;
  for (const [name, image] of images) {
    let found = false;
    for (const c of all) {
      if (name === '*' || c.name === name) {
        found = true;
        if (c.image !== image) changed = true;
        c.image = image;
      }
    }
    if (!found) throw new Error(`unable to find container named "${name}"`);
  }
  return changed;
}

function setImageOne(
  rt: ClusterRuntime,
  t: Target,
  images: ReadonlyMap<string, string>,
  args: ParsedArgs,
): string {
  const copy = startingObject(rt, t, args);
  const spec = podSpecOf(copy);
  if (!spec) throw new Error(`${t.info.kind.toLowerCase()}/${t.name} does not have a pod template`);
  // no change, no request and no line (set_image.go skips an empty patch)
  if (!setImages(spec, images)) return '';
  return writeChanged(rt, t, copy, 'image updated', args);
}

export const setImageCommand: CommandSpec = {
  path: ['set', 'image'],
  summary: 'Update the image of a pod template',
  flags: [...SET_FLAGS],
  run(args, ctx): CommandResult {
    const { resources, pairs } = resourcesAndPairs(args.positionals, 'image');
    checkLocal(args, resources);
    if (pairs.length === 0) throw new Error('at least one image update is required');
    const images = parseImagePairs(pairs);
    const targets = resolveTargets(ctx.rt, args, { stdin: ctx.stdin, verb: 'set image', words: resources });
    return eachTarget(targets, (t) => setImageOne(ctx.rt, t, images, args));
  },
};
