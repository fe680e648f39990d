// The loop `rollout pause|resume|restart` share: change each target or say why not, print one line per object.
// mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout_pause.go RunPause (and resume/restart, which have the same shape).
import { checkErr, newAggregate } from './checkErr';
import type { CommandContext, CommandResult } from '../types';
import type { ParsedArgs } from '../args';
import type { KubeObject } from '../../types/object';
import { kindSlashName, commandNamespace } from '../resourceName';
import {
  RolloutArgsError,
  resourceString,
  rolloutTargets,
  updateTarget,
  type RolloutTarget,
} from './rolloutTarget';

/** what to do with one object: an error (as the ObjectPauser/Restarter returns it) or a change */
export type PatchDecision = { error: string } | { failure: string } | { mutate: (copy: KubeObject) => void };

export function patchEachTarget(
  args: ParsedArgs,
  { rt }: CommandContext,
  verb: string,
  decide: (t: RolloutTarget) => PatchDecision,
  done: string,
): CommandResult {
  let targets: RolloutTarget[];
  try {
    targets = rolloutTargets(rt, args.positionals, args.string('namespace'), args.string('selector'));
  } catch (e) {
    if (e instanceof RolloutArgsError) return { code: 1, stdout: '', stderr: `error: ${e.message}\n` };
    throw e;
  }
  if (targets.length === 0) {
    return {
      code: 0,
      stdout: '',
      stderr: `No resources found in ${commandNamespace(args.string('namespace'))} namespace.\n`,
    };
  }
  let stdout = '';
  const errs: string[] = [];
  for (const t of targets) {
    const name = t.obj.metadata.name ?? '';
    const d = decide(t);
    if ('error' in d) {
      errs.push(`error: ${resourceString(t.info)} "${name}" ${d.error}`);
      continue;
    }
    if ('failure' in d) {
      errs.push(d.failure);
      continue;
    }
    updateTarget(rt, t, d.mutate, verb);
    stdout += `${kindSlashName(t.info, name)} ${done}\n`;
  }
  if (errs.length === 0) return { code: 0, stdout, stderr: '' };
  // utilerrors.NewAggregate + cmdutil.CheckErr: one error prints as is ("error: " not doubled), several one per line
  return { code: 1, stdout, stderr: checkErr(newAggregate(errs)) };
}

export const isDeployment = (t: RolloutTarget) => t.info.group === 'apps' && t.info.kind === 'Deployment';
export const isPaused = (t: RolloutTarget) =>
  (t.obj.spec as { paused?: boolean } | undefined)?.paused === true;
