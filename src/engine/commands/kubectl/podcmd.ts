// Which container of a pod a command means, after kubectl/pkg/cmd/util/podcmd: the names kubectl lists
// (`a, b, c (ephem), d (init)`), and the default container (the kubectl.kubernetes.io/default-container annotation,
// else the first one, with the "Defaulted container" line when the pod has others).
import type { Pod } from 'kubernetes-types/core/v1';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** AllContainerNames: containers, then ephemeral ones (ephem), then init ones (init) */
export function allContainerNames(pod: Readonly<Pod>): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/** FindContainerByName: a container, init container or ephemeral container of that name exists */
export function hasContainer(pod: Readonly<Pod>, name: string): boolean {
  const s = pod.spec;
  return [...(s?.containers ?? []), ...(s?.initContainers ?? []), ...(s?.ephemeralContainers ?? [])].some(
    (c) => c.name === name,
  );
}

/** the first container, and the line kubectl prints when the pod has others (unless quiet) */
export function firstContainer(pod: Readonly<Pod>, quiet: boolean): { name: string; warning?: string } {
  const s = pod.spec;
  const name = s?.containers?.[0]?.name ?? '';
  const several =
    (s?.containers?.length ?? 0) > 1 ||
    (s?.initContainers?.length ?? 0) > 0 ||
    (s?.ephemeralContainers?.length ?? 0) > 0;
  return several && !quiet
    ? { name, warning: `Defaulted container "${name}" out of: ${allContainerNames(pod)}` }
    : { name };
}

/** FindOrDefaultContainerByName for an empty name: the annotated default container, else the first */
export function defaultContainer(
  pod: Readonly<Pod>,
  quiet: boolean,
): { name: string; warning?: string } | { error: string } {
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated) {
    return hasContainer(pod, annotated)
      ? { name: annotated }
      : {
          error: `container ${annotated} is not valid for pod ${pod.metadata?.name ?? ''} out of: ${allContainerNames(pod)}`,
        };
  }
  return firstContainer(pod, quiet);
}
