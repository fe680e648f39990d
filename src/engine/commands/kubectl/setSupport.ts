// What the `kubectl set` verbs share: --local (edit the objects of -f without the API server, print them) and the
// object each target starts from (k8s.io/kubectl/pkg/cmd/set: LocalParam, resource.LocalResourceError).
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { FlagSpec, ParsedArgs } from '../args';
import type { CommandResult } from '../types';
import { liveObject, resourceArg, type Target } from './writeTargets';
import {
  allFlag,
  dryRunFlag,
  dryRunOf,
  errorLine,
  filenameFlag,
  mutableCopy,
  namespaceFlag,
  outputFlag,
  outputOf,
  requestCtx,
  resultLine,
  selectorFlag,
} from './writeSupport';

/** the flags every set verb takes (targets, printing, dry run, --local) */
export const SET_FLAGS: readonly FlagSpec[] = [
  filenameFlag,
  namespaceFlag,
  selectorFlag,
  allFlag,
  outputFlag,
  dryRunFlag,
  {
    name: 'local',
    type: 'bool',
    help: 'If true, the change is made to the objects of -f and printed, without contacting the API server.',
  },
];

/** run one change per target: its lines on stdout, kubectl's error line for each failure, the warnings first */
export function eachTarget(
  targets: readonly Target[],
  change: (t: Target) => string,
  warnings: readonly string[] = [],
): CommandResult {
  const out: string[] = [];
  const errors: string[] = [];
  for (const t of targets) {
    try {
      out.push(change(t));
    } catch (e) {
      errors.push(errorLine(e));
    }
  }
  return {
    code: errors.length > 0 ? 1 : 0,
    stdout: out.join(''),
    stderr: [...warnings, ...errors].map((l) => `${l}\n`).join(''),
  };
}

/** resource.LocalResourceError */
const LOCAL_RESOURCE_ERROR =
  "you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

/** the Validate/Complete checks of --local: only files, and no server dry run */
export function checkLocal(args: ParsedArgs, resources: readonly string[]): void {
  if (!args.bool('local')) return;
  if (dryRunOf(args) === 'server')
    throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (resources.length > 0) throw new Error(LOCAL_RESOURCE_ERROR);
}

/** a copy to change: the object of -f when local (or already read by a selector), else the live one */
export function startingObject(rt: ClusterRuntime, t: Target, args: ParsedArgs): KubeObject {
  const local = args.bool('local');
  const current = t.obj && (local || t.obj.metadata.resourceVersion) ? t.obj : liveObject(rt, t);
  return mutableCopy(current);
}

/** send the changed object (or only print it: --local, --dry-run=client) and the line kubectl prints */
export function writeChanged(
  rt: ClusterRuntime,
  t: Target,
  changed: KubeObject,
  op: string,
  args: ParsedArgs,
): string {
  const output = outputOf(args);
  if (args.bool('local')) return resultLine(t.info, changed, op, output, 'none');
  const dry = dryRunOf(args);
  if (dry === 'client') return resultLine(t.info, changed, op, output, dry);
  const updated = rt.api.update(resourceArg(t.info), t.namespace, changed, requestCtx('set', dry));
  return resultLine(t.info, updated, op, output, dry);
}
