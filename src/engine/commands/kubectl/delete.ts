// `kubectl delete TYPE NAME... | TYPE/NAME | -f - | -l sel | --all`, with --cascade, --grace-period, --force, --wait.
// mirrors k8s.io/kubectl/pkg/cmd/delete/delete.go (Complete, Validate, DeleteResult, PrintObj) and its wait step.
import type { CommandResult, CommandSpec } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import type { DeleteOpts, PropagationPolicy, ResourceInfo } from '../../apiserver/types';
import { hasReason } from '../../apiserver/errors';
import type { ParsedArgs } from '../args';
import { capNote, waitTimeout } from './waitCap';
import { resolveTargets, resourceArg, type Target } from './writeTargets';
import {
  allFlag,
  dryRunFlag,
  dryRunOf,
  dryRunSuffix,
  errorLine,
  filenameFlag,
  namespaceFlag,
  outputFlag,
  outputOf,
  recursiveFlag,
  requestCtx,
  selectorFlag,
  type DryRun,
} from './writeSupport';
import { kindSlashName } from '../resourceName';

export const IMMEDIATE_DELETION_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

/** `deployment.apps` / `pod`: how delete names a kind */
export function kindString(info: Pick<ResourceInfo, 'kind' | 'group'>): string {
  const k = info.kind.toLowerCase();
  return info.group ? `${k}.${info.group}` : k;
}

/** `deployment.apps "web" deleted` (or `force deleted`, with a dry-run suffix) */
export function deletedLine(info: ResourceInfo, name: string, op: string, dry: DryRun): string {
  return `${kindString(info)} "${name}" ${op}${dryRunSuffix(dry)}\n`;
}

/** mirrors delete.go parseCascadingFlag: true = background, false = orphan */
export function parseCascade(v: string | undefined): PropagationPolicy {
  switch (v ?? 'background') {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new Error(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
  }
}

/** true once the object is gone (or replaced by a new object with another uid); advances virtual time */
export function waitUntilGone(
  rt: ClusterRuntime,
  info: ResourceInfo,
  ns: string | undefined,
  name: string,
  timeoutMs: number,
  uid?: string,
): boolean {
  const gone = (): boolean => {
    try {
      const obj = rt.api.get(resourceArg(info), ns, name);
      return uid !== undefined && obj.metadata.uid !== uid;
    } catch (e) {
      if (hasReason(e, 'NotFound')) return true;
      throw e;
    }
  };
  if (gone()) return true;
  return rt.sim.runUntil(gone, timeoutMs);
}

/** effective grace period after kubectl's own adjustments; a string is the error to print */
function gracePeriodOf(args: ParsedArgs): number | string {
  let grace = args.int('grace-period') ?? -1;
  const force = args.bool('force');
  if (args.bool('now')) {
    if (grace !== -1) return 'error: --now and --grace-period cannot be specified together';
    grace = 1;
  }
  // --grace-period=0 without --force means 1 (backwards compatibility); --force alone means 0
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0)
    return 'error: --force and --grace-period greater than 0 cannot be specified together';
  return grace;
}

interface Deleted {
  target: Target;
  uid: string | undefined;
}

function deleteTargets(
  ctx: { rt: ClusterRuntime },
  targets: Target[],
  args: ParsedArgs,
  grace: number,
  out: string[],
  errors: string[],
): Deleted[] {
  const dry = dryRunOf(args);
  const output = outputOf(args);
  const opts: DeleteOpts = { propagationPolicy: parseCascade(args.string('cascade')) };
  if (grace >= 0) opts.gracePeriodSeconds = grace;
  const ignoreNotFound = args.bool('ignore-not-found') || args.has('selector') || args.bool('all');
  const op = grace === 0 ? 'force deleted' : 'deleted';
  const deleted: Deleted[] = [];
  for (const t of targets) {
    try {
      const res = resourceArg(t.info);
      const live = dry === 'client' ? ctx.rt.api.get(res, t.namespace, t.name) : undefined;
      const after =
        dry === 'client'
          ? live
          : ctx.rt.api.delete(res, t.namespace, t.name, opts, requestCtx('delete', dry));
      out.push(
        output === 'name' ? `${kindSlashName(t.info, t.name)}\n` : deletedLine(t.info, t.name, op, dry),
      );
      if (dry === 'none') deleted.push({ target: t, uid: after?.metadata.uid });
    } catch (e) {
      if (ignoreNotFound && hasReason(e, 'NotFound')) continue;
      errors.push(errorLine(e));
    }
  }
  return deleted;
}

export const deleteCommand: CommandSpec = {
  path: ['delete'],
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [
    filenameFlag,
    namespaceFlag,
    selectorFlag,
    allFlag,
    outputFlag,
    dryRunFlag,
    // descriptions: kubectl/pkg/cmd/delete/delete_flags.go
    {
      name: 'cascade',
      type: 'string',
      default: 'background',
      help: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
    },
    {
      name: 'force',
      type: 'bool',
      help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    },
    {
      name: 'now',
      type: 'bool',
      help: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
    },
    {
      name: 'wait',
      type: 'bool',
      default: true,
      help: 'If true, wait for resources to be gone before returning. This waits for finalizers.',
    },
    {
      name: 'timeout',
      type: 'string',
      default: '0s',
      help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
    },
    {
      name: 'ignore-not-found',
      type: 'bool',
      help: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.',
    },
    recursiveFlag,
  ],
  run(args, ctx): CommandResult {
    const grace = gracePeriodOf(args);
    if (typeof grace === 'string') return { code: 1, stdout: '', stderr: `${grace}\n` };
    parseCascade(args.string('cascade'));
    const timeout = waitTimeout('timeout', args.string('timeout'));
    if (typeof timeout === 'string') throw new Error(`${timeout}`);
    const stderr: string[] = [];
    if (grace === 0) stderr.push(IMMEDIATE_DELETION_WARNING);
    const targets = resolveTargets(ctx.rt, args, { stdin: ctx.stdin, verb: 'delete' });
    const out: string[] = [];
    const errors: string[] = [];
    if (targets.length === 0 && (args.has('selector') || args.bool('all'))) {
      return { code: 0, stdout: 'No resources found\n', stderr: stderr.join('') };
    }
    const deleted = deleteTargets(ctx, targets, args, grace, out, errors);
    let timedOut = false;
    if (args.bool('wait')) {
      for (const d of deleted) {
        const { info, namespace, name } = d.target;
        if (!waitUntilGone(ctx.rt, info, namespace, name, timeout.ms, d.uid)) {
          errors.push(`error: timed out waiting for the condition on ${info.plural}/${name}`);
          timedOut = true;
        }
      }
    }
    return {
      code: errors.length > 0 ? 1 : 0,
      stdout: out.join(''),
      // kubectl waits a week (168h) when --timeout is 0 (e.g. on a finalizer): kubesim stops at its cap and says so
      stderr:
        stderr.join('') + errors.map((l) => `${l}\n`).join('') + (timedOut ? capNote(timeout.capped) : ''),
    };
  },
};
