// `kubectl rollout restart TYPE/NAME`: stamp the pod template with kubectl.kubernetes.io/restartedAt so every pod is replaced.
// mirrors k8s.io/kubectl/pkg/polymorphichelpers/objectrestarter.go defaultObjectRestarter and rollout_restart.go.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../types';
import { rolloutNamespaceFlag, rolloutSelectorFlag } from './rolloutTarget';
import { isDeployment, isPaused, patchEachTarget } from './rolloutPatch';

export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

export const rolloutRestartCommand: CommandSpec = {
  path: ['rollout', 'restart'],
  summary: 'Restart a resource',
  flags: [rolloutNamespaceFlag, rolloutSelectorFlag],
  run(args, ctx) {
    const now = ctx.rt.sim.clock.nowRfc3339();
    return patchEachTarget(
      args,
      ctx,
      'restart',
      (t) => {
        const restartable =
          t.info.group === 'apps' && ['Deployment', 'DaemonSet', 'StatefulSet'].includes(t.info.kind);
        if (!restartable) return { error: 'restarting is not supported' };
        if (isDeployment(t) && isPaused(t))
          return { error: "can't restart paused deployment (run rollout resume first)" };
        const template = (t.obj.spec as { template?: PodTemplateSpec } | undefined)?.template;
        // the same second twice makes an empty patch, which kubectl refuses
        if (template?.metadata?.annotations?.[RESTARTED_AT_ANNOTATION] === now) {
          return {
            failure: `failed to create patch for ${t.obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
          };
        }
        return {
          mutate: (copy) => {
            const spec = copy.spec as { template?: PodTemplateSpec };
            spec.template = spec.template ?? {};
            spec.template.metadata = spec.template.metadata ?? {};
            spec.template.metadata.annotations = {
              ...spec.template.metadata.annotations,
              [RESTARTED_AT_ANNOTATION]: now,
            };
          },
        };
      },
      'restarted',
    );
  },
};
