// `kubectl rollout resume TYPE/NAME`: unpause a Deployment so its controller rolls out the current template.
// mirrors k8s.io/kubectl/pkg/polymorphichelpers/objectresumer.go defaultObjectResumer.
import type { CommandSpec } from '../types';
import { rolloutNamespaceFlag, rolloutSelectorFlag } from './rolloutTarget';
import { isDeployment, isPaused, patchEachTarget } from './rolloutPatch';

export const rolloutResumeCommand: CommandSpec = {
  path: ['rollout', 'resume'],
  summary: 'Resume a paused resource',
  flags: [rolloutNamespaceFlag, rolloutSelectorFlag],
  run(args, ctx) {
    return patchEachTarget(
      args,
      ctx,
      'resume',
      (t) => {
        if (!isDeployment(t)) return { error: 'resuming is not supported' };
        if (!isPaused(t)) return { error: 'is not paused' };
        // Paused=false is omitted on the wire (omitempty), so the field disappears
        return { mutate: (copy) => void delete (copy.spec as { paused?: boolean }).paused };
      },
      'resumed',
    );
  },
};
