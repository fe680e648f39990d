// `kubectl create -f -`: create every object of a manifest, reporting failures per object and exiting 1 at the end.
// mirrors k8s.io/kubectl/pkg/cmd/create/create.go RunCreate.
import { commandNamespace } from '../resourceName';
import type { CommandSpec, CommandResult } from '../types';
import type { ClusterRuntime } from '../../cluster/types';
import type { KubeObject } from '../../types/object';
import { withLastApplied } from './apply';
import { resolveManifestTarget, resourceArg } from './writeTargets';
import {
  dryRunFlag,
  dryRunOf,
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

interface CreateOpts {
  source: string;
  /** -n as given (cli-runtime's enforceNamespace: only an explicit flag must agree with a manifest) */
  flagNamespace: string | undefined;
  /** -n, else the current context's namespace */
  defaultNamespace: string;
  dry: DryRun;
  output: string | undefined;
  saveConfig: boolean;
  fieldManager: string;
}

function createOne(rt: ClusterRuntime, obj: KubeObject, o: CreateOpts): string {
  const resolved = resolveManifestTarget(rt, obj, o.source, o.flagNamespace, o.defaultNamespace);
  const { info, ns } = resolved;
  let target = resolved.target;
  // --save-config records the annotation kubectl apply needs later
  if (o.saveConfig) target = withLastApplied(target);
  if (o.dry === 'client') return resultLine(info, target, 'created', o.output, o.dry);
  try {
    const created = rt.api.create(resourceArg(info), ns, target, requestCtx('create', o.dry, o.fieldManager));
    return resultLine(info, created, 'created', o.output, o.dry);
  } catch (e) {
    throw new LineError(sourceErrorLine('creating', o.source, e));
  }
}

/** run `create -f` for every manifest object: successes on stdout as they go, errors on stderr after them */
export function runCreateFromFiles(rt: ClusterRuntime, objects: KubeObject[], o: CreateOpts): CommandResult {
  const out: string[] = [];
  const errors: string[] = [];
  for (const obj of objects) {
    try {
      out.push(createOne(rt, obj, o));
    } catch (e) {
      errors.push(e instanceof LineError ? e.message : errorLine(e));
    }
  }
  return {
    code: errors.length > 0 ? 1 : 0,
    stdout: o.output === 'yaml' ? out.join('---\n') : out.join(''),
    stderr: errors.map((l) => `${l}\n`).join(''),
  };
}

export const createCommand: CommandSpec = {
  path: ['create'],
  summary: 'Create a resource from a file or from stdin',
  flags: [
    filenameFlag,
    namespaceFlag,
    outputFlag,
    dryRunFlag,
    validateFlag,
    fieldManagerFlag,
    { name: 'save-config', type: 'bool' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run(args, ctx) {
    if (args.positionals.length > 0) {
      return {
        code: 1,
        stdout: '',
        stderr: `error: unknown command "${args.positionals[0]}" for "kubectl create"\nRun 'kubectl create --help' for usage.\n`,
      };
    }
    const dry = dryRunOf(args);
    const output = outputOf(args);
    const { source, objects } = readManifests(args, ctx.stdin, 'create');
    return runCreateFromFiles(ctx.rt, objects, {
      source,
      flagNamespace: args.has('namespace') ? args.string('namespace') || undefined : undefined,
      defaultNamespace: commandNamespace(args.string('namespace')),
      dry,
      output,
      saveConfig: args.bool('save-config'),
      fieldManager: args.string('field-manager') ?? 'kubectl-create',
    });
  },
};
