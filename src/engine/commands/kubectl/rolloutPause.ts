// `kubectl rollout pause TYPE/NAME`: mark a Deployment paused so template changes do not roll out.
// mirrors k8s.io/kubectl/pkg/polymorphichelpers/objectpauser.go defaultObjectPauser.
import type { CommandSpec } from '../types';
import { rolloutNamespaceFlag, rolloutSelectorFlag } from './rolloutTarget';
import { isDeployment, isPaused, patchEachTarget } from './rolloutPatch';

export const rolloutPauseCommand: CommandSpec = {
  path: ['rollout', 'pause'],
  summary: 'Mark the provided resource as paused',
  flags: [rolloutNamespaceFlag, rolloutSelectorFlag],
  run(args, ctx) {
    return patchEachTarget(
      args,
      ctx,
      'pause',
      (t) => {
        if (!isDeployment(t)) return { error: 'pausing is not supported' };
        if (isPaused(t)) return { error: 'is already paused' };
        return { mutate: (copy) => void ((copy.spec as { paused?: boolean }).paused = true) };
      },
      'paused',
    );
  },
};
