// `kubectl replace -f - [--force]`: full update of each object, or delete-and-recreate with --force.
// mirrors k8s.io/kubectl/pkg/cmd/replace/replace.go Run and forceReplace.
import { commandNamespace } from '../resourceName';
import type { CommandSpec, CommandResult } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import type { ResourceInfo } from '../../apiserver/types';
import { hasReason } from '../../apiserver/errors';
import { resolveManifestTarget, resourceArg } from './writeTargets';
import { deletedLine, waitUntilGone } from './delete';
import {
  dryRunFlag,
  dryRunOf,
  durationFlag,
  errorLine,
  fieldManagerFlag,
  filenameFlag,
  LineError,
  namespaceFlag,
  outputFlag,
  outputOf,
  readManifests,
  requestCtx,
  resultLine,
  sourceErrorLine,
  validateFlag,
  type DryRun,
} from './writeSupport';

interface ReplaceOpts {
  source: string;
  /** -n as given (cli-runtime's enforceNamespace: only an explicit flag must agree with a manifest) */
  flagNamespace: string | undefined;
  /** -n, else the current context's namespace */
  defaultNamespace: string;
  dry: DryRun;
  output: string | undefined;
  force: boolean;
  gracePeriod: number | undefined;
  timeoutMs: number;
}

/** --force: delete (ignoring NotFound), wait until the object is gone, then create it again */
function forceReplace(
  rt: ClusterRuntime,
  info: ResourceInfo,
  ns: string | undefined,
  target: KubeObject,
  o: ReplaceOpts,
): string {
  const name = target.metadata.name ?? '';
  let out = '';
  try {
    const opts =
      o.gracePeriod !== undefined && o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : {};
    rt.api.delete(resourceArg(info), ns, name, opts, requestCtx('replace'));
    out += deletedLine(info, name, 'deleted', 'none');
  } catch (e) {
    if (!hasReason(e, 'NotFound')) throw new LineError(sourceErrorLine('deleting', o.source, e));
  }
  if (!waitUntilGone(rt, info, ns, name, o.timeoutMs)) {
    throw new LineError(`error: timed out waiting for the condition on ${info.plural}/${name}`);
  }
  delete target.metadata.resourceVersion;
  try {
    const created = rt.api.create(resourceArg(info), ns, target, requestCtx('replace'));
    return out + resultLine(info, created, 'replaced', o.output, o.dry);
  } catch (e) {
    throw new LineError(out + sourceErrorLine('replacing', o.source, e));
  }
}

function replaceOne(rt: ClusterRuntime, obj: KubeObject, o: ReplaceOpts): string {
  const { info, ns, target } = resolveManifestTarget(rt, obj, o.source, o.flagNamespace, o.defaultNamespace);
  if (o.dry === 'client') return resultLine(info, target, 'replaced', o.output, o.dry);
  if (o.force) return forceReplace(rt, info, ns, target, o);
  try {
    const updated = rt.api.update(resourceArg(info), ns, target, requestCtx('replace', o.dry));
    return resultLine(info, updated, 'replaced', o.output, o.dry);
  } catch (e) {
    throw new LineError(sourceErrorLine('replacing', o.source, e));
  }
}

export const replaceCommand: CommandSpec = {
  path: ['replace'],
  summary: 'Replace a resource by file name or stdin',
  flags: [
    filenameFlag,
    namespaceFlag,
    outputFlag,
    dryRunFlag,
    validateFlag,
    fieldManagerFlag,
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'string' },
    { name: 'save-config', type: 'bool' },
  ],
  run(args, ctx): CommandResult {
    const dry = dryRunOf(args);
    const o: ReplaceOpts = {
      source: 'STDIN',
      flagNamespace: args.has('namespace') ? args.string('namespace') || undefined : undefined,
      defaultNamespace: commandNamespace(args.string('namespace')),
      dry,
      output: outputOf(args),
      force: args.bool('force'),
      gracePeriod: args.int('grace-period'),
      timeoutMs: durationFlag(args, 'timeout', 5 * 60_000),
    };
    const { objects } = readManifests(args, ctx.stdin, 'replace');
    const out: string[] = [];
    const errors: string[] = [];
    for (const obj of objects) {
      try {
        out.push(replaceOne(ctx.rt, obj, o));
      } catch (e) {
        errors.push(e instanceof LineError ? e.message : errorLine(e));
      }
    }
    return {
      code: errors.length > 0 ? 1 : 0,
      stdout: o.output === 'yaml' ? out.join('---\n') : out.join(''),
      stderr: errors.map((l) => `${l}\n`).join(''),
    };
  },
};
