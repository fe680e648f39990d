// `kubectl set serviceaccount|sa (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT`: the service account of a pod template.
// mirrors k8s.io/kubectl/pkg/cmd/set/set_serviceaccount.go (Complete: the last argument is the account; Run:
// updatePodSpecForObject sets serviceAccountName, and every target is sent and printed, changed or not).
import type { CommandResult, CommandSpec } from '../types';
import type { ParsedArgs } from '../args';
import type { ClusterRuntime } from '../../cluster/types';
import { resolveTargets, type Target } from './writeTargets';
import { SET_FLAGS, checkLocal, eachTarget, startingObject, writeChanged } from './setSupport';
import { podSpecOf } from './setImage';

function setOne(rt: ClusterRuntime, t: Target, account: string, args: ParsedArgs): string {
  const copy = startingObject(rt, t, args);
  const spec = podSpecOf(copy) as { serviceAccountName?: string } | undefined;
  if (!spec) throw new Error(`${t.info.kind.toLowerCase()}/${t.name} does not have a pod template`);
  spec.serviceAccountName = account;
  return writeChanged(rt, t, copy, 'serviceaccount updated', args);
}

function run(args: ParsedArgs, ctx: Parameters<CommandSpec['run']>[1]): CommandResult {
  if (args.positionals.length === 0) throw new Error('serviceaccount is required');
  const account = args.positionals[args.positionals.length - 1] as string;
  const resources = args.positionals.slice(0, -1);
  checkLocal(args, resources);
  const targets = resolveTargets(ctx.rt, args, {
    stdin: ctx.stdin,
    verb: 'set serviceaccount',
    words: resources,
  });
  return eachTarget(targets, (t) => setOne(ctx.rt, t, account, args));
}

const summary = 'Update the service account of a resource';
export const setServiceAccountCommand: CommandSpec = {
  path: ['set', 'serviceaccount'],
  summary,
  flags: [...SET_FLAGS],
  run,
};
/** the `sa` alias (cobra Aliases) */
export const setSaCommand: CommandSpec = {
  path: ['set', 'sa'],
  summary,
  alias: true,
  flags: [...SET_FLAGS],
  run,
};
